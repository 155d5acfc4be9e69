package io.rapport.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.alerting.AlertTypes;
import io.rapport.alerting.Alerts;
import io.rapport.jobs.RapportOptions;
import io.rapport.model.Alert;
import io.rapport.model.AlertStatus;
import io.rapport.model.SocialMention;
import io.rapport.serde.Json;
import io.rapport.testing.ElasticsearchTestNode;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.KafkaTestCluster;
import io.rapport.testing.MainJob;
import io.rapport.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scenario per alert type the job raises, plus pressure control and quiet hours, on a real
 * Kafka broker (alerts read with a read_committed consumer) and a real Elasticsearch node; and a
 * restore from a retained checkpoint after a cancel, with no alert lost or duplicated.
 */
class AlertScenariosITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  /** 11:03 in Madrid: daytime. */
  private static final Instant DAY = Samples.T0.plusSeconds(200);

  private final KafkaTestCluster kafka = KafkaTestCluster.get();
  private final ElasticsearchTestNode es = ElasticsearchTestNode.get();

  private Configuration jobOptions() {
    Map<String, String> o = MainJob.options(kafka, es);
    // mentions by authors nobody linked go to their prospect at once, not after the hold
    o.put(RapportOptions.IDENTITY_MENTION_HOLD_TIMEOUT.key(), "0 ms");
    return Configuration.fromMap(o);
  }

  private JobClient start(Configuration options, Map<String, String> flinkSettings)
      throws Exception {
    Configuration flink = FlinkTestCluster.jobConfiguration();
    flinkSettings.forEach(flink::setString);
    return MainJob.start(options, flink, "alerts-it", null, null);
  }

  private void produce(String topic, Object record) {
    kafka.produce(topic, null, Json.toBytes(record));
  }

  /**
   * Keyed by author, so one person's mentions stay in one partition, in order: pressure control
   * decides in arrival order (the first of two mentions inside a cool-down is the one contacted).
   */
  private void produceByAuthor(String topic, SocialMention m) {
    kafka.produce(
        topic, m.author.handle.getBytes(java.nio.charset.StandardCharsets.UTF_8), Json.toBytes(m));
  }

  private List<Alert> committedAlerts(Configuration o, int atLeast) {
    return kafka
        .consumeValues(
            o.get(RapportOptions.TOPIC_ALERTS), IsolationLevel.READ_COMMITTED, atLeast, TIMEOUT)
        .stream()
        .map(v -> read(v, Alert.class))
        .toList();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    MainJob.await(what, TIMEOUT, condition);
  }

  private static SocialMention mention(
      String id, String handle, String text, String lang, Instant time) {
    SocialMention m = Samples.mention(id, "x", handle, text, time);
    m.lang = lang;
    return m;
  }

  @Test
  void everyAlertTypeWithItsContactPlanAndPressureControl() throws Exception {
    Configuration o = jobOptions();
    String prefix = o.get(RapportOptions.ELASTICSEARCH_INDEX_PREFIX);
    String mentions = o.get(RapportOptions.TOPIC_MENTIONS);
    JobClient job = start(o, Map.of());
    try {
      // Twelve customers (consent: email and social; Europe/Madrid), C01 spending 10 … C12 120.
      for (int i = 1; i <= 12; i++) {
        String id = String.format("C%02d", i);
        produce(
            o.get(RapportOptions.TOPIC_CUSTOMERS),
            Samples.customer(id, "c" + i + "@example.com", "x", "@Fan" + i));
        produce(
            o.get(RapportOptions.TOPIC_TRANSACTIONS),
            Samples.purchase("t" + i, id, i * 10.0, Samples.T0.plusSeconds(i)));
      }
      await(
          "twelve customer profiles with their spend",
          () -> {
            Map<String, JsonNode> docs = es.documents(prefix + "customers");
            return docs.size() == 12
                && docs.values().stream().allMatch(d -> d.path("totalSpend").asDouble() > 0);
          });

      String worst = "This is the worst service ever, I hate it";
      String question = "¿A qué hora abre la tienda de Lumen?";
      produce(mentions, mention("m-hvc", "fan12", worst, "en", DAY));
      SocialMention influencer =
          mention("m-influencer", "bigvoice", "Lumen is the worst, terrible service", "en", DAY);
      influencer.author.followers = 50_000;
      produce(mentions, influencer);
      produce(
          mentions,
          mention(
              "m-churn", "fan2", "Me doy de baja de Lumen, me voy a la competencia", "es", DAY));
      // a customer with a large audience threatening to leave: answered in public and retained
      SocialMention churnLoud =
          mention(
              "m-churn-loud",
              "fan9",
              "Me doy de baja de Lumen, un servicio pésimo, me voy a la competencia",
              "es",
              DAY);
      churnLoud.author.followers = 40_000;
      produce(mentions, churnLoud);
      produce(mentions, mention("m-reco", "fan3", "Os recomiendo Lumen, genial", "es", DAY));
      produce(mentions, mention("m-question", "curious", question, "es", DAY));
      produce(
          mentions, mention("m-buy", "buyer", "I want to buy the new Lumen headphones", "en", DAY));
      // A switch to the brand is not a churn threat for it: a prospect's is an intent to buy
      // (PURCHASE_INTENT), a customer's raises nothing (no CHURN_RISK)
      produce(
          mentions,
          mention("m-switch-in", "switcher", "Harta de @Vela, me cambio a @Lumen", "es", DAY));
      produce(
          mentions,
          mention(
              "m-switch-customer", "fan6", "Me paso a @Lumen_ES la semana que viene", "es", DAY));
      // ... and what it says of the brand left is not said of the brand: an influencer's is no
      // negative mention of it (INFLUENCER_NEGATIVE) but an intent to buy
      SocialMention switcher =
          mention(
              "m-switch-influencer",
              "loudswitcher",
              "I'm so done with @vela, their service is awful. Switching to @Lumen",
              "en",
              DAY);
      switcher.author.followers = 80_000;
      produce(mentions, switcher);
      // brands written in lower case, as often on social media: the job knows its brands' names
      produce(
          mentions,
          mention("m-switch-lower", "lowswitch", "harta de vela, me cambio a lumen", "es", DAY));
      // A comparison praises its subject at the expense of its object: an influencer's "Vela is a
      // thousand times better than Lumen, I recommend it" is a negative mention for lumen, and
      // nobody is thanked for recommending the competitor
      SocialMention compareLoud =
          mention(
              "m-compare-influencer",
              "loudcompare",
              "Vela es mil veces mejor que @lumen, os la recomiendo",
              "es",
              DAY);
      compareLoud.author.followers = 70_000;
      produce(mentions, compareLoud);
      produce(
          mentions,
          mention(
              "m-compare-fan",
              "fan8",
              "@vela es mucho mejor que Lumen, os la recomiendo",
              "es",
              DAY));
      // A repost says what the original said: a customer's repost of the question is not their
      // question (no alert), an influencer's repost of a negative mention spreads it
      SocialMention rtQuestion =
          mention("m-rt-question", "fan7", "RT @curious: " + question, "es", DAY);
      rtQuestion.repostOf = "m-question";
      produce(mentions, rtQuestion);
      SocialMention rtLoud =
          mention(
              "m-rt-influencer",
              "bigecho",
              "RT @bigvoice: Lumen is the worst, terrible service",
              "en",
              DAY);
      rtLoud.repostOf = "m-influencer";
      rtLoud.author.followers = 60_000;
      produce(mentions, rtLoud);
      // What the brand posts itself is no prospect's question (skip-brand-posts); as a reply to
      // fan3's recommendation it acknowledges the alert raised on it
      SocialMention brandReply =
          mention(
              "m-brand-reply",
              "Lumen_ES",
              "@fan3 ¡Gracias! ¿Nos cuentas qué producto compraste?",
              "es",
              DAY.plus(Duration.ofMinutes(20)));
      brandReply.replyTo = "m-reco";
      brandReply.author.verified = true; // the brand's account, as the platform shows it
      produce(mentions, brandReply);
      // 23:30 in Madrid: a recommendation to thank by email, after the quiet hours
      produce(
          mentions,
          mention(
              "m-night",
              "fan4",
              "I highly recommend Lumen",
              "en",
              Instant.parse("2026-03-01T22:30:00Z")));
      // Pressure on C05: three questions 20 min apart (contacts 1-3), one more a minute after
      // the first (cool-down), then a recommendation (fourth contact in 7 days: suppressed)
      produceByAuthor(mentions, mention("m-p1", "fan5", question, "es", DAY));
      produceByAuthor(mentions, mention("m-p1b", "fan5", question, "es", DAY.plusSeconds(60)));
      produceByAuthor(mentions, mention("m-p2", "fan5", question, "es", DAY.plusSeconds(1200)));
      produceByAuthor(mentions, mention("m-p3", "fan5", question, "es", DAY.plusSeconds(2400)));
      produceByAuthor(
          mentions,
          mention("m-p4", "fan5", "Os recomiendo Lumen, genial", "es", DAY.plusSeconds(3600)));

      int expected = 17;
      committedAlerts(o, expected);
      Thread.sleep(3000); // a few more checkpoints: nothing else may arrive
      List<Alert> alerts = committedAlerts(o, expected);
      assertThat(alerts).hasSize(expected);
      Map<String, List<Alert>> allByMention =
          alerts.stream().collect(Collectors.groupingBy(a -> a.evidence.mentionIds.get(0)));
      assertThat(allByMention.remove("m-churn-loud"))
          .satisfiesExactlyInAnyOrder(
              a -> {
                assertThat(a.type).isEqualTo(AlertTypes.INFLUENCER_NEGATIVE);
                assertThat(a.customerId).isEqualTo("C09");
                assertThat(a.ownerTeam).isEqualTo("social-media");
              },
              a -> {
                assertThat(a.type).isEqualTo(AlertTypes.CHURN_RISK);
                assertThat(a.customerId).isEqualTo("C09");
                assertThat(a.ownerTeam).isEqualTo("retention");
                assertThat(a.channel).isEqualTo("email");
              });
      Map<String, Alert> byMention =
          allByMention.entrySet().stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
      assertThat(allByMention.values()).allSatisfy(list -> assertThat(list).hasSize(1));
      assertThat(byMention.keySet())
          .containsExactlyInAnyOrder(
              "m-hvc",
              "m-influencer",
              "m-churn",
              "m-reco",
              "m-question",
              "m-buy",
              "m-switch-in",
              "m-switch-influencer",
              "m-switch-lower",
              "m-compare-influencer",
              "m-rt-influencer",
              "m-night",
              "m-p1",
              "m-p2",
              "m-p3");

      Alert hvc = byMention.get("m-hvc");
      assertThat(hvc.type).isEqualTo(AlertTypes.HIGH_VALUE_COMPLAINT);
      assertThat(hvc.customerId).isEqualTo("C12");
      assertThat(hvc.channel).isEqualTo("x");
      assertThat(hvc.ownerTeam).isEqualTo("customer-care");
      assertThat(hvc.templateKey).isEqualTo("complaint.acknowledge.en");
      assertThat(hvc.deadline).isEqualTo(DAY.plus(Duration.ofHours(1)));
      assertThat(hvc.evidence.topics).containsExactly("customer_service"); // "worst service"

      Alert infl = byMention.get("m-influencer");
      assertThat(infl.type).isEqualTo(AlertTypes.INFLUENCER_NEGATIVE);
      assertThat(infl.customerId).startsWith("prospect-").doesNotContain("bigvoice");
      assertThat(infl.channel).isEqualTo("x");
      assertThat(infl.evidence.scores).containsEntry("author.followers", 50_000.0);

      Alert echo = byMention.get("m-rt-influencer");
      assertThat(echo.type).isEqualTo(AlertTypes.INFLUENCER_NEGATIVE);
      assertThat(echo.summary).startsWith("Repost of a negative mention");

      Alert churn = byMention.get("m-churn");
      assertThat(churn.type).isEqualTo(AlertTypes.CHURN_RISK);
      assertThat(churn.customerId).isEqualTo("C02");
      assertThat(churn.channel).isEqualTo("email"); // no phone consent
      assertThat(churn.ownerTeam).isEqualTo("retention");
      assertThat(churn.templateKey).isEqualTo("churn.retention.es");

      Alert reco = byMention.get("m-reco");
      assertThat(reco.type).isEqualTo(AlertTypes.RECOMMENDATION);
      assertThat(reco.channel).isEqualTo("email"); // said on x, thanked by email
      assertThat(reco.action).isEqualTo("thank");
      assertThat(reco.templateKey).isEqualTo("recommendation.thank.es");
      assertThat(reco.notBefore).isNull();

      Alert q = byMention.get("m-question");
      assertThat(q.type).isEqualTo(AlertTypes.SOCIAL_QUESTION);
      assertThat(q.channel).isEqualTo("x");
      assertThat(q.deadline).isEqualTo(DAY.plus(Duration.ofHours(2)));

      Alert buy = byMention.get("m-buy");
      assertThat(buy.type).isEqualTo(AlertTypes.PURCHASE_INTENT);
      assertThat(buy.customerId).startsWith("prospect-");
      assertThat(buy.ownerTeam).isEqualTo("sales");
      assertThat(buy.templateKey).isEqualTo("purchase.engage.en");

      Alert switchIn = byMention.get("m-switch-in");
      assertThat(switchIn.type).isEqualTo(AlertTypes.PURCHASE_INTENT);
      assertThat(switchIn.customerId).startsWith("prospect-");
      assertThat(switchIn.ownerTeam).isEqualTo("sales");
      assertThat(switchIn.action).isEqualTo("welcome_switcher"); // not buy's engage_prospect
      assertThat(switchIn.templateKey).isEqualTo("purchase.switch.welcome.es");
      assertThat(switchIn.channel).isEqualTo("x");
      assertThat(switchIn.deadline).isEqualTo(DAY.plus(Duration.ofHours(2)));
      assertThat(switchIn.evidence.topics).isEmpty();
      Alert loud = byMention.get("m-switch-influencer");
      assertThat(loud.type).isEqualTo(AlertTypes.PURCHASE_INTENT);
      assertThat(loud.evidence.scores).containsEntry("sentiment.compound", 0.0);
      assertThat(loud.evidence.topics).isEmpty(); // the service complained of is vela's
      Alert lower = byMention.get("m-switch-lower");
      assertThat(lower.type).isEqualTo(AlertTypes.PURCHASE_INTENT);
      assertThat(lower.customerId).startsWith("prospect-");

      Alert compared = byMention.get("m-compare-influencer");
      assertThat(compared.type).isEqualTo(AlertTypes.INFLUENCER_NEGATIVE);
      assertThat(compared.evidence.scores.get("sentiment.compound")).isLessThan(-0.3);

      Alert night = byMention.get("m-night");
      assertThat(night.type).isEqualTo(AlertTypes.RECOMMENDATION);
      assertThat(night.channel).isEqualTo("email");
      assertThat(night.notBefore).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
      assertThat(night.deadline).isEqualTo(night.notBefore.plus(Duration.ofDays(2)));

      assertThat(alerts)
          .allSatisfy(
              a -> {
                assertThat(a.schemaVersion).isEqualTo(1);
                assertThat(a.alertId)
                    .isEqualTo(Alerts.alertId(a.type, a.evidence.mentionIds.get(0)));
                assertThat(a.severity).isNotBlank();
                assertThat(a.deadline).isNotNull();
              });
      await("the alert documents", () -> es.documents(prefix + "alerts").size() == expected);
      // the brand answered fan3's recommendation: acknowledged by its account, at its reply
      String recoId = reco.alertId;
      await(
          "the acknowledgement of the answered alert",
          () ->
              es.documents(prefix + "alerts")
                  .get(recoId)
                  .path("status")
                  .asText()
                  .equals("acknowledged"));
      JsonNode answered = es.documents(prefix + "alerts").get(recoId);
      assertThat(answered.path("statusBy").asText()).isEqualTo("@Lumen_ES");
      assertThat(answered.path("acknowledgedAt").asText())
          .isEqualTo(DAY.plus(Duration.ofMinutes(20)).toString());
      assertThat(answered.path("statusNote").asText())
          .isEqualTo("answered by the brand on x (m-brand-reply), 20 min after the mention");
      assertThat(answered.path("responseSeconds").asLong()).isEqualTo(20 * 60L);
      // and the services following alert statuses learn it from the status topic, once
      List<AlertStatus> statuses =
          kafka
              .consumeValues(
                  o.get(RapportOptions.TOPIC_ALERT_STATUS),
                  IsolationLevel.READ_COMMITTED,
                  1,
                  TIMEOUT)
              .stream()
              .map(v -> read(v, AlertStatus.class))
              .toList();
      assertThat(statuses)
          .singleElement()
          .satisfies(
              st -> {
                assertThat(st.alertId).isEqualTo(recoId);
                assertThat(st.status).isEqualTo("acknowledged");
                assertThat(st.by).isEqualTo("@Lumen_ES");
                assertThat(st.responseSeconds).isEqualTo(20 * 60L);
              });
      // an alert the brand did not answer stays open
      assertThat(es.documents(prefix + "alerts").get(q.alertId).path("status").asText())
          .isEqualTo("open");
      Map<String, JsonNode> mentionDocs = es.documents(prefix + "mentions");
      assertThat(mentionDocs).containsKeys("m-question", "m-rt-question", "m-switch-lower");
      assertThat(mentionDocs).doesNotContainKey("m-brand-reply");
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void restoreFromACheckpointLosesAndDuplicatesNoAlert(@TempDir Path checkpoints) throws Exception {
    Configuration o = jobOptions();
    o.setString(RapportOptions.CHECKPOINT_DIR.key(), checkpoints.toUri().toString());
    String mentions = o.get(RapportOptions.TOPIC_MENTIONS);
    Map<String, String> retain =
        Map.of(
            "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    String question = "¿A qué hora abre la tienda de Lumen?";
    int n = 20;

    JobClient first = start(o, retain);
    for (int i = 0; i < n; i++) {
      produce(mentions, mention("qa-" + i, "asker" + i, question, "es", DAY.plusSeconds(i)));
    }
    committedAlerts(o, n);
    // the second half arrives while the job is cancelled mid-flight
    for (int i = n; i < 2 * n; i++) {
      produce(mentions, mention("qa-" + i, "asker" + i, question, "es", DAY.plusSeconds(i)));
    }
    Thread.sleep(300);
    first.cancel().get();
    Path latest = latestCheckpoint(checkpoints.resolve(first.getJobID().toString()));

    JobClient second = start(o, Map.of("execution.state-recovery.path", latest.toUri().toString()));
    try {
      committedAlerts(o, 2 * n);
      Thread.sleep(3000);
      List<Alert> alerts = committedAlerts(o, 2 * n);
      List<String> ids = alerts.stream().map(a -> a.alertId).sorted().toList();
      List<String> expected =
          IntStream.range(0, 2 * n)
              .mapToObj(i -> Alerts.alertId(AlertTypes.SOCIAL_QUESTION, "qa-" + i))
              .sorted()
              .toList();
      assertThat(ids).isEqualTo(expected); // each once: none lost, none duplicated
    } finally {
      second.cancel().get();
    }
  }

  @Test
  void statusChangesAreReflectedInTheAlertDocumentEvenBeforeTheAlert() throws Exception {
    Configuration o = jobOptions();
    String statusTopic = kafka.uniqueTopic("alert-status", 1);
    o.setString(RapportOptions.TOPIC_ALERT_STATUS.key(), statusTopic);
    String prefix = o.get(RapportOptions.ELASTICSEARCH_INDEX_PREFIX);
    String alertsIndex = prefix + "alerts";
    String mentions = o.get(RapportOptions.TOPIC_MENTIONS);
    String question = "¿A qué hora abre la tienda de Lumen?";
    String early = Alerts.alertId(AlertTypes.SOCIAL_QUESTION, "m-s1");
    String late = Alerts.alertId(AlertTypes.SOCIAL_QUESTION, "m-s2");
    JobClient job = start(o, Map.of());
    try {
      // acknowledged before the alert exists
      produce(statusTopic, status(early, "acknowledged", DAY.plusSeconds(30)));
      produce(mentions, mention("m-s1", "asker1", question, "es", DAY));
      produce(mentions, mention("m-s2", "asker2", question, "es", DAY));
      await(
          "both alert documents",
          () -> {
            Map<String, JsonNode> docs = es.documents(alertsIndex);
            return docs.size() == 2
                && docs.values().stream().allMatch(d -> d.has("type"))
                && "acknowledged".equals(docs.get(early).path("status").asText());
          });
      assertThat(es.get(alertsIndex, late).path("status").asText()).isEqualTo("open");

      produce(statusTopic, status(late, "acknowledged", DAY.plusSeconds(60)));
      produce(statusTopic, status(late, "resolved", DAY.plusSeconds(120)));
      produce(statusTopic, status(late, "acknowledged", DAY.plusSeconds(60))); // redelivered late
      kafka.produce(statusTopic, null, "{\"schemaVersion\":1,\"alertId\":\"x\"}".getBytes());
      await(
          "the resolved alert",
          () -> "resolved".equals(es.get(alertsIndex, late).path("status").asText()));
      Thread.sleep(2000); // the late acknowledgement must not take it back
      JsonNode resolved = es.get(alertsIndex, late);
      assertThat(resolved.path("status").asText()).isEqualTo("resolved");
      assertThat(resolved.path("resolvedBy").asText()).isEqualTo("agent-7");
      assertThat(resolved.path("acknowledgedAt").asText())
          .isEqualTo(DAY.plusSeconds(60).toString());
      assertThat(resolved.path("type").asText()).isEqualTo(AlertTypes.SOCIAL_QUESTION);
      JsonNode acknowledged = es.get(alertsIndex, early);
      assertThat(acknowledged.path("type").asText()).isEqualTo(AlertTypes.SOCIAL_QUESTION);
      assertThat(acknowledged.path("channel").asText()).isEqualTo("x");
      assertThat(acknowledged.path("statusBy").asText()).isEqualTo("agent-7");

      List<String> dead =
          kafka.consumeValues(
              o.get(RapportOptions.TOPIC_DEADLETTER), IsolationLevel.READ_COMMITTED, 1, TIMEOUT);
      assertThat(dead).hasSize(1);
      assertThat(Json.mapper().readTree(dead.get(0)).path("sourceTopic").asText())
          .isEqualTo(statusTopic);
      assertThat(Json.mapper().readTree(dead.get(0)).path("errorCode").asText())
          .isEqualTo("MISSING_FIELD");
    } finally {
      job.cancel().get();
    }
  }

  private static AlertStatus status(String alertId, String status, Instant at) {
    AlertStatus s = new AlertStatus();
    s.alertId = alertId;
    s.status = status;
    s.by = "agent-7";
    s.at = at;
    return s;
  }

  private static Path latestCheckpoint(Path jobDir) throws IOException {
    try (Stream<Path> s = Files.list(jobDir)) {
      Optional<Path> latest =
          s.filter(p -> p.getFileName().toString().startsWith("chk-"))
              .filter(p -> Files.exists(p.resolve("_metadata")))
              .max(
                  Comparator.comparingLong(
                      p -> Long.parseLong(p.getFileName().toString().substring(4))));
      return latest.orElseThrow(() -> new AssertionError("no retained checkpoint in " + jobDir));
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + json, e);
    }
  }
}
