package io.rapport.jobs.cli;

import io.rapport.generator.GeneratedRecord;
import io.rapport.generator.GeneratorConfig;
import io.rapport.generator.RapportGenerator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bin/rapport generate}: produces the generated records of indices {@code [start, start +
 * events)} to Kafka, each to its topic with its key and value, the event time as the record
 * timestamp; idempotent, acks=all, lz4. Optionally paced; progress on stderr; a summary line on
 * stdout. Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
public final class GenerateCommand {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: bin/rapport generate --events N [options]",
          "",
          "Produces N generated records (CRM customers, transactions, social mentions; about 1 %",
          "malformed) to Kafka: records [start-index, start-index + N) of the deterministic",
          "generator, so the same seed and range always give the same records.",
          "",
          "Options:",
          "  --events N               number of records (required; 10k, 2m and 1_000_000 work too)",
          "  --rate R                 records per second (default: as fast as possible)",
          "  --bootstrap-servers H:P  Kafka bootstrap servers (default 127.0.0.1:9092)",
          "  --seed S                 seed of the generated world (default 42)",
          "  --start-index I          first index (default 0): continue an earlier run with",
          "                           --start-index <its start + events>",
          "  --malformed-rate X       share of malformed records, 0..1 (default 0.01)",
          "  --customers N            number of CRM customers in the world (default 20000)",
          "  --partitions P           partitions of topics this command creates (default 3)",
          "  --no-create-topics       do not create missing topics",
          "  --dry-run                generate and count, but send nothing",
          "  --progress MODE          bar, lines or none (default: bar on a terminal, else lines)",
          "  -h, --help               this help",
          "",
          "Topics: " + String.join(", ", GeneratedRecord.TOPICS) + ".",
          "");

  /** Bad command-line arguments: exit code 2. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Parsed options. */
  static final class Options {
    long events = -1;
    double rate = 0;
    String bootstrapServers = "127.0.0.1:9092";
    long seed = 42;
    long startIndex = 0;
    double malformedRate = 0.01;
    int customers = GeneratorConfig.defaults().customers;
    int partitions = 3;
    boolean createTopics = true;
    boolean dryRun = false;
    String progress = null;
    boolean help = false;

    GeneratorConfig config() {
      return GeneratorConfig.defaults()
          .seed(seed)
          .malformedRate(malformedRate)
          .customers(customers);
    }
  }

  private GenerateCommand() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err, System.console() != null);
    System.exit(code);
  }

  /** Runs the command; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    Options o;
    try {
      o = parse(args);
    } catch (UsageException e) {
      err.println("rapport generate: " + e.getMessage());
      err.println("Try 'bin/rapport generate --help'.");
      return 2;
    }
    if (o.help) {
      out.print(USAGE);
      return 0;
    }
    String mode = o.progress != null ? o.progress : terminal ? "bar" : "lines";
    try {
      Summary s = o.dryRun ? dryRun(o, err, mode) : produce(o, err, mode);
      out.println(s.line(o));
      return s.failed == 0 ? 0 : 1;
    } catch (KafkaUnavailable e) {
      err.println("rapport generate: " + e.getMessage());
      return 1;
    }
  }

  // ---------------------------------------------------------------- arguments

  static Options parse(String[] args) throws UsageException {
    Options o = new Options();
    List<String> list = new ArrayList<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        list.add(a.substring(0, eq));
        list.add(a.substring(eq + 1));
      } else {
        list.add(a);
      }
    }
    for (int i = 0; i < list.size(); i++) {
      String a = list.get(i);
      switch (a) {
        case "-h":
        case "--help":
          o.help = true;
          break;
        case "--events":
          o.events = count(a, value(list, ++i, a));
          if (o.events <= 0) {
            throw new UsageException("--events must be > 0");
          }
          break;
        case "--rate":
          o.rate = decimal(a, value(list, ++i, a));
          if (!(o.rate > 0) || Double.isInfinite(o.rate)) {
            throw new UsageException("--rate must be a number of records per second > 0");
          }
          break;
        case "--bootstrap-servers":
          o.bootstrapServers = value(list, ++i, a).trim();
          if (!o.bootstrapServers.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*")) {
            throw new UsageException(
                "--bootstrap-servers must be host:port[,host:port...], was '"
                    + o.bootstrapServers
                    + "'");
          }
          break;
        case "--seed":
          o.seed = integer(a, value(list, ++i, a));
          break;
        case "--start-index":
          o.startIndex = count(a, value(list, ++i, a));
          if (o.startIndex < 0) {
            throw new UsageException("--start-index must be >= 0");
          }
          break;
        case "--malformed-rate":
          o.malformedRate = decimal(a, value(list, ++i, a));
          if (!(o.malformedRate >= 0 && o.malformedRate <= 1)) {
            throw new UsageException("--malformed-rate must be between 0 and 1");
          }
          break;
        case "--customers":
          {
            long c = count(a, value(list, ++i, a));
            if (c < 16 || c > 100_000_000) {
              throw new UsageException("--customers must be between 16 and 100000000");
            }
            o.customers = (int) c;
            break;
          }
        case "--partitions":
          {
            long p = count(a, value(list, ++i, a));
            if (p < 1 || p > 10_000) {
              throw new UsageException("--partitions must be between 1 and 10000");
            }
            o.partitions = (int) p;
            break;
          }
        case "--no-create-topics":
          o.createTopics = false;
          break;
        case "--dry-run":
          o.dryRun = true;
          break;
        case "--progress":
          o.progress = value(list, ++i, a);
          if (!Set.of("bar", "lines", "none").contains(o.progress)) {
            throw new UsageException("--progress must be bar, lines or none");
          }
          break;
        default:
          throw new UsageException(
              a.startsWith("-") ? "unknown option " + a : "unexpected argument '" + a + "'");
      }
    }
    if (!o.help && o.events < 0) {
      throw new UsageException("--events N is required");
    }
    if (!o.help && o.startIndex > Long.MAX_VALUE / 2 - o.events) {
      throw new UsageException("--start-index + --events is too large");
    }
    return o;
  }

  private static String value(List<String> args, int i, String option) throws UsageException {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(i);
  }

  /** A count: digits with optional underscores, or a k/m/g suffix (10k, 2.5m). */
  static long count(String option, String s) throws UsageException {
    String t = s.trim().replace("_", "").toLowerCase(Locale.ROOT);
    long mult = 1;
    if (t.endsWith("k")) {
      mult = 1_000;
    } else if (t.endsWith("m")) {
      mult = 1_000_000;
    } else if (t.endsWith("g")) {
      mult = 1_000_000_000;
    }
    if (mult != 1) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      if (mult == 1) {
        return Long.parseLong(t);
      }
      double v = Double.parseDouble(t) * mult;
      if (v != Math.rint(v) || Math.abs(v) > 9e18) {
        throw new NumberFormatException();
      }
      return (long) v;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a whole number, was '" + s + "'");
    }
  }

  private static long integer(String option, String s) throws UsageException {
    try {
      return Long.parseLong(s.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be an integer, was '" + s + "'");
    }
  }

  private static double decimal(String option, String s) throws UsageException {
    try {
      return Double.parseDouble(s.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a number, was '" + s + "'");
    }
  }

  // ---------------------------------------------------------------- the run

  /** Counts of a run. */
  static final class Summary {
    final long from;
    final Map<String, AtomicLong> valid = new LinkedHashMap<>();
    final Map<String, AtomicLong> malformed = new LinkedHashMap<>();
    final Map<String, AtomicLong> malformedByKind = new TreeMap<>();
    long sent;
    long failed;
    long nanos;
    String firstError;

    Summary(long from) {
      this.from = from;
      for (String t : GeneratedRecord.TOPICS) {
        valid.put(t, new AtomicLong());
        malformed.put(t, new AtomicLong());
      }
    }

    void count(GeneratedRecord r) {
      if (r.malformedKind == null) {
        valid.get(r.topic).incrementAndGet();
      } else {
        malformed.get(r.topic).incrementAndGet();
        malformedByKind.computeIfAbsent(r.malformedKind, k -> new AtomicLong()).incrementAndGet();
      }
    }

    long malformedTotal() {
      long n = 0;
      for (AtomicLong v : malformed.values()) {
        n += v.get();
      }
      return n;
    }

    String line(Options o) {
      StringBuilder sb = new StringBuilder();
      double s = nanos / 1e9;
      sb.append(o.dryRun ? "generated " : "produced ")
          .append(String.format(Locale.ROOT, "%,d", sent))
          .append(" records [")
          .append(from)
          .append(", ")
          .append(from + sent)
          .append(") in ")
          .append(String.format(Locale.ROOT, "%.1f s (%,.0f rec/s)", s, s > 0 ? sent / s : 0))
          .append(':');
      for (String t : GeneratedRecord.TOPICS) {
        sb.append(' ').append(t).append('=').append(valid.get(t).get() + malformed.get(t).get());
      }
      sb.append("; malformed=").append(malformedTotal());
      if (!malformedByKind.isEmpty()) {
        sb.append(' ').append(malformedByKind.toString().replace(" ", ""));
      }
      if (failed > 0) {
        sb.append("; FAILED to send ").append(failed);
        if (firstError != null) {
          sb.append(" (").append(firstError).append(')');
        }
      }
      sb.append("; next --start-index ").append(from + sent);
      return sb.toString();
    }
  }

  static final class KafkaUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    KafkaUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static Progress progress(String mode, PrintStream err, long total, long start) {
    return mode.equals("none") ? null : new Progress(err, total, mode.equals("bar"), start);
  }

  static Summary dryRun(Options o, PrintStream err, String mode) {
    RapportGenerator g = new RapportGenerator(o.config());
    Summary s = new Summary(o.startIndex);
    Pacer pacer = new Pacer(o.rate);
    long t0 = System.nanoTime();
    Progress p = progress(mode, err, o.events, t0);
    for (long n = 0; n < o.events; n++) {
      pacer.await(n);
      GeneratedRecord r = g.record(o.startIndex + n);
      s.count(r);
      s.sent++;
      if (p != null && (n & 1023) == 0) {
        p.update(n, System.nanoTime());
      }
    }
    s.nanos = System.nanoTime() - t0;
    if (p != null) {
      p.finish(s.sent, System.nanoTime());
    }
    return s;
  }

  static Properties producerProperties(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "rapport-generate");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }

  /** Creates the topics that do not exist yet; fails fast when the cluster cannot be reached. */
  static void ensureTopics(Options o) throws KafkaUnavailable {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String t : GeneratedRecord.TOPICS) {
        if (!existing.contains(t)) {
          missing.add(new NewTopic(t, Optional.of(o.partitions), Optional.empty()));
        }
      }
      if (!o.createTopics || missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(20, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      Throwable c = e.getCause() != null ? e.getCause() : e;
      throw new KafkaUnavailable(
          "cannot reach Kafka at "
              + o.bootstrapServers
              + " ("
              + c.getClass().getSimpleName()
              + (c.getMessage() == null ? "" : ": " + c.getMessage())
              + "); is the broker up? (bin/rapport stack up)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailable("interrupted", e);
    }
  }

  static Summary produce(Options o, PrintStream err, String mode) throws KafkaUnavailable {
    ensureTopics(o);
    RapportGenerator g = new RapportGenerator(o.config());
    Summary s = new Summary(o.startIndex);
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    Pacer pacer = new Pacer(o.rate);
    Thread main = Thread.currentThread();
    Object lock = new Object();
    boolean[] stop = {false};
    Thread hook =
        new Thread(
            () -> {
              synchronized (lock) {
                stop[0] = true;
              }
              try {
                main.join(15_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
    long t0 = System.nanoTime();
    Progress p = progress(mode, err, o.events, t0);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(producerProperties(o.bootstrapServers))) {
      for (long n = 0; n < o.events; n++) {
        if ((n & 255) == 0) {
          synchronized (lock) {
            if (stop[0]) {
              err.println();
              err.println("rapport generate: interrupted; flushing what was sent");
              break;
            }
          }
          if (failed.get() >= 1_000) {
            err.println();
            err.println("rapport generate: too many failed sends, stopping: " + firstError.get());
            break;
          }
        }
        pacer.await(n);
        GeneratedRecord r = g.record(o.startIndex + n);
        producer.send(
            new ProducerRecord<>(r.topic, null, r.eventTimeMillis, r.key, r.value),
            (meta, e) -> {
              if (e != null) {
                failed.incrementAndGet();
                firstError.compareAndSet(
                    null, e.getClass().getSimpleName() + ": " + e.getMessage());
              }
            });
        s.count(r);
        s.sent++;
        if (p != null && (n & 255) == 0) {
          p.update(n, System.nanoTime());
        }
      }
      producer.flush();
      producer.close(Duration.ofSeconds(30));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting: the hook is already running
      }
    }
    s.nanos = System.nanoTime() - t0;
    s.failed = failed.get();
    s.firstError = firstError.get();
    if (p != null) {
      p.finish(s.sent, System.nanoTime());
    }
    return s;
  }
}
