package io.rapport.testing;

import io.rapport.jobs.ElasticsearchConnector;
import io.rapport.jobs.Environments;
import io.rapport.jobs.KafkaConnectors;
import io.rapport.jobs.RapportJob;
import io.rapport.jobs.RapportOptions;
import io.rapport.model.EsDocument;
import io.rapport.model.MergeRecord;
import io.rapport.scoring.ClvModel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The main job for integration tests: its options on unique topics and indices of the shared test
 * broker and node, started on the MiniCluster with its production connectors and RocksDB, and a
 * poll for what it writes.
 */
public final class MainJob {
  private MainJob() {}

  /**
   * The job's options for one test: unique consumer group, transactional id prefix, topics (two
   * partitions for the inputs, one for the outputs) and index prefix; short flush, checkpoint and
   * idleness intervals. A mutable map: tests add or override before {@link Configuration#fromMap}.
   */
  public static Map<String, String> options(KafkaTestCluster kafka, ElasticsearchTestNode es) {
    Map<String, String> o = kafkaOptions(kafka);
    o.put(RapportOptions.ELASTICSEARCH_HOSTS.key(), es.httpUrl());
    o.put(
        RapportOptions.ELASTICSEARCH_INDEX_PREFIX.key(), ElasticsearchTestNode.uniqueIndexPrefix());
    o.put(RapportOptions.ELASTICSEARCH_FLUSH_INTERVAL.key(), "200 ms");
    o.put(RapportOptions.CHECKPOINT_INTERVAL.key(), "500 ms");
    o.put(RapportOptions.SOURCE_IDLE_TIMEOUT.key(), "1 s");
    return o;
  }

  /**
   * The Kafka half of {@link #options}: unique consumer group, transactional id prefix and topics
   * (two partitions for the inputs, one for the outputs), for runs without Elasticsearch.
   */
  public static Map<String, String> kafkaOptions(KafkaTestCluster kafka) {
    Map<String, String> o = new HashMap<>();
    o.put(RapportOptions.KAFKA_BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
    o.put(RapportOptions.KAFKA_GROUP_ID.key(), KafkaTestCluster.uniqueName("group"));
    o.put(RapportOptions.KAFKA_STARTING_OFFSETS.key(), "earliest");
    o.put(RapportOptions.KAFKA_TRANSACTIONAL_ID_PREFIX.key(), KafkaTestCluster.uniqueName("tx"));
    o.put(RapportOptions.TOPIC_MENTIONS.key(), kafka.uniqueTopic("mentions", 2));
    o.put(RapportOptions.TOPIC_CUSTOMERS.key(), kafka.uniqueTopic("customers", 2));
    o.put(RapportOptions.TOPIC_TRANSACTIONS.key(), kafka.uniqueTopic("transactions", 2));
    o.put(RapportOptions.TOPIC_ALERTS.key(), kafka.uniqueTopic("alerts", 1));
    o.put(RapportOptions.TOPIC_DEADLETTER.key(), kafka.uniqueTopic("deadletter", 1));
    o.put(RapportOptions.TOPIC_ALERT_STATUS.key(), kafka.uniqueTopic("alert-status", 1));
    return o;
  }

  /** Starts the job with the default job configuration, without merge-log topic or model topic. */
  public static JobClient start(Configuration options, String name) throws Exception {
    return start(options, FlinkTestCluster.jobConfiguration(), name, null, null);
  }

  /**
   * Starts the job on RocksDB with {@code flink} (e.g. a savepoint to restore), its Kafka sources,
   * alert and dead-letter sinks and Elasticsearch sink; {@code mergeSink} and {@code clvModels} as
   * {@link RapportJob#defineWorkflow} takes them (null: none).
   */
  public static JobClient start(
      Configuration options,
      Configuration flink,
      String name,
      Sink<MergeRecord> mergeSink,
      Source<ClvModel, ?, ?> clvModels)
      throws Exception {
    return start(options, flink, name, ElasticsearchConnector.sink(options), mergeSink, clvModels);
  }

  /**
   * As {@link #start(Configuration, Configuration, String, Sink, Source)}, with {@code
   * documentSink} in place of the Elasticsearch sink (a benchmark that measures the alerts only).
   */
  public static JobClient start(
      Configuration options,
      Configuration flink,
      String name,
      Sink<EsDocument> documentSink,
      Sink<MergeRecord> mergeSink,
      Source<ClvModel, ?, ?> clvModels)
      throws Exception {
    flink.setString("state.backend.type", "rocksdb");
    StreamExecutionEnvironment env = FlinkTestCluster.env(flink);
    Environments.configure(env, options);
    RapportJob.defineWorkflow(
        env,
        options,
        KafkaConnectors.sources(options),
        KafkaConnectors.alertSink(options),
        KafkaConnectors.deadLetterSink(options),
        documentSink,
        mergeSink,
        clvModels,
        KafkaConnectors.alertStatusSink(options));
    return env.executeAsync(name);
  }

  /**
   * Polls {@code condition} every 250 ms until it holds; after {@code timeout} fails saying what
   * was awaited and what {@code state} sees then.
   */
  public static void await(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        String seen = state.get();
        throw new AssertionError(
            "timed out waiting for " + what + (seen.isEmpty() ? "" : "; " + seen));
      }
      Thread.sleep(250);
    }
  }

  /** {@link #await(String, Duration, BooleanSupplier, Supplier)} without a state report. */
  public static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    await(what, timeout, condition, () -> "");
  }
}
