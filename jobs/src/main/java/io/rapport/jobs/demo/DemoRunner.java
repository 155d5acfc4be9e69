package io.rapport.jobs.demo;

import io.rapport.generator.GeneratorConfig;
import io.rapport.jobs.Environments;
import io.rapport.jobs.JobArguments;
import io.rapport.jobs.RapportJob;
import io.rapport.jobs.RapportJob.NamedSource;
import io.rapport.jobs.RapportOptions;
import io.rapport.jobs.source.GeneratorSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.CheckpointFailureManager;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * {@code bin/rapport demo}: the main job in a local MiniCluster (parallelism 2, RocksDB state,
 * exactly-once checkpoints on local disk), fed by the built-in generator, writing alerts, dead
 * letters and documents as JSON lines into a local folder instead of Kafka and Elasticsearch. Needs
 * nothing else started.
 */
public final class DemoRunner {
  static final String ALERTS = "alerts";
  static final String DEAD_LETTERS = "deadletters";
  static final String DOCUMENTS = "documents";

  private DemoRunner() {}

  public static void run(JobArguments args) throws Exception {
    long seconds = Long.parseLong(args.demoOption("seconds", "0"));
    long events = Long.parseLong(args.demoOption("events", "0"));
    double rate = Double.parseDouble(args.demoOption("rate", "0"));
    long seed = Long.parseLong(args.demoOption("seed", "42"));
    if (seconds < 0 || events < 0 || rate < 0) {
      throw new IllegalArgumentException("--seconds, --events and --rate must not be negative");
    }
    Path output = outputFolder(args.demoOption("output", null));
    Files.createDirectories(output);

    Configuration options = args.configuration();
    if (!options.contains(RapportOptions.CHECKPOINT_INTERVAL)) {
      options.set(RapportOptions.CHECKPOINT_INTERVAL, java.time.Duration.ofSeconds(5));
    }
    Configuration flink = new Configuration();
    flink.setString("state.backend.type", "rocksdb");
    flink.setString(
        "execution.checkpointing.dir", output.resolve("checkpoints").toUri().toString());
    flink.setString("execution.checkpointing.checkpoints-after-tasks-finish", "true");
    flink.addAll(args.flinkConfiguration());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, flink);
    Environments.configure(env, options);

    GeneratorConfig generator = GeneratorConfig.defaults().seed(seed);
    RapportJob.defineWorkflow(
        env,
        options,
        List.of(
            new NamedSource(
                "source-generator",
                GeneratorSource.create(generator, events > 0 ? events : Long.MAX_VALUE, rate))),
        new LocalFileSink<>(ALERTS, output),
        new LocalFileSink<>(DEAD_LETTERS, output),
        new LocalFileSink<>(DOCUMENTS, output));

    PrintStream out = System.out;
    out.println("rapport demo: generated world seed " + seed + ", results in " + output);
    String customersIndex = options.get(RapportOptions.ELASTICSEARCH_INDEX_PREFIX) + "customers";
    JobClient job = env.executeAsync("rapport-demo");
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> out.println(summary(customersIndex, output))));
    long started = System.nanoTime();
    long nextReport = 5;
    long lastEvents = 0;
    while (!terminated(job)) {
      long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
      if (seconds > 0 && elapsed >= seconds) {
        quietCheckpointAbortOnStop();
        job.cancel().get();
        break;
      }
      if (elapsed >= nextReport) {
        long now = GeneratorSource.EMITTED.get();
        out.printf(
            Locale.ROOT,
            "[%4ds] %s (%d events/s)%n",
            elapsed,
            counts(customersIndex),
            (now - lastEvents) / 5);
        lastEvents = now;
        nextReport += 5;
      }
      Thread.sleep(200);
    }
    waitForEnd(job);
    writeSnapshot(customersIndex, output);
    System.exit(0); // the shutdown hook prints the summary line
  }

  /**
   * Cancelling the job aborts the checkpoint in flight, if any (on a loaded machine there nearly
   * always is one), and Flink's {@link CheckpointFailureManager} logs every aborted checkpoint at
   * WARN with a stack trace ("Checkpoint Coordinator is suspending"). Stop-with-savepoint does not
   * avoid it: Flink suspends the periodic checkpoint scheduler first, aborting the checkpoint in
   * flight the same way. Here it is benign: the demo's sinks write every record at once (not on
   * checkpoint), the demo never resumes from its checkpoints, and the stop is ours. So that logger
   * goes quiet for the stop only; a checkpoint failing while the demo runs still warns.
   */
  static void quietCheckpointAbortOnStop() {
    try {
      Configurator.setLevel(CheckpointFailureManager.class.getName(), Level.ERROR);
    } catch (LinkageError noLog4jCore) {
      // another logging backend: leave its configuration alone
    }
  }

  private static void waitForEnd(JobClient job) throws InterruptedException {
    for (int i = 0; i < 60 && !terminated(job); i++) {
      Thread.sleep(500);
    }
  }

  /** True when the job has ended, or its local cluster is already gone. */
  private static boolean terminated(JobClient job) {
    try {
      return job.getJobStatus().get().isGloballyTerminalState();
    } catch (Exception | Error e) {
      return true;
    }
  }

  static Path outputFolder(String given) {
    if (given != null) {
      return Path.of(given).toAbsolutePath();
    }
    String home = System.getenv().getOrDefault("RAPPORT_HOME", ".");
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Path.of(home, ".rapport", "demo", stamp).toAbsolutePath().normalize();
  }

  private static String counts(String customersIndex) {
    return String.format(
        Locale.ROOT,
        "events=%d profiles=%d alerts=%d deadletters=%d",
        GeneratorSource.EMITTED.get(),
        LocalFileSink.latest(customersIndex).size(),
        LocalFileSink.count(ALERTS),
        LocalFileSink.count(DEAD_LETTERS));
  }

  static String summary(String customersIndex, Path output) {
    return "summary: " + counts(customersIndex) + " results=" + output;
  }

  /** The latest version of every profile, one JSON object a line, in id order. */
  private static void writeSnapshot(String customersIndex, Path output) throws IOException {
    Map<String, String> profiles = new TreeMap<>(LocalFileSink.latest(customersIndex));
    try (BufferedWriter w =
        Files.newBufferedWriter(output.resolve("profiles.jsonl"), StandardCharsets.UTF_8)) {
      for (String json : profiles.values()) {
        w.write(json);
        w.newLine();
      }
    }
  }
}
