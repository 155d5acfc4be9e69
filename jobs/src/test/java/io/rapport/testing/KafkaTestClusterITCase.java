package io.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
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
    KafkaSource<String> source =
        KafkaSource.<String>builder()
            .setBootstrapServers(kafka.bootstrapServers())
            .setTopics(in)
            .setGroupId(KafkaTestCluster.uniqueName("flink"))
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setValueOnlyDeserializer(new SimpleStringSchema())
            .build();
    KafkaSink<String> sink =
        KafkaSink.<String>builder()
            .setBootstrapServers(kafka.bootstrapServers())
            .setRecordSerializer(
                KafkaRecordSerializationSchema.builder()
                    .setTopic(out)
                    .setValueSerializationSchema(new SimpleStringSchema())
                    .build())
            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .setTransactionalIdPrefix(KafkaTestCluster.uniqueName("eos"))
            .setProperty("transaction.timeout.ms", "60000")
            .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "in")
        .map(String::toUpperCase)
        .sinkTo(sink);
    env.execute("kafka exactly-once");

    List<String> result = kafka.consumeValues(out, IsolationLevel.READ_COMMITTED, 200, TIMEOUT);
    assertThat(result)
        .containsExactlyInAnyOrderElementsOf(
            values.stream().map(String::toUpperCase).collect(Collectors.toList()));
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
