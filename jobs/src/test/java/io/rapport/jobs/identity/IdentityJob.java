package io.rapport.jobs.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.jobs.KafkaConnectors;
import io.rapport.jobs.RapportOptions;
import io.rapport.model.CustomerRecord;
import io.rapport.serde.Json;
import io.rapport.testing.ElasticsearchTestNode;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.KafkaTestCluster;
import io.rapport.testing.MainJob;
import io.rapport.testing.Samples;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.common.IsolationLevel;

/**
 * The main job with its production sources and sinks (merge-log topic included) on unique topics
 * and indices, for the identity ITCases.
 */
final class IdentityJob {
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  final KafkaTestCluster kafka = KafkaTestCluster.get();
  final ElasticsearchTestNode es = ElasticsearchTestNode.get();
  final Configuration options;
  final String prefix;

  IdentityJob(Map<String, String> extra) {
    Map<String, String> o = MainJob.options(kafka, es);
    o.put(RapportOptions.TOPIC_MERGES.key(), kafka.uniqueTopic("merges", 1));
    o.putAll(extra);
    options = Configuration.fromMap(o);
    prefix = options.get(RapportOptions.ELASTICSEARCH_INDEX_PREFIX);
  }

  JobClient start(Configuration flink) throws Exception {
    return MainJob.start(options, flink, "identity-it", KafkaConnectors.mergeSink(options), null);
  }

  JobClient start() throws Exception {
    return start(FlinkTestCluster.jobConfiguration());
  }

  String topic(org.apache.flink.configuration.ConfigOption<String> option) {
    return options.get(option);
  }

  void produce(org.apache.flink.configuration.ConfigOption<String> topic, Object record) {
    kafka.produce(options.get(topic), null, Json.toBytes(record));
  }

  /** The index's documents (the test node retries while a new index has no shard yet). */
  Map<String, JsonNode> docs(String index) {
    return es.documents(prefix + index);
  }

  Map<String, JsonNode> customers() {
    return docs("customers");
  }

  List<JsonNode> committed(org.apache.flink.configuration.ConfigOption<String> topic, int n) {
    return committed(topic, n, TIMEOUT);
  }

  /**
   * The committed records of a topic: at least {@code n} if they come within {@code timeout}, else
   * all there are when it ends.
   */
  List<JsonNode> committed(
      org.apache.flink.configuration.ConfigOption<String> topic, int n, Duration timeout) {
    return kafka
        .consumeValues(options.get(topic), IsolationLevel.READ_COMMITTED, n, timeout)
        .stream()
        .map(IdentityJob::tree)
        .toList();
  }

  static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + json, e);
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(250);
    }
  }

  /** A customer with exactly these emails and social handles on x (no phone, no card). */
  static CustomerRecord customer(String id, List<String> emails, List<String> handles, int sec) {
    CustomerRecord c = Samples.customer(id, null, null, null);
    c.emails = new java.util.ArrayList<>(emails);
    c.phones = new java.util.ArrayList<>();
    c.loyaltyCard = null;
    for (String h : handles) {
      io.rapport.model.SocialAccount a = new io.rapport.model.SocialAccount();
      a.platform = "x";
      a.handle = h;
      a.verified = true;
      c.socialAccounts.add(a);
    }
    c.updatedAt = Samples.T0.plusSeconds(sec);
    return c;
  }
}
