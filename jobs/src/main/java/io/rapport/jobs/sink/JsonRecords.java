package io.rapport.jobs.sink;

import io.rapport.model.Alert;
import io.rapport.model.DeadLetter;
import io.rapport.serde.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Output records as Kafka records: a key chosen per record type, the JSON contract as value, and
 * the time of writing as record timestamp (retention counts from when an alert was raised or a
 * record failed, not from the possibly old event time, which stays in the payload).
 */
public final class JsonRecords<T> implements KafkaRecordSerializationSchema<T> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final SerializableFunction<T, String> key;

  private JsonRecords(String topic, SerializableFunction<T, String> key) {
    this.topic = topic;
    this.key = key;
  }

  /** Alerts, keyed by customer so that a customer's alerts keep their order. */
  public static JsonRecords<Alert> alerts(String topic) {
    return new JsonRecords<>(topic, a -> a.customerId != null ? a.customerId : a.alertId);
  }

  /** Dead letters, keyed by where the original record came from. */
  public static JsonRecords<DeadLetter> deadLetters(String topic) {
    return new JsonRecords<>(topic, d -> d.sourceTopic + "/" + d.partition + "@" + d.offset);
  }

  /** Alert status changes, keyed by alert so that an alert's changes keep their order. */
  public static JsonRecords<io.rapport.model.AlertStatus> alertStatuses(String topic) {
    return new JsonRecords<>(topic, s -> s.alertId);
  }

  /** Merge-log entries, keyed by survivor so that a survivor's merges keep their order. */
  public static JsonRecords<io.rapport.model.MergeRecord> merges(String topic) {
    return new JsonRecords<>(topic, r -> r.survivorId);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(T value, KafkaSinkContext context, Long ts) {
    return new ProducerRecord<>(
        topic, null, null, key.apply(value).getBytes(StandardCharsets.UTF_8), Json.toBytes(value));
  }
}
