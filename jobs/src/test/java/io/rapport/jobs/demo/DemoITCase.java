package io.rapport.jobs.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code bin/rapport demo --seconds N}, in a JVM of its own (the demo
 * ends with {@code System.exit}) with the launcher's logging configuration: it ends by itself,
 * prints its summary line, writes its results, and prints no stack trace on the way. Checkpoints
 * every 200 ms, so that one is nearly always in flight when the demo stops the job (the stop used
 * to log the aborted checkpoint at WARN with a stack trace).
 */
class DemoITCase {
  private static final List<String> OPENS =
      List.of(
          "java.base/java.util",
          "java.base/java.lang",
          "java.base/java.lang.invoke",
          "java.base/java.nio",
          "java.base/sun.nio.ch",
          "java.base/java.time",
          "java.base/java.io",
          "java.base/java.net",
          "java.base/java.util.concurrent",
          "java.base/java.util.concurrent.atomic",
          "java.base/java.lang.reflect",
          "java.base/java.text",
          "java.base/java.math",
          "java.sql/java.sql");

  @Test
  void stopsAfterItsSecondsWithoutAStackTrace(@TempDir Path tmp) throws Exception {
    Path output = tmp.resolve("results");
    Path stdout = tmp.resolve("stdout.txt");
    Path stderr = tmp.resolve("stderr.txt");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dlog4j.configurationFile=" + home().resolve("bin/lib/log4j2-cli.properties"));
    for (String open : OPENS) {
      cmd.add("--add-opens=" + open + "=ALL-UNNAMED");
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.rapport.jobs.RapportJob",
            "--demo",
            "--seconds",
            "12",
            "--output",
            output.toString(),
            "--checkpoint.interval",
            "200 ms"));
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("the demo did not end within 180 s:\n" + Files.readString(stdout, UTF_8));
    }
    String out = Files.readString(stdout, UTF_8);
    String err = Files.readString(stderr, UTF_8);
    String both = "stdout:\n" + out + "\nstderr:\n" + err;

    assertThat(p.exitValue()).as(both).isZero();
    assertThat(out).as(both).containsPattern("(?m)^summary: events=[1-9][0-9]* profiles=[1-9]");
    assertThat(output.resolve("profiles.jsonl")).isNotEmptyFile();
    assertThat((out + err).lines())
        .as(both)
        .noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
  }

  /** The repository root (the folder holding bin/rapport), above the module's directory. */
  private static Path home() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("bin").resolve("rapport"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      fail("bin" + File.separator + "rapport not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
