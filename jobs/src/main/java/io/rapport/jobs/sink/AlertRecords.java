package io.rapport.jobs.sink;

import io.rapport.model.Alert;
import io.rapport.serde.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Alerts as Kafka records: keyed by customer (per-customer order), JSON value, timestamped when
 * written (the alert's own times are in its payload).
 */
public class AlertRecords implements KafkaRecordSerializationSchema<Alert> {
  private static final long serialVersionUID = 1L;

  private final String topic;

  public AlertRecords(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      Alert alert, KafkaSinkContext context, Long timestamp) {
    String key = alert.customerId != null ? alert.customerId : alert.alertId;
    return new ProducerRecord<>(
        topic, null, null, key.getBytes(StandardCharsets.UTF_8), Json.toBytes(alert));
  }
}
