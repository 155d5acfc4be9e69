package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.alerting.Alerts;
import io.rapport.model.Alert;
import io.rapport.model.CustomerRecord;
import io.rapport.model.DeadLetter;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.serde.Json;
import io.rapport.testing.ElasticsearchTestNode;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.KafkaTestCluster;
import io.rapport.testing.MainJob;
import io.rapport.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The main job on a MiniCluster (parallelism 2, RocksDB, exactly-once checkpoints) between a real
 * Kafka broker and a real Elasticsearch node, with its production sources and sinks.
 */
class RapportJobITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final KafkaTestCluster kafka = KafkaTestCluster.get();
  private final ElasticsearchTestNode es = ElasticsearchTestNode.get();

  /** Unique topics and indices for one test. */
  private Configuration jobOptions() {
    Map<String, String> o = MainJob.options(kafka, es);
    o.put(RapportOptions.IDENTITY_MENTION_HOLD_TIMEOUT.key(), "0 ms"); // the stranger's prospect
    o.put(RapportOptions.ALERT_LANGUAGE.key(), "es"); // a Spanish-speaking team's alerts
    return Configuration.fromMap(o);
  }

  private JobClient start(Configuration options) throws Exception {
    return MainJob.start(options, "rapport-it");
  }

  private void produce(String topic, Object record) {
    kafka.produce(topic, null, Json.toBytes(record));
  }

  private void produceBytes(String topic, byte[] value) {
    kafka.produceAll(List.of(new ProducerRecord<>(topic, null, value)));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    MainJob.await(what, TIMEOUT, condition);
  }

  @Test
  void profilesAlertsAndDeadLettersEndToEnd() throws Exception {
    Configuration o = jobOptions();
    String prefix = o.get(RapportOptions.ELASTICSEARCH_INDEX_PREFIX);
    String customers = prefix + "customers";
    JobClient job = start(o);
    try {
      // Phase 1: twelve customers, C01 spending 10 … C12 spending 120; C03 then asks to be
      // forgotten; C12 pays twice with a transaction delivered twice (counted once).
      for (int i = 1; i <= 12; i++) {
        String id = String.format("C%02d", i);
        CustomerRecord c = Samples.customer(id, "c" + i + "@example.com", "x", "@Fan" + i);
        produce(o.get(RapportOptions.TOPIC_CUSTOMERS), c);
        Transaction t = Samples.purchase("t" + i, id, i * 10.0, Samples.T0.plusSeconds(i));
        produce(o.get(RapportOptions.TOPIC_TRANSACTIONS), t);
      }
      Transaction byEmail = Samples.purchase("t12b", null, 5, Samples.T0.plusSeconds(30));
      byEmail.customer.customerId = null;
      byEmail.customer.email = "C12@Example.com";
      produce(o.get(RapportOptions.TOPIC_TRANSACTIONS), byEmail);
      produce(o.get(RapportOptions.TOPIC_TRANSACTIONS), byEmail); // duplicate delivery
      CustomerRecord forget = new CustomerRecord();
      forget.customerId = "C03";
      forget.op = "forget";
      forget.updatedAt = Samples.T0.plusSeconds(100);
      produce(o.get(RapportOptions.TOPIC_CUSTOMERS), forget);

      // One record of each kind that can't be processed.
      String mentions = o.get(RapportOptions.TOPIC_MENTIONS);
      String transactions = o.get(RapportOptions.TOPIC_TRANSACTIONS);
      Map<String, String> expectedErrors = new HashMap<>();
      produceBytes(
          mentions, "{\"schemaVersion\":1,\"mentionId\":".getBytes(StandardCharsets.UTF_8));
      expectedErrors.put("broken", "MALFORMED_JSON");
      produceBytes(mentions, new byte[] {'{', '"', (byte) 0xC3, '"', '}'});
      expectedErrors.put("encoding", "INVALID_ENCODING");
      ObjectNode wrongType = Json.mapper().valueToTree(mention("bad-type", "Fan1", "hola"));
      ((ObjectNode) wrongType.get("author")).put("followers", "lots");
      produceBytes(mentions, Json.toBytes(wrongType));
      expectedErrors.put("type", "WRONG_TYPE");
      ObjectNode missing = Json.mapper().valueToTree(mention("bad-missing", "Fan1", "hola"));
      missing.remove("time");
      produceBytes(mentions, Json.toBytes(missing));
      expectedErrors.put("missing", "MISSING_FIELD");
      produce(mentions, mention("bad-long", "Fan1", "a".repeat(20_000)));
      expectedErrors.put("oversized", "OVERSIZED");
      ObjectNode future = Json.mapper().valueToTree(mention("bad-version", "Fan1", "hola"));
      future.put("schemaVersion", 9);
      produceBytes(mentions, Json.toBytes(future));
      expectedErrors.put("version", "UNSUPPORTED_SCHEMA_VERSION");
      Transaction yen = Samples.purchase("t-yen", "C01", 1000, Samples.T0);
      yen.currency = "JPY";
      produce(transactions, yen);
      expectedErrors.put("currency", "INVALID_VALUE");

      await(
          "eleven customer profiles with their spend",
          () -> {
            Map<String, JsonNode> docs = es.documents(customers);
            return docs.size() == 11
                && docs.containsKey("C12")
                && docs.get("C12").path("purchaseCount").asLong() == 2
                && docs.values().stream().allMatch(d -> d.path("totalSpend").asDouble() > 0);
          });

      // Phase 2: mentions, now that the spend distribution is known.
      produce(mentions, mention("m-top", "@FAN12", "This is the worst service ever, I hate it"));
      produce(mentions, mention("m-top", "@FAN12", "This is the worst service ever, I hate it"));
      produce(mentions, mention("m-low", "fan5", "Terrible, awful, the worst"));
      produce(mentions, mention("m-stranger", "stranger", "Me encanta, genial"));
      produce(mentions, mention("m-forgotten", "fan3", "worst shop, I hate it"));

      List<Alert> alerts =
          kafka
              .consumeValues(
                  o.get(RapportOptions.TOPIC_ALERTS), IsolationLevel.READ_COMMITTED, 1, TIMEOUT)
              .stream()
              .map(v -> read(v, Alert.class))
              .toList();
      await("mention documents", () -> es.documents(prefix + "mentions").size() == 3);
      await("the alert document", () -> es.documents(prefix + "alerts").size() == 1);

      // Alerts: exactly one, for the top customer's complaint, committed once.
      assertThat(alerts).hasSize(1);
      Alert a = alerts.get(0);
      assertThat(a.alertId).isEqualTo(Alerts.alertId(Alerts.HIGH_VALUE_COMPLAINT, "m-top"));
      assertThat(a.customerId).isEqualTo("C12");
      assertThat(a.channel).isEqualTo("x");
      assertThat(a.evidence.mentionIds).containsExactly("m-top");
      assertThat(a.summary)
          .startsWith("Mención negativa (sentimiento -0,")
          .contains("de un cliente del decil superior (gasto neto 125,00, 2 compras;");
      assertThat(es.get(prefix + "alerts", a.alertId).path("status").asText()).isEqualTo("open");

      // Profiles: exact counts, forgotten customer gone, prospect kept with a hashed id.
      Map<String, JsonNode> profiles = es.documents(customers);
      assertThat(profiles).doesNotContainKey("C03");
      JsonNode top = profiles.get("C12");
      assertThat(top.path("purchaseCount").asLong()).isEqualTo(2);
      assertThat(top.path("totalSpend").asDouble()).isEqualTo(125.0);
      assertThat(top.path("mentionCount").asLong()).isEqualTo(1);
      assertThat(top.path("negativeMentions").asLong()).isEqualTo(1);
      assertThat(top.path("identifierCounts").path("email").asInt()).isEqualTo(1);
      assertThat(top.toString()).doesNotContain("c12@example.com");
      assertThat(profiles.get("C05").path("mentionCount").asLong()).isEqualTo(1);
      List<String> prospects =
          profiles.keySet().stream().filter(k -> k.startsWith("prospect-")).toList();
      assertThat(prospects).hasSize(1);
      assertThat(profiles.get(prospects.get(0)).path("kind").asText()).isEqualTo("prospect");
      assertThat(profiles).hasSize(12); // 11 customers + 1 prospect

      // Dead letters: one per bad record, with its reason and original bytes.
      List<DeadLetter> dead =
          kafka
              .consumeValues(
                  o.get(RapportOptions.TOPIC_DEADLETTER),
                  IsolationLevel.READ_COMMITTED,
                  expectedErrors.size(),
                  TIMEOUT)
              .stream()
              .map(v -> read(v, DeadLetter.class))
              .toList();
      assertThat(dead.stream().map(d -> d.errorCode).sorted().toList())
          .isEqualTo(expectedErrors.values().stream().sorted().toList());
      assertThat(dead).allSatisfy(d -> assertThat(d.reason).isNotBlank());
      assertThat(dead).allSatisfy(d -> assertThat(d.offset).isNotNegative());
      DeadLetter encoding =
          dead.stream().filter(d -> d.errorCode.equals("INVALID_ENCODING")).findFirst().get();
      assertThat(Base64.getDecoder().decode(encoding.payloadBase64))
          .isEqualTo(new byte[] {'{', '"', (byte) 0xC3, '"', '}'});
      Map<String, Long> bySource =
          dead.stream().collect(Collectors.groupingBy(d -> d.sourceTopic, Collectors.counting()));
      assertThat(bySource).containsEntry(mentions, 6L).containsEntry(transactions, 1L);

      // Phase 3: the top customer asks to be forgotten; the alert raised about them goes too.
      CustomerRecord forgetTop = new CustomerRecord();
      forgetTop.customerId = "C12";
      forgetTop.op = "forget";
      forgetTop.updatedAt = Samples.T0.plusSeconds(300);
      produce(o.get(RapportOptions.TOPIC_CUSTOMERS), forgetTop);
      await(
          "the forgotten customer's profile and alert documents deleted",
          () ->
              !es.documents(customers).containsKey("C12")
                  && es.documents(prefix + "alerts").isEmpty());
      assertThat(es.documents(customers)).hasSize(11);
    } finally {
      job.cancel().get();
    }
  }

  private static SocialMention mention(String id, String handle, String text) {
    return Samples.mention(id, "x", handle, text, Samples.T0.plusSeconds(200));
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + json, e);
    }
  }
}
