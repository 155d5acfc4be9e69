package io.rapport.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.serde.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code bin/rapport alerts tail}: follows the alert topic as its subscribers see it (committed
 * alerts only), one JSON alert a line on stdout, optionally filtered. Exit codes: 0 done, 1 Kafka
 * failure, 2 bad arguments.
 */
public final class AlertsCommand {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: bin/rapport alerts tail [options]",
          "",
          "Prints committed alerts of the alert topic, one JSON object a line, as they arrive.",
          "",
          "Options:",
          "  --type T                 only alerts of this type (e.g. HIGH_VALUE_COMPLAINT)",
          "  --severity S             only alerts of this severity (e.g. high, critical)",
          "  --customer C             only alerts about this customer id",
          "  --from-beginning         start at the oldest alert (default: only new ones)",
          "  --max N                  stop after N alerts",
          "  --idle-timeout SECONDS   stop when nothing arrived for this long (default: never)",
          "  --bootstrap-servers H:P  Kafka bootstrap servers (default 127.0.0.1:9092)",
          "  --topic T                alert topic (default rapport.alerts)");

  /** What the command was asked to do. */
  record Options(
      String type,
      String severity,
      String customer,
      boolean fromBeginning,
      long max,
      Duration idleTimeout,
      String bootstrapServers,
      String topic) {

    /** True when the alert passes every filter given. */
    boolean accepts(JsonNode alert) {
      return matches(type, alert.path("type").asText(null))
          && matches(severity, alert.path("severity").asText(null))
          && matches(customer, alert.path("customerId").asText(null));
    }

    private static boolean matches(String wanted, String actual) {
      return wanted == null || wanted.equalsIgnoreCase(actual);
    }
  }

  private AlertsCommand() {}

  public static void main(String[] args) {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("rapport alerts: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (o == null) {
      System.out.println(USAGE);
      return;
    }
    try {
      tail(o, System.out);
    } catch (RuntimeException e) {
      System.err.println("rapport alerts: " + e.getMessage());
      System.exit(1);
    }
  }

  static Options parse(String... args) {
    if (args.length == 0 || !"tail".equals(args[0])) {
      if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
        return null;
      }
      throw new IllegalArgumentException("the only subcommand is 'tail'");
    }
    String type = null;
    String severity = null;
    String customer = null;
    boolean fromBeginning = false;
    long max = Long.MAX_VALUE;
    Duration idle = null;
    String servers = "127.0.0.1:9092";
    String topic = "rapport.alerts";
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--from-beginning":
          fromBeginning = true;
          continue;
        case "--help":
        case "-h":
          return null;
        default:
          break;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--type":
          type = v;
          break;
        case "--severity":
          severity = v;
          break;
        case "--customer":
          customer = v;
          break;
        case "--max":
          max = positive(a, v);
          break;
        case "--idle-timeout":
          idle = Duration.ofSeconds(positive(a, v));
          break;
        case "--bootstrap-servers":
          servers = v;
          break;
        case "--topic":
          topic = v;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return new Options(type, severity, customer, fromBeginning, max, idle, servers, topic);
  }

  private static long positive(String option, String value) {
    try {
      long n = Long.parseLong(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a positive whole number, was " + value);
  }

  /** Prints matching alerts until {@code max} were printed or the idle timeout passed. */
  static long tail(Options o, PrintStream out) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "rapport-alerts-tail-" + UUID.randomUUID());
    long printed = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var infos = consumer.partitionsFor(o.topic(), Duration.ofSeconds(15));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + o.topic() + " does not exist");
      }
      List<TopicPartition> partitions =
          infos.stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .collect(Collectors.toList());
      consumer.assign(partitions);
      if (o.fromBeginning()) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      long lastSeen = System.nanoTime();
      while (printed < o.max()) {
        var records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          lastSeen = System.nanoTime();
        } else if (o.idleTimeout() != null
            && System.nanoTime() - lastSeen > o.idleTimeout().toNanos()) {
          break;
        }
        for (ConsumerRecord<byte[], byte[]> r : records) {
          String json = new String(r.value(), StandardCharsets.UTF_8);
          JsonNode alert;
          try {
            alert = Json.mapper().readTree(json);
          } catch (Exception e) {
            System.err.println(
                "rapport alerts: skipping a record that is not JSON at offset " + r.offset());
            continue;
          }
          if (o.accepts(alert) && printed < o.max()) {
            out.println(json);
            printed++;
          }
        }
        out.flush();
      }
    }
    return printed;
  }
}
