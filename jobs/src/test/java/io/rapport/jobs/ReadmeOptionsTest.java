package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is generated from {@link RapportOptions} and must match it. */
class ReadmeOptionsTest {
  static final String START = "<!-- options:start -->\n";
  static final String END = "<!-- options:end -->";

  @Test
  void readmeListsEveryOptionWithItsDefault() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int from = readme.indexOf(START);
    int to = readme.indexOf(END);
    assertThat(from).as("README has the options markers").isNotNegative();
    String table = readme.substring(from + START.length(), to);
    if (Boolean.getBoolean("rapport.update-readme")) {
      Files.writeString(
          Path.of("..", "README.md"),
          readme.substring(0, from + START.length())
              + RapportOptions.markdownTable()
              + readme.substring(to));
      return;
    }
    assertThat(table)
        .as(
            "regenerate with: ./mvnw -pl jobs -am test -Dtest=ReadmeOptionsTest"
                + " -Drapport.update-readme=true -Dsurefire.failIfNoSpecifiedTests=false")
        .isEqualTo(RapportOptions.markdownTable());
  }
}
