package io.rapport.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.generator.GeneratedRecord;
import io.rapport.generator.GeneratorConfig;
import io.rapport.generator.GeneratorStats;
import io.rapport.generator.RapportGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

/** {@code bin/rapport generate} against an in-process KRaft broker. */
class GenerateCommandITCase {

  @Test
  void producesExactlyTheGeneratedRecords() throws Exception {
    try (KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .build()) {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      String bootstrap = cluster.bootstrapServers();

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          GenerateCommand.run(
              new String[] {
                "--events", "3000",
                "--start-index", "500",
                "--bootstrap-servers", bootstrap,
                "--progress", "none"
              },
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              false);
      assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

      RapportGenerator g = new RapportGenerator(GeneratorConfig.defaults());
      GeneratorStats stats = GeneratorStats.of(g, 500, 3_500);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .startsWith("produced 3,000 records [500, 3500)")
          .contains("malformed=" + stats.malformed());

      Map<String, GeneratedRecord> expected = new HashMap<>();
      for (long i = 500; i < 3_500; i++) {
        GeneratedRecord r = g.record(i);
        expected.put(r.topic + "|" + r.eventTimeMillis + "|" + Arrays.hashCode(r.value), r);
      }
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      Map<String, Integer> perTopic = new HashMap<>();
      int consumed = 0;
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
        // no consumer group: a one-broker test cluster cannot host the offsets topic
        List<TopicPartition> partitions = new ArrayList<>();
        for (String t : GeneratedRecord.TOPICS) {
          for (PartitionInfo info : consumer.partitionsFor(t)) {
            partitions.add(new TopicPartition(t, info.partition()));
          }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        long deadline = System.currentTimeMillis() + 60_000;
        while (consumed < 3_000 && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            consumed++;
            perTopic.merge(r.topic(), 1, Integer::sum);
            GeneratedRecord want =
                expected.remove(r.topic() + "|" + r.timestamp() + "|" + Arrays.hashCode(r.value()));
            assertThat(want)
                .as("unexpected record on %s at %d", r.topic(), r.timestamp())
                .isNotNull();
            assertThat(r.key()).isEqualTo(want.key);
            assertThat(r.value()).isEqualTo(want.value);
          }
        }
      }
      assertThat(consumed).isEqualTo(3_000);
      assertThat(expected).isEmpty();
      for (String t : GeneratedRecord.TOPICS) {
        assertThat(perTopic.get(t)).as(t).isEqualTo((int) stats.records(t));
      }
    }
  }
}
