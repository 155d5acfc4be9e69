package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.alerting.AlertTypes;
import io.rapport.generator.GeneratedRecord;
import io.rapport.generator.GeneratorConfig;
import io.rapport.generator.RapportGenerator;
import io.rapport.generator.RecordKind;
import io.rapport.model.Alert;
import io.rapport.model.DeadLetter;
import io.rapport.model.SocialMention;
import io.rapport.serde.Json;
import io.rapport.testing.ElasticsearchTestNode;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.KafkaTestCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The main job over the first records of the generated world, through real Kafka topics into a real
 * Elasticsearch node, as a bounded run: every malformed record comes back as a dead letter with the
 * error the generator intended, no valid event is lost or counted twice, and alerts are committed
 * once.
 */
class GeneratedInputITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final int RECORDS = 6_000;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void generatedWorldEndToEnd() throws Exception {
    KafkaTestCluster kafka = KafkaTestCluster.get();
    ElasticsearchTestNode es = ElasticsearchTestNode.get();
    Map<String, String> topics = new HashMap<>();
    topics.put(GeneratedRecord.TOPIC_MENTIONS, kafka.uniqueTopic("mentions", 2));
    topics.put(GeneratedRecord.TOPIC_CUSTOMERS, kafka.uniqueTopic("customers", 2));
    topics.put(GeneratedRecord.TOPIC_TRANSACTIONS, kafka.uniqueTopic("transactions", 2));
    String alertsTopic = kafka.uniqueTopic("alerts", 1);
    String deadTopic = kafka.uniqueTopic("deadletter", 1);
    String prefix = ElasticsearchTestNode.uniqueIndexPrefix();

    RapportGenerator generator = new RapportGenerator(GeneratorConfig.defaults().seed(7));
    List<GeneratedRecord> records = new ArrayList<>();
    List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
    List<Long> indices = new ArrayList<>();
    for (long i = 0; i < RECORDS; i++) {
      indices.add(i);
    }
    // The first customers who later ask to be forgotten: their forget requests come after the
    // range, so add them (the forgotten customers' earlier events are in the range).
    int created = generator.customersCreatedBefore(RECORDS);
    for (int k = 0, added = 0; k < created && added < 3; k++) {
      long forget = generator.forgetIndex(k);
      if (forget >= RECORDS) {
        indices.add(forget);
        added++;
      }
    }
    for (long i : indices) {
      GeneratedRecord r = generator.record(i);
      records.add(r);
      out.add(new ProducerRecord<>(topics.get(r.topic), null, r.eventTimeMillis, r.key, r.value));
    }
    kafka.produceAll(out);

    Configuration o =
        JobArguments.parse(
                "--kafka.bootstrap-servers", kafka.bootstrapServers(),
                "--kafka.group-id", KafkaTestCluster.uniqueName("group"),
                "--kafka.starting-offsets", "earliest",
                "--kafka.bounded", "true",
                "--kafka.transactional-id-prefix", KafkaTestCluster.uniqueName("tx"),
                "--topic.mentions", topics.get(GeneratedRecord.TOPIC_MENTIONS),
                "--topic.customers", topics.get(GeneratedRecord.TOPIC_CUSTOMERS),
                "--topic.transactions", topics.get(GeneratedRecord.TOPIC_TRANSACTIONS),
                // the generator writes no activities; a bounded run reads the (empty) topic
                "--topic.activities", kafka.uniqueTopic("activities", 2),
                "--topic.alerts", alertsTopic,
                "--topic.deadletter", deadTopic,
                "--elasticsearch.hosts", es.httpUrl(),
                "--elasticsearch.index-prefix", prefix,
                "--checkpoint.interval", "1 s")
            .configuration();
    StreamExecutionEnvironment env = FlinkTestCluster.env();
    Environments.configure(env, o);
    RapportJob.defineWorkflow(
        env,
        o,
        KafkaConnectors.sources(o),
        KafkaConnectors.alertSink(o),
        KafkaConnectors.deadLetterSink(o),
        ElasticsearchConnector.sink(o));
    env.execute("rapport-generated-it"); // bounded: returns when every record was read

    // Dead letters: exactly the malformed records, each with the error the generator intended.
    Map<String, Long> expectedErrors =
        records.stream()
            .filter(r -> !r.isValid())
            .collect(
                Collectors.groupingBy(r -> r.expectedError, TreeMap::new, Collectors.counting()));
    assertThat(expectedErrors).hasSizeGreaterThanOrEqualTo(5);
    int malformed = expectedErrors.values().stream().mapToInt(Long::intValue).sum();
    List<DeadLetter> dead =
        kafka.consumeValues(deadTopic, IsolationLevel.READ_COMMITTED, malformed, TIMEOUT).stream()
            .map(v -> read(v, DeadLetter.class))
            .toList();
    Map<String, Long> deadByError =
        dead.stream()
            .collect(Collectors.groupingBy(d -> d.errorCode, TreeMap::new, Collectors.counting()));
    assertThat(deadByError).isEqualTo(expectedErrors);

    // Mentions: every valid one indexed exactly once; the brand's answers are not what people say.
    long validMentions =
        records.stream()
            .filter(r -> r.isValid() && r.topic.equals(GeneratedRecord.TOPIC_MENTIONS))
            .filter(r -> r.kind != RecordKind.BRAND_REPLY)
            .count();
    Map<String, Long> mentionTime = new HashMap<>();
    Map<String, List<SocialMention>> answered = new HashMap<>();
    for (GeneratedRecord r : records) {
      if (r.isValid() && r.topic.equals(GeneratedRecord.TOPIC_MENTIONS)) {
        SocialMention m = read(r.valueString(), SocialMention.class);
        if (r.kind == RecordKind.BRAND_REPLY) {
          answered.computeIfAbsent(m.replyTo, k -> new ArrayList<>()).add(m);
        } else {
          mentionTime.put(m.mentionId, m.time.toEpochMilli());
        }
      }
    }
    assertThat(answered).as("the brand answers some questions and complaints").isNotEmpty();
    assertThat(es.count(prefix + "mentions")).isEqualTo(validMentions);

    // Profiles: every customer who was registered and not forgotten has one; counts add up.
    Set<String> forgotten = new HashSet<>();
    Set<String> registered = new HashSet<>();
    for (GeneratedRecord r : records) {
      if (r.isValid() && r.kind == RecordKind.CUSTOMER_FORGET) {
        forgotten.add(r.customerId);
      } else if (r.isValid() && r.topic.equals(GeneratedRecord.TOPIC_CUSTOMERS)) {
        registered.add(r.customerId);
      }
    }
    registered.removeAll(forgotten);
    assertThat(forgotten).hasSize(3);
    Map<String, JsonNode> profiles = es.documents(prefix + "customers");
    // CRM duplicates are merged: a registered customer is a profile or merged into one.
    Set<String> present = new HashSet<>(profiles.keySet());
    profiles.values().forEach(d -> d.path("mergedIds").forEach(m -> present.add(m.asText())));
    assertThat(present).containsAll(registered).doesNotContainAnyElementsOf(forgotten);
    assertThat(registered)
        .filteredOn(profiles::containsKey)
        .isNotEmpty()
        .allSatisfy(id -> assertThat(profiles.get(id).path("kind").asText()).isEqualTo("customer"));

    long countedMentions =
        profiles.values().stream().mapToLong(d -> d.path("mentionCount").asLong()).sum();
    long countedTransactions =
        profiles.values().stream()
            .mapToLong(d -> d.path("purchaseCount").asLong() + d.path("returnCount").asLong())
            .sum();
    long validTransactions =
        records.stream()
            .filter(r -> r.isValid() && r.topic.equals(GeneratedRecord.TOPIC_TRANSACTIONS))
            .count();
    long ofForgotten =
        records.stream()
            .filter(r -> r.isValid() && r.customerId != null && forgotten.contains(r.customerId))
            .filter(r -> !r.topic.equals(GeneratedRecord.TOPIC_CUSTOMERS))
            .count();
    // Nothing counted twice; nothing lost but the events of forgotten customers (deleted with
    // their profile, unless they had landed on a prospect before the customer was linked).
    assertThat(countedMentions).isLessThanOrEqualTo(validMentions);
    assertThat(countedTransactions).isLessThanOrEqualTo(validTransactions);
    assertThat(countedMentions + countedTransactions)
        .isGreaterThanOrEqualTo(validMentions + validTransactions - ofForgotten);

    // Alerts: committed once each, about people with a profile; complaints on negative mentions.
    List<Alert> alerts =
        kafka.consumeValues(alertsTopic, IsolationLevel.READ_COMMITTED, 1, TIMEOUT).stream()
            .map(v -> read(v, Alert.class))
            .toList();
    assertThat(alerts).isNotEmpty();
    assertThat(alerts.stream().map(a -> a.alertId).distinct().count()).isEqualTo(alerts.size());
    for (Alert a : alerts) {
      if (a.type.equals(io.rapport.listening.CrisisDetector.BRAND_CRISIS)) {
        assertThat(a.brand).isNotBlank(); // about a brand, not one mention
        assertThat(a.evidence.scores).containsKey("negatives.lastHour");
        continue;
      }
      if (a.evidence.mentionIds.isEmpty()) {
        // the at-risk score crossed its threshold: about a customer, with the reasons
        assertThat(a.type).isEqualTo(AlertTypes.CHURN_RISK);
        assertThat(a.evidence.scores.get("atRisk"))
            .isGreaterThanOrEqualTo(RapportOptions.ALERT_CHURN_RISK_THRESHOLD.defaultValue());
        assertThat(a.evidence.reasons).isNotEmpty();
        assertThat(forgotten.contains(a.customerId) || present.contains(a.customerId)).isTrue();
        continue;
      }
      JsonNode mention = es.get(prefix + "mentions", a.evidence.mentionIds.get(0));
      if (mention.path("redacted").asBoolean()) {
        continue; // its author asked to be forgotten afterwards
      }
      if (a.type.equals(AlertTypes.HIGH_VALUE_COMPLAINT)
          || a.type.equals(AlertTypes.INFLUENCER_NEGATIVE)) {
        assertThat(mention.path("sentiment").path("compound").asDouble())
            .isLessThanOrEqualTo(-0.05);
      }
      assertThat(mention.path("profileId").asText()).isEqualTo(a.customerId);
    }
    // Alert documents: every alert's, but those about a person who asked to be forgotten. An
    // alert raised on a mention the brand answered within alert.answer-window is acknowledged by
    // the brand's account, with its response time; the others are open.
    Map<String, JsonNode> indexed = es.documents(prefix + "alerts");
    long window = RapportOptions.ALERT_ANSWER_WINDOW.defaultValue().toMillis();
    int acknowledged = 0;
    for (Alert a : alerts) {
      String on = a.evidence.mentionIds.isEmpty() ? null : a.evidence.mentionIds.get(0);
      boolean erased =
          a.customerId != null && forgotten.contains(a.customerId)
              || on != null && es.get(prefix + "mentions", on).path("redacted").asBoolean();
      assertThat(indexed.containsKey(a.alertId)).as(a + " erased " + erased).isEqualTo(!erased);
      if (erased) {
        continue;
      }
      JsonNode doc = indexed.get(a.alertId);
      List<Long> delays = new ArrayList<>();
      String by = null;
      for (SocialMention reply :
          on == null ? List.<SocialMention>of() : answered.getOrDefault(on, List.of())) {
        long delay = reply.time.toEpochMilli() - mentionTime.get(on);
        if (delay <= window) {
          delays.add(delay / 1000);
          by = "@" + reply.author.handle;
        }
      }
      if (delays.isEmpty() || a.type.equals(io.rapport.listening.CrisisDetector.BRAND_CRISIS)) {
        assertThat(doc.path("status").asText()).as(a.alertId).isEqualTo("open");
        continue;
      }
      acknowledged++;
      assertThat(doc.path("status").asText()).as(a.alertId).isEqualTo("acknowledged");
      assertThat(doc.path("acknowledgedBy").asText()).isEqualTo(by);
      assertThat(delays).contains(doc.path("responseSeconds").asLong());
    }
    assertThat(acknowledged).as("alerts the brand answered").isPositive();
    // and no document for an alert that was never raised (a status of an erased alert would be)
    assertThat(alerts.stream().map(a -> a.alertId).toList()).containsAll(indexed.keySet());
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + json, e);
    }
  }
}
