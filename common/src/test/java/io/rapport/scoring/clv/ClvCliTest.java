package io.rapport.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvCliTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ClvCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void fitsTheFrequencyRecencyForm() throws IOException {
    Run run = run("fit", CdnowData.summaryCsv().toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().strip().lines()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(fieldNames(json)).containsExactly("r", "alpha", "a", "b");
    assertThat(json.get("r").asDouble()).isCloseTo(0.2426, within(0.005 * 0.2426));
    assertThat(json.get("alpha").asDouble()).isCloseTo(4.4135, within(0.005 * 4.4135));
    assertThat(json.get("a").asDouble()).isCloseTo(0.7929, within(0.005 * 0.7929));
    assertThat(json.get("b").asDouble()).isCloseTo(2.4258, within(0.005 * 2.4258));
  }

  @Test
  void fitsTheSpendFormWithGammaGamma() throws IOException {
    Run run = run("fit", CdnowData.summaryWithSpendCsv().toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(fieldNames(json)).containsExactly("r", "alpha", "a", "b", "p", "q", "v");
    assertThat(json.get("p").asDouble()).isCloseTo(6.25, within(0.01));
    assertThat(json.get("q").asDouble()).isCloseTo(3.74, within(0.01));
    assertThat(json.get("v").asDouble()).isCloseTo(15.44, within(0.01));
  }

  @Test
  void matchesColumnsByNameIgnoringCaseAndOrder() throws IOException {
    StringBuilder csv = new StringBuilder("T, Recency ,FREQUENCY,id,extra\n");
    for (CustomerSummary s : CdnowData.summaries()) {
      csv.append(s.T).append(',').append(s.tx).append(',').append(s.x);
      csv.append(',').append(s.id).append(",zzz\n");
    }
    Run run = run("fit", file("shuffled.csv", csv.toString()).toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("r").asDouble()).isCloseTo(0.2426, within(0.005 * 0.2426));
  }

  @Test
  void reportsMissingColumns() throws IOException {
    Run run = run("fit", file("m.csv", "ID,frequency,recency\n1,2,3\n").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("m.csv:1").contains("missing column T");
  }

  @Test
  void reportsNonNumericCellsWithTheirLine() throws IOException {
    Run run =
        run("fit", file("n.csv", "ID,frequency,recency,T\n1,2,30,38\n\n2,1,abc,38\n").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("n.csv:4").contains("recency").contains("'abc'");
  }

  @Test
  void reportsWrongCellCountsAndInvalidValues() throws IOException {
    Run cells = run("fit", file("c.csv", "ID,frequency,recency,T\n1,2,30\n").toString());
    assertThat(cells.code()).isEqualTo(2);
    assertThat(cells.err()).contains("c.csv:2").contains("expected 4 cells");
    Run values = run("fit", file("v.csv", "ID,frequency,recency,T\n1,2,40,38\n").toString());
    assertThat(values.code()).isEqualTo(2);
    assertThat(values.err()).contains("v.csv:2").contains("t_x");
    Run spend = run("fit", file("s.csv", "ID,x,t_x,T,zbar\n1,2,30,38,0\n").toString());
    assertThat(spend.code()).isEqualTo(2);
    assertThat(spend.err()).contains("s.csv:2").contains("zbar");
  }

  @Test
  void reportsEmptyFilesAndFilesWithoutRows() throws IOException {
    Run empty = run("fit", file("e.csv", "").toString());
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("empty file");
    Run header = run("fit", file("h.csv", "ID,frequency,recency,T\n").toString());
    assertThat(header.code()).isEqualTo(2);
    assertThat(header.err()).contains("no data rows");
  }

  @Test
  void reportsDataWithoutRepeatBuyers() throws IOException {
    Run run = run("fit", file("z.csv", "ID,frequency,recency,T\n1,0,0,38\n2,0,0,20\n").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no customer made a repeat purchase");
  }

  @Test
  void reportsUsageErrors() {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("fit").code()).isEqualTo(2);
    assertThat(run("score", "x.csv").err()).contains("usage:");
    Run missing = run("fit", dir.resolve("nope.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    Run help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("usage:");
  }
}
