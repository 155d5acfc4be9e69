package io.rapport.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.generator.GeneratedRecord;
import io.rapport.generator.GeneratorConfig;
import io.rapport.generator.GeneratorStats;
import io.rapport.generator.RapportGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GenerateCommandTest {

  private static final class Run {
    final int code;
    final String out;
    final String err;

    Run(int code, String out, String err) {
      this.code = code;
      this.out = out;
      this.err = err;
    }
  }

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        GenerateCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void parsesEveryOption() throws Exception {
    GenerateCommand.Options o =
        GenerateCommand.parse(
            new String[] {
              "--events",
              "10k",
              "--rate=2500",
              "--bootstrap-servers",
              "localhost:19092,other:9093",
              "--seed",
              "-7",
              "--start-index",
              "1_000",
              "--malformed-rate",
              "0.05",
              "--customers",
              "500",
              "--partitions",
              "6",
              "--no-create-topics",
              "--progress",
              "none"
            });
    assertThat(o.events).isEqualTo(10_000);
    assertThat(o.rate).isEqualTo(2500.0);
    assertThat(o.bootstrapServers).isEqualTo("localhost:19092,other:9093");
    assertThat(o.seed).isEqualTo(-7);
    assertThat(o.startIndex).isEqualTo(1_000);
    assertThat(o.malformedRate).isEqualTo(0.05);
    assertThat(o.customers).isEqualTo(500);
    assertThat(o.partitions).isEqualTo(6);
    assertThat(o.createTopics).isFalse();
    assertThat(o.progress).isEqualTo("none");
    GeneratorConfig c = o.config();
    assertThat(c.seed).isEqualTo(-7);
    assertThat(c.malformedRate).isEqualTo(0.05);
    assertThat(c.customers).isEqualTo(500);
  }

  @Test
  void defaults() throws Exception {
    GenerateCommand.Options o = GenerateCommand.parse(new String[] {"--events", "5"});
    assertThat(o.bootstrapServers).isEqualTo("127.0.0.1:9092");
    assertThat(o.rate).isZero();
    assertThat(o.seed).isEqualTo(42);
    assertThat(o.startIndex).isZero();
    assertThat(o.malformedRate).isEqualTo(0.01);
    assertThat(o.createTopics).isTrue();
    assertThat(o.config()).isEqualTo(GeneratorConfig.defaults());
  }

  @Test
  void countsTakeSuffixes() throws Exception {
    assertThat(GenerateCommand.count("--events", "2m")).isEqualTo(2_000_000);
    assertThat(GenerateCommand.count("--events", "2.5k")).isEqualTo(2_500);
    assertThat(GenerateCommand.count("--events", "1_000_000")).isEqualTo(1_000_000);
    assertThatThrownBy(() -> GenerateCommand.count("--events", "1.5"))
        .isInstanceOf(GenerateCommand.UsageException.class);
    assertThatThrownBy(() -> GenerateCommand.count("--events", "0.0001k"))
        .isInstanceOf(GenerateCommand.UsageException.class);
  }

  @Test
  void badArgumentsExitWith2AndAClearMessage() {
    String[][] bad = {
      {},
      {"--rate", "10"},
      {"--events"},
      {"--events", "many"},
      {"--events", "0"},
      {"--events", "10", "--rate", "-1"},
      {"--events", "10", "--rate", "fast"},
      {"--events", "10", "--malformed-rate", "1.5"},
      {"--events", "10", "--bootstrap-servers", "nohostport"},
      {"--events", "10", "--start-index", "-3"},
      {"--events", "10", "--customers", "3"},
      {"--events", "10", "--progress", "fancy"},
      {"--events", "10", "--frobnicate"},
      {"--events", "10", "extra"},
      {"--events", "--rate", "5"},
    };
    for (String[] args : bad) {
      Run r = run(args);
      assertThat(r.code).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err)
          .as(String.join(" ", args))
          .startsWith("rapport generate: ")
          .contains("--help");
      assertThat(r.out).isEmpty();
    }
    assertThat(run("--events", "10", "--frobnicate").err).contains("unknown option --frobnicate");
    assertThat(run().err).contains("--events N is required");
  }

  @Test
  void helpPrintsUsage() {
    for (String h : new String[] {"--help", "-h"}) {
      Run r = run(h);
      assertThat(r.code).isZero();
      assertThat(r.out).contains("Usage: bin/rapport generate --events N").contains("--rate R");
      assertThat(r.out)
          .contains("--bootstrap-servers")
          .contains("--start-index")
          .contains("--malformed-rate");
    }
  }

  @Test
  void dryRunCountsWhatTheGeneratorStatsExpect() {
    Run r = run("--events", "5000", "--start-index", "100", "--dry-run", "--progress", "lines");
    assertThat(r.code).isZero();
    GeneratorStats s =
        GeneratorStats.of(new RapportGenerator(GeneratorConfig.defaults()), 100, 5_100);
    assertThat(r.out)
        .startsWith("generated 5,000 records [100, 5100) in ")
        .contains(
            GeneratedRecord.TOPIC_CUSTOMERS + "=" + s.records(GeneratedRecord.TOPIC_CUSTOMERS))
        .contains(
            GeneratedRecord.TOPIC_TRANSACTIONS
                + "="
                + s.records(GeneratedRecord.TOPIC_TRANSACTIONS))
        .contains(GeneratedRecord.TOPIC_MENTIONS + "=" + s.records(GeneratedRecord.TOPIC_MENTIONS))
        .contains("malformed=" + s.malformed())
        .contains("next --start-index 5100");
  }

  @Test
  void pacerHoldsTheRateOnAnAbsoluteSchedule() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    List<Long> sleeps = new ArrayList<>();
    Pacer p =
        new Pacer(
            1_000, // 1 ms per item
            now::get,
            d -> {
              sleeps.add(d);
              now.addAndGet(d);
            });
    for (int n = 0; n < 100; n++) {
      p.await(n);
    }
    // item 99 goes 99 ms after item 0
    assertThat(now.get() - 1_000_000_000L).isEqualTo(99_000_000L);
    // a slow stretch is caught up: no sleeping until the schedule is reached again
    now.addAndGet(50_000_000L);
    sleeps.clear();
    for (int n = 100; n < 150; n++) {
      p.await(n);
    }
    assertThat(sleeps).isEmpty();
    p.await(200);
    assertThat(now.get() - 1_000_000_000L).isEqualTo(200_000_000L);
  }

  @Test
  void noRateMeansNoWaiting() {
    Pacer p =
        new Pacer(
            0,
            () -> 0L,
            d -> {
              throw new AssertionError("slept");
            });
    assertThat(p.await(1_000_000)).isZero();
  }

  @Test
  void pacedDryRunTakesAboutTheRightTime() {
    long t0 = System.nanoTime();
    Run r = run("--events", "300", "--rate", "1000", "--dry-run", "--progress", "none");
    double s = (System.nanoTime() - t0) / 1e9;
    assertThat(r.code).isZero();
    assertThat(s).isBetween(0.25, 5.0);
  }

  @Test
  void progressLine() {
    assertThat(Progress.line(1_000, 3_000, 500_000_000L))
        .isEqualTo(
            "[##########--------------------]  33.3%  1,000/3,000  2,000 rec/s  ETA 0:00:01");
    assertThat(Progress.line(0, 10, 0)).contains("ETA --:--:--");
    assertThat(Progress.duration(3_725)).isEqualTo("1:02:05");
  }

  @Test
  void progressRedrawsInPlaceOnATerminalAndPrintsLinesOtherwise() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Progress bar = new Progress(err, 100, true, 0);
    bar.update(10, 100_000_000L); // too soon
    bar.update(20, 300_000_000L);
    bar.update(30, 600_000_000L);
    bar.finish(100, 1_000_000_000L);
    String s = bytes.toString(StandardCharsets.UTF_8);
    assertThat(s.chars().filter(c -> c == '\r').count()).isEqualTo(3);
    assertThat(s).endsWith("\n").contains("100.0%");

    bytes.reset();
    Progress lines = new Progress(err, 100, false, 0);
    lines.update(10, 1_000_000_000L);
    lines.update(50, 6_000_000_000L);
    lines.finish(100, 7_000_000_000L);
    s = bytes.toString(StandardCharsets.UTF_8);
    assertThat(s).doesNotContain("\r");
    assertThat(s.lines().count()).isEqualTo(2);
  }

  @Test
  void producerIsIdempotentWithAcksAllAndLz4() {
    var props = GenerateCommand.producerProperties("127.0.0.1:9092");
    assertThat(props.get("enable.idempotence")).isEqualTo(true);
    assertThat(props.get("acks")).isEqualTo("all");
    assertThat(props.get("compression.type")).isEqualTo("lz4");
    assertThat(props.get("bootstrap.servers")).isEqualTo("127.0.0.1:9092");
  }
}
