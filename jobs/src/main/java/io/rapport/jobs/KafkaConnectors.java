package io.rapport.jobs;

import static io.rapport.jobs.RapportOptions.*;

import io.rapport.jobs.RapportJob.NamedSource;
import io.rapport.jobs.sink.JsonRecords;
import io.rapport.jobs.source.EnvelopeDeserializer;
import io.rapport.model.Alert;
import io.rapport.model.DeadLetter;
import io.rapport.model.MergeRecord;
import io.rapport.serde.Contract;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The job's Kafka sources and sinks, from its options. */
public final class KafkaConnectors {
  /** Transactions must outlive the longest checkpoint plus recovery; brokers cap it at 15 min. */
  private static final String TRANSACTION_TIMEOUT_MS = "900000";

  private KafkaConnectors() {}

  public static List<NamedSource> sources(Configuration conf) {
    List<NamedSource> inputs =
        List.of(
            new NamedSource(
                "source-mentions", source(conf, conf.get(TOPIC_MENTIONS), Contract.MENTION)),
            new NamedSource(
                "source-customers", source(conf, conf.get(TOPIC_CUSTOMERS), Contract.CUSTOMER)),
            new NamedSource(
                "source-transactions",
                source(conf, conf.get(TOPIC_TRANSACTIONS), Contract.TRANSACTION)),
            new NamedSource("source-activities", activitySource(conf)));
    if (conf.get(KAFKA_BOUNDED)) {
      // A bounded run (backfill, replay) reads inputs only: a pattern subscription with no topic
      // yet never finishes, and statuses are consumers' feedback, not inputs to replay.
      return inputs;
    }
    return java.util.stream.Stream.concat(
            inputs.stream(),
            java.util.stream.Stream.of(
                new NamedSource("source-alert-status", alertStatusSource(conf))))
        .toList();
  }

  /**
   * Status changes of alerts. Subscribed by pattern (the exact name) so that a deployment without
   * the topic yet starts anyway: partition discovery picks it up once it exists.
   */
  static KafkaSource<io.rapport.model.Envelope> alertStatusSource(Configuration conf) {
    return KafkaSource.<io.rapport.model.Envelope>builder()
        .setBootstrapServers(conf.get(KAFKA_BOOTSTRAP_SERVERS))
        .setTopicPattern(Pattern.compile(Pattern.quote(conf.get(TOPIC_ALERT_STATUS))))
        .setGroupId(conf.get(KAFKA_GROUP_ID))
        .setStartingOffsets(startingOffsets(conf.get(KAFKA_STARTING_OFFSETS)))
        .setDeserializer(new EnvelopeDeserializer(Contract.ALERT_STATUS))
        .setProperty("isolation.level", "read_committed")
        .setProperty("commit.offsets.on.checkpoint", "true")
        .setProperty("partition.discovery.interval.ms", "60000")
        .build();
  }

  /**
   * Reviews, referrals and surveys. A bounded run reads the topic like the other inputs (it must
   * exist); a streaming job subscribes by pattern (the exact name), so that a deployment without
   * the topic yet starts anyway and partition discovery picks it up once it exists.
   */
  static KafkaSource<io.rapport.model.Envelope> activitySource(Configuration conf) {
    String topic = conf.get(TOPIC_ACTIVITIES);
    if (conf.get(KAFKA_BOUNDED)) {
      return source(conf, topic, Contract.ACTIVITY);
    }
    return KafkaSource.<io.rapport.model.Envelope>builder()
        .setBootstrapServers(conf.get(KAFKA_BOOTSTRAP_SERVERS))
        .setTopicPattern(Pattern.compile(Pattern.quote(topic)))
        .setGroupId(conf.get(KAFKA_GROUP_ID))
        .setStartingOffsets(startingOffsets(conf.get(KAFKA_STARTING_OFFSETS)))
        .setDeserializer(new EnvelopeDeserializer(Contract.ACTIVITY))
        .setProperty("isolation.level", "read_committed")
        .setProperty("commit.offsets.on.checkpoint", "true")
        .setProperty("partition.discovery.interval.ms", "60000")
        .build();
  }

  static KafkaSource<io.rapport.model.Envelope> source(
      Configuration conf, String topic, Contract contract) {
    var builder = KafkaSource.<io.rapport.model.Envelope>builder();
    if (conf.get(KAFKA_BOUNDED)) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder
        .setBootstrapServers(conf.get(KAFKA_BOOTSTRAP_SERVERS))
        .setTopics(topic)
        .setGroupId(conf.get(KAFKA_GROUP_ID))
        .setStartingOffsets(startingOffsets(conf.get(KAFKA_STARTING_OFFSETS)))
        .setDeserializer(new EnvelopeDeserializer(contract))
        .setProperty("isolation.level", "read_committed")
        .setProperty("commit.offsets.on.checkpoint", "true")
        .build();
  }

  static OffsetsInitializer startingOffsets(String spec) {
    switch (spec) {
      case "committed-or-earliest":
        return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
      case "earliest":
        return OffsetsInitializer.earliest();
      case "latest":
        return OffsetsInitializer.latest();
      default:
        throw new IllegalArgumentException(
            "kafka.starting-offsets must be committed-or-earliest, earliest or latest, was "
                + spec);
    }
  }

  /** Alerts, exactly once: visible to read_committed consumers when a checkpoint completes. */
  public static Sink<Alert> alertSink(Configuration conf) {
    return exactlyOnce(conf, JsonRecords.alerts(conf.get(TOPIC_ALERTS)), "-alerts");
  }

  /**
   * The alert status changes the job makes itself (the brand's replies acknowledging alerts), on
   * the status topic consumers write to, exactly once.
   */
  public static Sink<io.rapport.model.AlertStatus> alertStatusSink(Configuration conf) {
    return exactlyOnce(
        conf, JsonRecords.alertStatuses(conf.get(TOPIC_ALERT_STATUS)), "-alert-status");
  }

  /** The identity merge log, exactly once. */
  public static Sink<MergeRecord> mergeSink(Configuration conf) {
    return exactlyOnce(conf, JsonRecords.merges(conf.get(TOPIC_MERGES)), "-merges");
  }

  /** Dead letters, exactly once too: a replay does not repeat them for read_committed readers. */
  public static Sink<DeadLetter> deadLetterSink(Configuration conf) {
    return exactlyOnce(conf, JsonRecords.deadLetters(conf.get(TOPIC_DEADLETTER)), "-deadletters");
  }

  /**
   * A Kafka sink of JSON records with EXACTLY_ONCE delivery: its transactional ids are {@code
   * kafka.transactional-id-prefix} plus {@code suffix}, one per sink (two sinks of one prefix would
   * fence each other).
   */
  private static <T> Sink<T> exactlyOnce(
      Configuration conf, JsonRecords<T> records, String suffix) {
    return KafkaSink.<T>builder()
        .setBootstrapServers(conf.get(KAFKA_BOOTSTRAP_SERVERS))
        .setRecordSerializer(records)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(conf.get(KAFKA_TRANSACTIONAL_ID_PREFIX) + suffix)
        .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
        .build();
  }
}
