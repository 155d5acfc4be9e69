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
 * {@code bin/rapport bench}: the main pipeline's throughput against a pass-through job (read,
 * parse, discard) on the same pre-generated input, in one run, each at parallelism 1 in a local
 * MiniCluster with RocksDB state and exactly-once checkpoints. Prints events/s (wall clock) and
 * events per CPU-second of the whole process ("per core"), and their ratios. Options: {@code
 * --scoring} ({@code bin/rapport bench scoring}: the pipeline with the scoring stage against the
 * pipeline without it), {@code --events N} (default 300000), {@code --seed S}, {@code --runs R}
 * (default 2; the best run of each job is reported, after a warm-up run of each).
 */
public final class PipelineBenchmark {
  /** The pre-generated input: shared by both jobs in this JVM. */
  static volatile GeneratedRecord[] input;

  private PipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = 300_000;
    long seed = 42;
    int runs = 2;
    boolean scoring = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scoring":
          scoring = true;
          break;
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
          System.err.println(
              "usage: bin/rapport bench [--scoring] [--events N] [--seed S] [--runs R]");
          System.exit(2);
      }
    }
    RapportGenerator generator = new RapportGenerator(GeneratorConfig.defaults().seed(seed));
    GeneratedRecord[] records = new GeneratedRecord[events];
    long bytes = 0;
    for (int i = 0; i < events; i++) {
      records[i] = generator.record(i);
      bytes += records[i].value.length;
    }
    input = records;
    System.out.printf(
        Locale.ROOT,
        "input: %d generated records (%.1f MB), parallelism 1, RocksDB, checkpoints every 10 s on"
            + " local disk,"
            + " %d cores, %s%n",
        events,
        bytes / 1e6,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

    // The baseline and the measured job: pass-through against the pipeline, or (--scoring) the
    // pipeline without against with the scoring stage.
    Job base = scoring ? Job.PIPELINE : Job.PASS_THROUGH;
    Job measured = scoring ? Job.PIPELINE_WITH_SCORING : Job.PIPELINE;
    run(base.label + " (warm-up)", events, base);
    run(measured.label + " (warm-up)", events, measured);
    Result baseline = null;
    Result result = null;
    for (int r = 0; r < runs; r++) {
      baseline = best(baseline, run(base.label, events, base));
      result = best(result, run(measured.label, events, measured));
    }
    System.out.printf(
        Locale.ROOT,
        "ratio %s/%s: wall %.2f, per core %.2f%n",
        measured.label,
        base.label,
        result.perSecond() / baseline.perSecond(),
        result.perCpuSecond() / baseline.perCpuSecond());
    System.exit(0);
  }

  /** The jobs a run can compare. */
  enum Job {
    PASS_THROUGH("pass-through"),
    PIPELINE("pipeline"),
    PIPELINE_WITH_SCORING("pipeline+scoring");

    final String label;

    Job(String label) {
      this.label = label;
    }
  }

  private static Result best(Result a, Result b) {
    return a == null || b.perCpuSecond() > a.perCpuSecond() ? b : a;
  }

  record Result(long events, double wallSeconds, double cpuSeconds) {
    double perSecond() {
      return events / wallSeconds;
    }

    double perCpuSecond() {
      return events / cpuSeconds;
    }
  }

  private static Result run(String name, int events, Job job) throws Exception {
    Configuration flink = new Configuration();
    flink.setString("state.backend.type", "rocksdb");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, flink);
    // Checkpoints on local disk, as in production: the memory-backed default refuses state over
    // 5 MB, and a failed checkpoint restarts the job.
    java.nio.file.Path checkpoints = java.nio.file.Files.createTempDirectory("rapport-bench-");
    Configuration options =
        JobArguments.parse(
                "--checkpoint.interval",
                "10 s",
                "--checkpoint.dir",
                checkpoints.toUri().toString(),
                "--alert.high-value.min-population",
                "10",
                "--scoring.enabled",
                Boolean.toString(job == Job.PIPELINE_WITH_SCORING))
            .configuration();
    Environments.configure(env, options);
    DataGeneratorSource<Envelope> source =
        new DataGeneratorSource<>(
            new ReadInput(),
            events,
            RateLimiterStrategy.noOp(),
            TypeInformation.of(Envelope.class));
    if (job != Job.PASS_THROUGH) {
      RapportJob.defineWorkflow(
          env,
          options,
          List.of(new NamedSource("source-bench", source)),
          new DiscardingSink<>(),
          new DiscardingSink<>(),
          new DiscardingSink<>());
    } else {
      env.fromSource(
              source,
              org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks(),
              "source-bench")
          .uid("source-bench")
          .sinkTo(new DiscardingSink<>())
          .uid("sink-discard")
          .name("sink-discard");
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    env.execute("bench-" + name);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    org.apache.flink.util.FileUtils.deleteDirectory(checkpoints.toFile());
    Result r = new Result(events, wall, cpu);
    System.out.printf(
        Locale.ROOT,
        "%-24s %9d events %7.2f s wall %7.2f s CPU %10.0f events/s %10.0f events/CPU-s%n",
        name,
        events,
        wall,
        cpu,
        r.perSecond(),
        r.perCpuSecond());
    return r;
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
