package io.rapport.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.jobs.RapportOptions;
import io.rapport.model.SocialMention;
import io.rapport.serde.Json;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.KafkaTestCluster;
import io.rapport.testing.MainJob;
import io.rapport.testing.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Alert latency benchmark (not part of the test suite: its name matches neither *Test nor *ITCase).
 * Run it with
 *
 * <pre>
 * bin/rapport bench alerts [-Dbench.backlog=20000] [-Dbench.seconds=30] [-Dbench.checkpoint=1s] \
 *   [-Dbench.order-wait=5s] [-Dbench.mention-hold=0s]
 * </pre>
 *
 * (which runs it through Maven's failsafe, since it needs the test fixtures, and prints its
 * "[bench]" lines).
 *
 * <p>The main job on a MiniCluster (parallelism 2, RocksDB, exactly-once checkpoints), fed from an
 * in-JVM Kafka broker; every mention is a question by a different prospect, so every mention raises
 * one SOCIAL_QUESTION alert; Elasticsearch documents are discarded (not measured).
 *
 * <ol>
 *   <li>Maximum sustained rate: a backlog of mentions is produced as fast as possible, and the rate
 *       at which their alerts become visible to a read_committed consumer is measured.
 *   <li>Latency: mentions are produced at 80% of that rate; for each, the time from its produce
 *       timestamp to the arrival of its alert at a read_committed consumer (so after the
 *       transaction of the checkpoint that carried it committed). Prints p50, p99 and max.
 * </ol>
 */
class AlertLatencyBenchmark {
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final String[] QUESTIONS = {
    "¿A qué hora abre la tienda de Lumen?",
    "¿Tenéis los auriculares de Lumen en azul?",
    "Does Lumen ship to Canary Islands?",
    "How do I reset my Lumen speaker?",
  };

  private final KafkaTestCluster kafka = KafkaTestCluster.get();

  /** Produce time of each mention, by mention id. */
  private final Map<String, Long> producedAt = new ConcurrentHashMap<>();

  /** Arrival time of each alert at the read_committed consumer, by mention id. */
  private final Map<String, Long> committedAt = new ConcurrentHashMap<>();

  private final Map<String, Integer> alertsPerMention = new ConcurrentHashMap<>();

  @Test
  void maxSustainedRateThenLatencyAt80Percent() throws Exception {
    int backlog = Integer.getInteger("bench.backlog", 20_000);
    int seconds = Integer.getInteger("bench.seconds", 30);
    String checkpoint = System.getProperty("bench.checkpoint", "1s");
    String orderWait =
        System.getProperty(
            "bench.order-wait", RapportOptions.ALERT_ORDER_WAIT.defaultValue().toMillis() + " ms");

    Map<String, String> o = MainJob.kafkaOptions(kafka);
    o.put(RapportOptions.CHECKPOINT_INTERVAL.key(), checkpoint);
    o.put(RapportOptions.SOURCE_IDLE_TIMEOUT.key(), "1 s");
    o.put(RapportOptions.ALERT_ORDER_WAIT.key(), orderWait);
    // Every author here is a stranger: with the default hold their mentions would wait ten
    // minutes of event time for a CRM record that never comes (measured apart: the hold's length).
    String hold = System.getProperty("bench.mention-hold", "0 s");
    o.put(RapportOptions.IDENTITY_MENTION_HOLD_TIMEOUT.key(), hold);
    Configuration options = Configuration.fromMap(o);
    String mentions = options.get(RapportOptions.TOPIC_MENTIONS);

    AtomicBoolean stop = new AtomicBoolean();
    Thread consumer = new Thread(() -> consume(options.get(RapportOptions.TOPIC_ALERTS), stop));
    consumer.setDaemon(true);
    consumer.start();
    JobClient job =
        MainJob.start(
            options,
            FlinkTestCluster.jobConfiguration(),
            "alert-latency-bench",
            new DiscardingSink<>(),
            null,
            null);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProperties())) {
      // warm-up: the first alerts also wait for the job to start
      List<String> warm = produce(producer, mentions, "w", 200, 0);
      awaitAlerts(warm, Duration.ofMinutes(3));

      // 1. maximum sustained rate: drain a backlog
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      double load = os.getSystemLoadAverage();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.currentTimeMillis();
      List<String> burst = produce(producer, mentions, "b", backlog, 0);
      long produced = System.currentTimeMillis();
      awaitAlerts(burst, Duration.ofMinutes(10));
      long last = burst.stream().mapToLong(committedAt::get).max().getAsLong();
      double maxRate = backlog * 1000.0 / (last - t0);
      double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "[bench] backlog of %,d mentions produced in %.1f s; all %,d alerts committed after"
              + " %.1f s: max sustained rate %.0f mentions/s (each raising one alert);"
              + " %.0f mentions per CPU-second of this JVM (job, broker and clients); %d cores,"
              + " load average %.1f at the start%n",
          backlog,
          (produced - t0) / 1000.0,
          backlog,
          (last - t0) / 1000.0,
          maxRate,
          backlog / cpuSeconds,
          os.getAvailableProcessors(),
          load);

      // 2. latency at 80% of it
      double rate = 0.8 * maxRate;
      int n = (int) (rate * seconds);
      List<String> paced = produce(producer, mentions, "p", n, rate);
      awaitAlerts(paced, Duration.ofMinutes(10));
      List<Long> latencies = new ArrayList<>();
      for (String id : paced) {
        latencies.add(committedAt.get(id) - producedAt.get(id));
      }
      Collections.sort(latencies);
      System.out.printf(
          Locale.ROOT,
          "[bench] at 80%% (%.0f mentions/s for %d s, %,d mentions, checkpoint interval %s,"
              + " alert.order-wait %s, watermark.max-out-of-orderness %s,"
              + " identity.mention-hold-timeout %s): mention produced ->"
              + " alert committed (read_committed) p50 %d ms, p99 %d ms, max %d ms%n",
          rate,
          seconds,
          n,
          checkpoint,
          orderWait,
          options.get(RapportOptions.MAX_OUT_OF_ORDERNESS),
          hold,
          percentile(latencies, 0.50),
          percentile(latencies, 0.99),
          latencies.get(latencies.size() - 1));
      // exactly one alert per mention: none lost, none duplicated
      assertThat(paced).allSatisfy(id -> assertThat(alertsPerMention.get(id)).isEqualTo(1));
      assertThat(burst).allSatisfy(id -> assertThat(alertsPerMention.get(id)).isEqualTo(1));
    } finally {
      stop.set(true);
      job.cancel().get();
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  /** Produces {@code n} mentions, paced at {@code rate} per second (0: as fast as possible). */
  private List<String> produce(
      KafkaProducer<byte[], byte[]> producer, String topic, String prefix, int n, double rate) {
    List<String> ids = new ArrayList<>(n);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      if (rate > 0) {
        long due = start + (long) (i * 1e9 / rate);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
      }
      String id = prefix + "-" + i;
      long now = System.currentTimeMillis();
      SocialMention m =
          Samples.mention(
              id,
              "x",
              "asker-" + prefix + i,
              QUESTIONS[i % QUESTIONS.length],
              Instant.ofEpochMilli(now));
      producedAt.put(id, now);
      producer.send(new ProducerRecord<>(topic, null, now, null, Json.toBytes(m)));
      ids.add(id);
    }
    producer.flush();
    return ids;
  }

  private void awaitAlerts(List<String> ids, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ids.stream().allMatch(committedAt::containsKey)) {
      if (System.nanoTime() > deadline) {
        long missing = ids.stream().filter(id -> !committedAt.containsKey(id)).count();
        throw new AssertionError(missing + " of " + ids.size() + " alerts not committed in time");
      }
      Thread.sleep(50);
    }
  }

  private void consume(String topic, AtomicBoolean stop) {
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(kafka.consumerProperties(null, IsolationLevel.READ_COMMITTED))) {
      TopicPartition tp = new TopicPartition(topic, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      while (!stop.get()) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(20))) {
          long now = System.currentTimeMillis();
          JsonNode alert = Json.mapper().readTree(r.value());
          String mentionId = alert.path("evidence").path("mentionIds").path(0).asText();
          committedAt.putIfAbsent(mentionId, now);
          alertsPerMention.merge(mentionId, 1, Integer::sum);
        }
      }
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }
}
