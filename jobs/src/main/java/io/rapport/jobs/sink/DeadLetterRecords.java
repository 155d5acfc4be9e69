package io.rapport.jobs.sink;

import io.rapport.model.DeadLetter;
import io.rapport.serde.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Dead letters as Kafka records, keyed by where the original came from, timestamped when written
 * (topic retention counts from the failure, not from the record's own, possibly old, event time).
 */
public class DeadLetterRecords implements KafkaRecordSerializationSchema<DeadLetter> {
  private static final long serialVersionUID = 1L;

  private final String topic;

  public DeadLetterRecords(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      DeadLetter d, KafkaSinkContext context, Long timestamp) {
    String key = d.sourceTopic + "/" + d.partition + "@" + d.offset;
    return new ProducerRecord<>(
        topic, null, null, key.getBytes(StandardCharsets.UTF_8), Json.toBytes(d));
  }
}
