package io.rapport.jobs.bench;

import com.sun.management.OperatingSystemMXBean;
import io.rapport.generator.GeneratedRecord;
import io.rapport.generator.GeneratorConfig;
import io.rapport.generator.RapportGenerator;
import io.rapport.jobs.Environments;
import io.rapport.jobs.JobArguments;
import io.rapport.jobs.RapportJob;
import io.rapport.jobs.RapportJob.NamedSource;
import io.rapport.jobs.source.GeneratorSource;
import io.rapport.model.Envelope;
import io.rapport.serde.RecordParser;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * {@code bin/rapport bench scoring}: the main pipeline with and without the scoring stage ({@code
 * --scoring.enabled true/false}) on the same pre-generated input, in one run, each at parallelism 1
 * in a local MiniCluster with RocksDB state and checkpoints every 10 s to a temporary folder.
 * Prints input events per second (wall clock) and per CPU-second of the whole process ("per core"),
 * for each, and the ratio. Options: {@code --events N} (default 200000), {@code --seed S}, {@code
 * --runs R} (default 2; best run of each reported, after a warm-up run of each).
 */
public final class ScoringBenchmark {
  static volatile GeneratedRecord[] input;

  private ScoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = 200_000;
    long seed = 42;
    int runs = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events":
          events = Integer.parseInt(args[++i]);
          break;
        case "--seed":
          seed = Long.parseLong(args[++i]);
          break;
        case "--runs":
          runs = Integer.parseInt(args[++i]);
          break;
        default:
          System.err.println("usage: bin/rapport bench scoring [--events N] [--seed S] [--runs R]");
          System.exit(2);
      }
    }
    RapportGenerator generator = new RapportGenerator(GeneratorConfig.defaults().seed(seed));
    GeneratedRecord[] records = new GeneratedRecord[events];
    for (int i = 0; i < events; i++) {
      records[i] = generator.record(i);
    }
    input = records;
    System.out.printf(
        Locale.ROOT,
        "input: %d generated records, parallelism 1, RocksDB, checkpoints every 10 s to disk,"
            + " %d cores,"
            + " %s%n",
        events,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    run("without scoring (warm-up)", events, false);
    run("with scoring (warm-up)", events, true);
    double[] without = null;
    double[] with = null;
    for (int r = 0; r < runs; r++) {
      without = best(without, run("without scoring", events, false));
      with = best(with, run("with scoring", events, true));
    }
    System.out.printf(
        Locale.ROOT,
        "best: without scoring %.0f events/CPU-s, with scoring %.0f events/CPU-s;"
            + " ratio with/without: wall %.2f, per core %.2f%n",
        without[1],
        with[1],
        with[0] / without[0],
        with[1] / without[1]);
    System.exit(0);
  }

  private static double[] best(double[] a, double[] b) {
    return a == null || b[1] > a[1] ? b : a;
  }

  /** Returns {events per wall second, events per CPU second}. */
  private static double[] run(String name, int events, boolean scoring) throws Exception {
    Configuration flink = new Configuration();
    flink.setString("state.backend.type", "rocksdb");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, flink);
    Configuration options =
        JobArguments.parse(
                "--checkpoint.interval",
                "10 s",
                "--alert.high-value.min-population",
                "10",
                "--checkpoint.dir",
                java.nio.file.Files.createTempDirectory("rapport-bench-scoring").toUri().toString(),
                "--scoring.enabled",
                Boolean.toString(scoring))
            .configuration();
    Environments.configure(env, options);
    DataGeneratorSource<Envelope> source =
        new DataGeneratorSource<>(
            new ReadInput(),
            events,
            RateLimiterStrategy.noOp(),
            TypeInformation.of(Envelope.class));
    RapportJob.defineWorkflow(
        env,
        options,
        List.of(new NamedSource("source-bench", source)),
        new DiscardingSink<>(),
        new DiscardingSink<>(),
        new DiscardingSink<>());
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    env.execute("bench-" + name);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    double perSecond = events / wall;
    double perCpuSecond = events / cpu;
    System.out.printf(
        Locale.ROOT,
        "%-26s %9d events %7.2f s wall %7.2f s CPU %10.0f events/s %10.0f events/CPU-s%n",
        name,
        events,
        wall,
        cpu,
        perSecond,
        perCpuSecond);
    return new double[] {perSecond, perCpuSecond};
  }

  /** Reads pre-generated record {@code index} through its contract (the parse step). */
  static final class ReadInput implements GeneratorFunction<Long, Envelope> {
    private static final long serialVersionUID = 1L;
    private transient RecordParser parser;

    @Override
    public void open(SourceReaderContext readerContext) {
      parser = new RecordParser();
    }

    @Override
    public Envelope map(Long index) {
      GeneratedRecord r = input[(int) (long) index];
      return GeneratorSource.contractOf(r.topic)
          .read(parser, r.value, r.topic, 0, index, r.eventTimeMillis);
    }
  }
}
