package io.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaTestClusterITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final KafkaTestCluster kafka = KafkaTestCluster.get();

  @Test
  void readCommittedSeesOnlyCommittedTransactions() {
    String topic = kafka.uniqueTopic("tx", 2);
    kafka.produceTransactionally(records(topic, "committed-", 5), true);
    kafka.produceTransactionally(records(topic, "aborted-", 3), false);
    kafka.produce(topic, "k", "plain");

    List<String> committed = kafka.consumeValues(topic, IsolationLevel.READ_COMMITTED, 6, TIMEOUT);
    assertThat(committed)
        .containsExactlyInAnyOrder(
            "committed-0", "committed-1", "committed-2", "committed-3", "committed-4", "plain");

    List<String> all = kafka.consumeValues(topic, IsolationLevel.READ_UNCOMMITTED, 9, TIMEOUT);
    assertThat(all).hasSize(9).contains("aborted-0", "aborted-2");
  }

  /**
   * Tests produce the generated world with its event times (from 2026-01-05) as record timestamps.
   * The broker must keep them however old: with Kafka's default time-based retention (7 days), the
   * next retention check deletes them, and a job started after it reads nothing.
   */
  @Test
  void recordsWithOldTimestampsOutliveRetentionChecks() throws Exception {
    String topic = kafka.uniqueTopic("old", 1);
    long yearAgo = System.currentTimeMillis() - Duration.ofDays(365).toMillis();
    List<ProducerRecord<byte[], byte[]>> old = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      old.add(
          new ProducerRecord<>(
              topic, 0, yearAgo + i, null, ("old-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    kafka.produceAll(old);
    Thread.sleep(3_000); // three retention checks

    assertThat(kafka.consumeValues(topic, IsolationLevel.READ_COMMITTED, 5, TIMEOUT))
        .containsExactly("old-0", "old-1", "old-2", "old-3", "old-4");
  }

  @Test
  void consumerGroupReadsAndCommits() {
    String topic = kafka.uniqueTopic("group", 2);
    String group = KafkaTestCluster.uniqueName("group");
    kafka.produceAll(records(topic, "v", 10));

    List<String> read = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(kafka.consumerProperties(group, IsolationLevel.READ_COMMITTED))) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (read.size() < 10 && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<byte[], byte[]> r : records) {
          read.add(new String(r.value(), StandardCharsets.UTF_8));
        }
      }
      consumer.commitSync();
    }
    assertThat(read).hasSize(10);

    Map<TopicPartition, Long> offsets = kafka.committedOffsets(group);
    assertThat(offsets.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
  }

  @Test
  void flinkExactlyOnceKafkaToKafka() throws Exception {
    String in = kafka.uniqueTopic("flink-in", 2);
    String out = kafka.uniqueTopic("flink-out", 2);
    List<String> values =
        IntStream.range(0, 200).mapToObj(i -> "m" + i).collect(Collectors.toList());
    kafka.produceValues(in, values);

    StreamExecutionEnvironment env = FlinkTestCluster.env();
    env.fromSource(source(in), WatermarkStrategy.noWatermarks(), "in")
        .map(String::toUpperCase)
        .sinkTo(exactlyOnceSink(out));
    env.execute("kafka exactly-once");

    List<String> result = kafka.consumeValues(out, IsolationLevel.READ_COMMITTED, 200, TIMEOUT);
    assertThat(result)
        .containsExactlyInAnyOrderElementsOf(
            values.stream().map(String::toUpperCase).collect(Collectors.toList()));
  }

  @Test
  void flinkExactlyOnceSurvivesAFailureAfterACheckpoint() throws Exception {
    String in = kafka.uniqueTopic("flink-in", 2);
    String out = kafka.uniqueTopic("flink-out", 2);
    List<String> values =
        IntStream.range(0, 400).mapToObj(i -> "m" + i).collect(Collectors.toList());
    kafka.produceValues(in, values);
    FailOnceAfterCheckpoint.reset();

    Configuration conf = FlinkTestCluster.jobConfiguration();
    conf.setString("restart-strategy.type", "fixed-delay");
    conf.setString("restart-strategy.fixed-delay.attempts", "3");
    conf.setString("restart-strategy.fixed-delay.delay", "200 ms");
    StreamExecutionEnvironment env = FlinkTestCluster.env(conf);
    env.fromSource(source(in), WatermarkStrategy.noWatermarks(), "in")
        .map(new FailOnceAfterCheckpoint())
        .sinkTo(exactlyOnceSink(out));
    env.execute("kafka exactly-once with a failure");

    assertThat(FailOnceAfterCheckpoint.FAILED).isTrue();
    List<String> result = kafka.consumeValues(out, IsolationLevel.READ_COMMITTED, 400, TIMEOUT);
    assertThat(result).hasSize(400).containsExactlyInAnyOrderElementsOf(values);
  }

  /** Slows the stream down until a checkpoint completed, then fails once. */
  static final class FailOnceAfterCheckpoint extends RichMapFunction<String, String>
      implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    static final AtomicBoolean FAILED = new AtomicBoolean();

    static void reset() {
      CHECKPOINTED.set(false);
      FAILED.set(false);
    }

    @Override
    public String map(String value) throws Exception {
      if (!FAILED.get()) {
        if (CHECKPOINTED.get() && FAILED.compareAndSet(false, true)) {
          throw new IllegalStateException("test failure after a checkpoint");
        }
        Thread.sleep(10);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED.set(true);
    }
  }

  private KafkaSource<String> source(String topic) {
    return KafkaSource.<String>builder()
        .setBootstrapServers(kafka.bootstrapServers())
        .setTopics(topic)
        .setGroupId(KafkaTestCluster.uniqueName("flink"))
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .build();
  }

  private KafkaSink<String> exactlyOnceSink(String topic) {
    return KafkaSink.<String>builder()
        .setBootstrapServers(kafka.bootstrapServers())
        .setRecordSerializer(
            KafkaRecordSerializationSchema.builder()
                .setTopic(topic)
                .setValueSerializationSchema(new SimpleStringSchema())
                .build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(KafkaTestCluster.uniqueName("eos"))
        .setProperty("transaction.timeout.ms", "60000")
        .build();
  }

  private static List<ProducerRecord<byte[], byte[]>> records(
      String topic, String prefix, int count) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(
          new ProducerRecord<>(
              topic,
              ("k" + i).getBytes(StandardCharsets.UTF_8),
              (prefix + i).getBytes(StandardCharsets.UTF_8)));
    }
    return records;
  }
}
