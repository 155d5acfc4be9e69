package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.alerting.AlertTypes;
import io.rapport.alerting.Alerts;
import io.rapport.model.Alert;
import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerRecord;
import io.rapport.model.DeadLetter;
import io.rapport.model.SocialMention;
import io.rapport.scoring.ClvModel;
import io.rapport.scoring.CustomerScorer;
import io.rapport.scoring.ScoringConfig;
import io.rapport.scoring.Segments;
import io.rapport.scoring.clv.BgNbd;
import io.rapport.scoring.clv.BgNbdParams;
import io.rapport.scoring.clv.GammaGammaParams;
import io.rapport.serde.Json;
import io.rapport.testing.ElasticsearchTestNode;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.KafkaTestCluster;
import io.rapport.testing.MainJob;
import io.rapport.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's scenario on a MiniCluster (parallelism 2, RocksDB) between a real Kafka broker and a
 * real Elasticsearch node: a loyal customer who stops buying and turns negative, a quiet big
 * spender and a prospect who is an influencer, scored with a CLV model read from the model topic;
 * segments, scores and reasons asserted in Elasticsearch; then a stop with savepoint and a restore
 * that rescore to equal scores.
 */
class ScoringITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final long DAY = ScoringConfig.DAY_MILLIS;
  private static final Instant T0 = Samples.T0;

  /** The model on the topic: close to CDNOW's, but not the configured default. */
  private static final BgNbdParams MODEL_BGNBD = new BgNbdParams(0.25, 4.0, 0.8, 2.4);

  private final KafkaTestCluster kafka = KafkaTestCluster.get();
  private final ElasticsearchTestNode es = ElasticsearchTestNode.get();

  @TempDir Path savepoints;

  private String customersIndex;

  private Configuration jobOptions() {
    Map<String, String> o = MainJob.options(kafka, es);
    o.put(RapportOptions.TOPIC_CLV_MODEL.key(), kafka.uniqueTopic("clv-model", 1));
    o.put(RapportOptions.SCORING_ENABLED.key(), "true");
    // the influencer is a prospect: its mentions go to its profile at once, not after the hold
    o.put(RapportOptions.IDENTITY_MENTION_HOLD_TIMEOUT.key(), "0 ms");
    return Configuration.fromMap(o);
  }

  private JobClient start(Configuration options, String savepoint) throws Exception {
    Configuration flink = FlinkTestCluster.jobConfiguration();
    if (savepoint != null) {
      flink.setString("execution.state-recovery.path", savepoint);
    }
    return MainJob.start(options, flink, "scoring-it", null, ScoringWorkflow.modelSource(options));
  }

  private void produce(String topic, Object record) {
    kafka.produce(topic, null, Json.toBytes(record));
  }

  private void await(String what, BooleanSupplier condition) throws InterruptedException {
    MainJob.await(what, TIMEOUT, condition, this::customersSeen);
  }

  /** The customer documents' counts, scores and segments, for a timeout's message. */
  private String customersSeen() {
    StringBuilder state = new StringBuilder("customers:");
    if (customersIndex != null) {
      es.documents(customersIndex)
          .forEach(
              (id, d) ->
                  state
                      .append('\n')
                      .append(id)
                      .append(": mentions=")
                      .append(d.path("mentionCount"))
                      .append(" purchases=")
                      .append(d.path("purchaseCount"))
                      .append(" scores=")
                      .append(d.path("scores"))
                      .append(" segments=")
                      .append(d.path("segments")));
    }
    return state.toString();
  }

  private static Instant day(double d) {
    return T0.plusMillis(Math.round(d * DAY));
  }

  private static SocialMention mention(
      String id, String handle, String text, Instant at, long followers, long reposts, long likes) {
    SocialMention m = Samples.mention(id, "x", handle, text, at);
    m.author.followers = followers;
    m.engagement.reposts = reposts;
    m.engagement.likes = likes;
    return m;
  }

  @Test
  void scenarioScoredInElasticsearchAndEqualAfterSavepointRestore() throws Exception {
    Configuration o = jobOptions();
    String prefix = o.get(RapportOptions.ELASTICSEARCH_INDEX_PREFIX);
    String customers = prefix + "customers";
    customersIndex = customers;
    String mentionsTopic = o.get(RapportOptions.TOPIC_MENTIONS);
    String customersTopic = o.get(RapportOptions.TOPIC_CUSTOMERS);
    String transactionsTopic = o.get(RapportOptions.TOPIC_TRANSACTIONS);
    kafka.produce(
        o.get(RapportOptions.TOPIC_CLV_MODEL),
        ClvModel.KEY,
        Json.toString(
            new ClvModel(
                "it-model", 1, 2357, MODEL_BGNBD, new GammaGammaParams(6.25, 3.74, 15.44), 7)));

    JobClient job = start(o, null);
    String savepoint;
    Map<String, JsonNode> before;
    try {
      // Phase 1: Ana buys every 21 days (9 purchases, the last on day 168); Bruno, from day 180,
      // buys big every 14 days (the last on day 250) and never posts.
      produce(customersTopic, Samples.customer("ANA", "ana@example.com", "x", "ana"));
      produce(customersTopic, Samples.customer("BRUNO", "bruno@example.com", "x", "bruno"));
      for (int i = 0; i < 9; i++) {
        produce(transactionsTopic, Samples.purchase("a" + i, "ANA", 40, day(i * 21)));
      }
      double[] big = {500, 700, 600, 900, 800, 650};
      for (int i = 0; i < big.length; i++) {
        produce(transactionsTopic, Samples.purchase("b" + i, "BRUNO", big[i], day(180 + i * 14)));
      }
      await(
          "both customers with their purchases",
          () -> {
            Map<String, JsonNode> d = es.documents(customers);
            return d.containsKey("ANA")
                && d.get("ANA").path("purchaseCount").asLong() == 9
                && d.containsKey("BRUNO")
                && d.get("BRUNO").path("purchaseCount").asLong() == 6;
          });

      // Phase 2: a prospect with a quarter of a million followers recommends the brand; Ana
      // complains three times in a week, the last time saying she is switching.
      produce(
          mentionsTopic,
          mention(
              "s1",
              "starlight",
              "I highly recommend @lumen, love their headphones, amazing quality",
              day(255),
              250_000,
              1_500,
              12_000));
      produce(
          mentionsTopic,
          mention(
              "s2",
              "starlight",
              "Me encanta @lumen, calidad increíble",
              day(256),
              250_000,
              900,
              8_000));
      // Phase 2b, once the influencer is in the population (so that Ana's share of mind is
      // computed against the same population before and after the restore).
      await(
          "the influencer's two mentions",
          () ->
              es.documents(customers).values().stream()
                  .anyMatch(
                      p ->
                          p.path("kind").asText().equals("prospect")
                              && p.path("mentionCount").asLong() == 2));
      produce(
          mentionsTopic,
          mention(
              "n1",
              "ana",
              "Fatal servicio, el pedido llegó roto y nadie responde. Un asco.",
              day(257),
              120,
              0,
              1));
      // Her score crosses the churn-risk threshold by day 257 (a daily rescoring, or this first
      // complaint itself): wait for that alert before her later mentions. They may reach the
      // scoring operator in any order (two partitions), and a crossing caused by the churn
      // statement of n3 would latch without a score alert.
      String alertsTopic = o.get(RapportOptions.TOPIC_ALERTS);
      await("Ana's churn-risk alert", () -> !scoreAlerts(alertsTopic, "ANA").isEmpty());
      produce(
          mentionsTopic,
          mention("n2", "ana", "Otra vez tarde y mal, estoy harta de @lumen", day(259), 120, 0, 1));
      produce(
          mentionsTopic,
          mention(
              "n3",
              "ana",
              "Se acabó, me cambio a @northwind, peor imposible",
              day(262),
              120,
              0,
              1));

      await(
          "Ana's three mentions and the influencer's two in the scores",
          () -> {
            Map<String, JsonNode> d = es.documents(customers);
            JsonNode ana = d.get("ANA");
            return ana != null
                && ana.path("scores").path("inputs").path("recentNegativeMentions").asInt() == 3
                && ana.path("mentionCount").asLong() == 3
                && d.values().stream()
                    .anyMatch(
                        p ->
                            p.path("kind").asText().equals("prospect")
                                && p.path("mentionCount").asLong() == 2);
          });
      Map<String, JsonNode> docs = es.documents(customers);

      // Ana: vulnerable detractor, with the reasons in words.
      JsonNode ana = docs.get("ANA");
      JsonNode scores = ana.path("scores");
      double pAlive = new BgNbd(MODEL_BGNBD).probabilityAlive(8, 168 / 7.0, 262 / 7.0);
      assertThat(scores.path("pAlive").asDouble()).isCloseTo(pAlive, within(1e-4));
      assertThat(ana.path("segments").path("value").asText()).isEqualTo(Segments.VULNERABLE);
      assertThat(ana.path("segments").path("role").asText()).isEqualTo(Segments.DETRACTOR);
      assertThat(ana.path("segments").path("engagement").asText()).isEqualTo(Segments.FREQUENT);
      assertThat(scores.path("atRisk").asDouble()).isGreaterThanOrEqualTo(90);
      assertThat(texts(scores.path("reasons")))
          .containsExactlyInAnyOrder(
              "said they are switching to a competitor",
              "no purchase for 94 days against a usual 21-day cadence",
              String.format(Locale.ROOT, "P(alive) %.2f", pAlive),
              "3 negative mentions in 7 days");
      assertThat(scores.path("sentiment").asDouble()).isLessThan(-0.5);
      assertThat(ana.path("loyalty").path("points").asLong()).isEqualTo(25 + 9 * 10);

      // Bruno: loyal, silent, top value decile, no risk.
      JsonNode bruno = docs.get("BRUNO");
      assertThat(bruno.path("segments").path("value").asText()).isEqualTo(Segments.LOYAL);
      assertThat(bruno.path("segments").path("role").asText()).isEqualTo(Segments.SPECTATOR);
      assertThat(bruno.path("scores").path("atRisk").asDouble()).isZero();
      assertThat(texts(bruno.path("scores").path("reasons"))).isEmpty();
      assertThat(bruno.path("scores").path("valueDecile").asInt()).isEqualTo(10);
      assertThat(bruno.path("scores").path("clv").asDouble())
          .isGreaterThan(10 * scores.path("clv").asDouble());
      assertThat(bruno.path("scores").path("shareOfHeart").asDouble()).isZero();

      // The influencer prospect.
      JsonNode star =
          docs.values().stream()
              .filter(p -> p.path("kind").asText().equals("prospect"))
              .findFirst()
              .orElseThrow();
      assertThat(star.path("segments").path("value").asText()).isEqualTo(Segments.PROSPECT);
      assertThat(star.path("segments").path("role").asText()).isEqualTo(Segments.INFLUENCER);
      assertThat(star.path("scores").path("influence").asDouble())
          .isCloseTo(CustomerScorer.influence(250_000, 2_400, 20_000), within(0.01));
      assertThat(star.path("scores").path("shareOfMind").asDouble()).isGreaterThanOrEqualTo(50);
      assertThat(star.path("scores").path("shareOfVoice").asDouble()).isEqualTo(100.0);
      assertThat(star.path("loyalty").path("points").asLong()).isEqualTo(15);

      // Segment changes, one document each, with deterministic ids.
      await(
          "Ana's segment changes",
          () -> changes(prefix, "ANA").contains("role:spectator->detractor"));
      assertThat(changes(prefix, "ANA"))
          .contains(
              "value:null->prospect",
              "value:prospect->loyal",
              "value:loyal->vulnerable",
              "role:null->spectator",
              "role:spectator->detractor",
              "engagement:novice->frequent");
      // Leaderboard: the loyalty index sorted by points.
      JsonNode top = es.search(prefix + "loyalty", "{\"sort\":[{\"points\":\"desc\"}],\"size\":3}");
      assertThat(ElasticsearchTestNode.ids(top).get(0)).isEqualTo("ANA");

      // Issue 6: Ana's at-risk score crossed the churn-risk threshold (70) by day 257, once her
      // purchases were overdue and P(alive) low: one CHURN_RISK alert with the reasons, committed
      // through the contact strategy. Her later negative mentions keep the score up: no second
      // one. (Her "me cambio" mention raises its own CHURN_RISK as a mention alert.)
      List<Alert> anaAlerts = scoreAlerts(alertsTopic, "ANA");
      assertThat(anaAlerts).hasSize(1);
      Alert churn = anaAlerts.get(0);
      long crossedAt = churn.eventTime.toEpochMilli();
      // a daily rescoring (at midnight) or, when the watermark had not reached that midnight when
      // her first complaint came, the scoring of that complaint (day 257, 10:00)
      assertThat(crossedAt % DAY == 0 || churn.eventTime.equals(day(257)))
          .as("crossed at a daily rescoring or at her first complaint: %s", churn.eventTime)
          .isTrue();
      assertThat(churn.eventTime).isBetween(day(250), day(257));
      assertThat(churn.alertId)
          .isEqualTo(Alerts.alertId(AlertTypes.CHURN_RISK, "at-risk", "ANA", "" + crossedAt));
      assertThat(churn.evidence.scores.get("atRisk")).isGreaterThanOrEqualTo(70.0);
      // the score's reasons, largest first (the contact strategy may add its own after them)
      assertThat(churn.evidence.reasons.get(0))
          .matches("no purchase for \\d+ days against a usual 21-day cadence");
      assertThat(churn.evidence.reasons).anyMatch(r -> r.startsWith("P(alive) "));
      assertThat(churn.summary).startsWith("Churn risk ").contains("crossed the threshold 70");
      assertThat(churn.action).isNotBlank();
      assertThat(churn.ownerTeam).isEqualTo("retention");
      assertThat(scoreAlerts(alertsTopic, "BRUNO")).isEmpty();

      savepoint =
          job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
              .get();
      // what the stopped job last published (the savepoint flushed the sink)
      before = es.documents(customers);
    } catch (Exception | AssertionError e) {
      job.cancel().get();
      throw e;
    }
    assertThat(Files.exists(Path.of(java.net.URI.create(savepoint)))).isTrue();

    // Restore, and rescore both customers with an upsert that changes nothing: the scores come
    // from restored state (score state, profiles and population histograms) and must be equal.
    JobClient restored = start(o, savepoint);
    try {
      // The same CRM records (same time), moved to another city: a profile change that no
      // score depends on, so that the documents show when the restored job has rescored.
      for (String id : List.of("ANA", "BRUNO")) {
        CustomerRecord moved =
            Samples.customer(
                id, id.toLowerCase(Locale.ROOT) + "@example.com", "x", id.toLowerCase(Locale.ROOT));
        moved.city = "Sevilla";
        produce(customersTopic, moved);
      }
      await(
          "the restored job to rescore both customers",
          () -> {
            Map<String, JsonNode> d = es.documents(customers);
            return d.get("ANA").path("city").asText().equals("Sevilla")
                && d.get("BRUNO").path("city").asText().equals("Sevilla");
          });
      Map<String, JsonNode> after = es.documents(customers);
      for (String id : List.of("ANA", "BRUNO")) {
        assertThat(after.get(id).path("scores")).isEqualTo(before.get(id).path("scores"));
        assertThat(after.get(id).path("segments")).isEqualTo(before.get(id).path("segments"));
        assertThat(after.get(id).path("loyalty")).isEqualTo(before.get(id).path("loyalty"));
      }
      // the latch was restored too: rescoring Ana, still above the threshold, alerts no more
      assertThat(scoreAlerts(o.get(RapportOptions.TOPIC_ALERTS), "ANA")).hasSize(1);
    } finally {
      restored.cancel().get();
    }
  }

  /**
   * Issue 5's review, referral and survey points on real Kafka and Elasticsearch: one customer's
   * activities (the referral named by email, resolved through the CRM record), a repeated activity
   * id counted once and an invalid activity dead-lettered with its reason and original bytes.
   */
  @Test
  void reviewsReferralsAndSurveysEarnExactlyTheirConfiguredPoints() throws Exception {
    Configuration o = jobOptions();
    String activitiesTopic = kafka.uniqueTopic("activities", 2);
    o.setString(RapportOptions.TOPIC_ACTIVITIES.key(), activitiesTopic);
    o.setString(RapportOptions.LOYALTY_POINTS_REVIEW.key(), "7");
    o.setString(RapportOptions.LOYALTY_POINTS_REFERRAL.key(), "41");
    o.setString(RapportOptions.LOYALTY_POINTS_SURVEY.key(), "3");
    String prefix = o.get(RapportOptions.ELASTICSEARCH_INDEX_PREFIX);
    String customers = prefix + "customers";
    customersIndex = customers;
    long expected = 25 + 7 + 41 + 3; // registration, review, referral, survey

    JobClient job = start(o, null);
    try {
      produce(
          o.get(RapportOptions.TOPIC_CUSTOMERS),
          Samples.customer("EVA", "eva@example.com", "x", "eva"));
      CustomerActivity review = Samples.activity("act-r1", CustomerActivity.REVIEW, "EVA", day(1));
      CustomerActivity repeated =
          Samples.activity("act-r1", CustomerActivity.REVIEW, "EVA", day(1.5));
      CustomerActivity referral =
          Samples.activity("act-f1", CustomerActivity.REFERRAL, null, day(2));
      referral.customer.customerId = null;
      referral.customer.email = "Eva@Example.com";
      CustomerActivity survey = Samples.activity("act-s1", CustomerActivity.SURVEY, "EVA", day(3));
      CustomerActivity invalid = Samples.activity("act-x1", CustomerActivity.SURVEY, "EVA", day(3));
      invalid.rating = 5; // ratings are for reviews only
      byte[] invalidBytes = Json.toBytes(invalid);
      for (CustomerActivity a : List.of(review, repeated, referral, survey)) {
        kafka.produce(activitiesTopic, null, Json.toBytes(a));
      }
      kafka.produce(activitiesTopic, null, invalidBytes);

      await(
          "Eva's review, referral and survey with their points",
          () -> {
            JsonNode eva = es.documents(customers).get("EVA");
            JsonNode board = es.documents(prefix + "loyalty").get("EVA");
            return eva != null
                && eva.path("reviewCount").asLong() == 1
                && eva.path("referralCount").asLong() == 1
                && eva.path("surveyCount").asLong() == 1
                && eva.path("loyalty").path("points").asLong() == expected
                && board != null
                && board.path("points").asLong() == expected;
          });

      List<DeadLetter> dead = new java.util.ArrayList<>();
      await(
          "the invalid activity on the dead-letter topic",
          () -> {
            dead.clear();
            kafka
                .consumeValues(
                    o.get(RapportOptions.TOPIC_DEADLETTER),
                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED,
                    1,
                    Duration.ofSeconds(5))
                .stream()
                .map(ScoringITCase::deadLetter)
                .filter(d -> activitiesTopic.equals(d.sourceTopic))
                .forEach(dead::add);
            return !dead.isEmpty();
          });
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).errorCode).isEqualTo("INVALID_VALUE");
      assertThat(dead.get(0).reason)
          .isEqualTo("rating is for reviews only, this activity is a survey");
      assertThat(java.util.Base64.getDecoder().decode(dead.get(0).payloadBase64))
          .isEqualTo(invalidBytes);

      // Every record has been read (the dead letter was the last produced): the repeated id
      // changed nothing, now or after a few more checkpoints and flushes.
      Thread.sleep(3_000);
      JsonNode eva = es.documents(customers).get("EVA");
      assertThat(eva.path("reviewCount").asLong()).isEqualTo(1);
      assertThat(eva.path("referralCount").asLong()).isEqualTo(1);
      assertThat(eva.path("surveyCount").asLong()).isEqualTo(1);
      assertThat(eva.path("purchaseCount").asLong()).isZero();
      assertThat(eva.path("loyalty").path("points").asLong()).isEqualTo(expected);
      assertThat(es.documents(prefix + "loyalty").get("EVA").path("points").asLong())
          .isEqualTo(expected);
      // the referral named Eva by email only: it reached her profile, no prospect was made
      assertThat(es.documents(customers).values())
          .noneMatch(d -> d.path("kind").asText().equals("prospect"));
    } finally {
      job.cancel().get();
    }
  }

  private static DeadLetter deadLetter(String json) {
    try {
      return Json.mapper().readValue(json, DeadLetter.class);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + json, e);
    }
  }

  /** Committed CHURN_RISK alerts about {@code customerId} raised by the at-risk score. */
  private List<Alert> scoreAlerts(String topic, String customerId) {
    return kafka
        .consumeValues(
            topic, org.apache.kafka.common.IsolationLevel.READ_COMMITTED, 1, Duration.ofSeconds(5))
        .stream()
        .map(ScoringITCase::alert)
        .filter(a -> a.type.equals(AlertTypes.CHURN_RISK) && a.evidence.mentionIds.isEmpty())
        .filter(a -> customerId.equals(a.customerId))
        .toList();
  }

  private static Alert alert(String json) {
    try {
      return Json.mapper().readValue(json, Alert.class);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + json, e);
    }
  }

  private List<String> changes(String prefix, String customerId) {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode c : es.documents(prefix + "segment-changes").values()) {
      if (c.path("customerId").asText().equals(customerId)) {
        out.add(
            c.path("dimension").asText()
                + ":"
                + (c.has("from") ? c.path("from").asText() : "null")
                + "->"
                + c.path("to").asText());
      }
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
