package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.alerting.ChurnRiskAlerts;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.CustomerProfile;
import io.rapport.model.EnrichedMention;
import io.rapport.model.EsDocument;
import io.rapport.model.ProfileEvent;
import io.rapport.model.ProfileUpdate;
import io.rapport.model.Transaction;
import io.rapport.profile.CurrencyRates;
import io.rapport.profile.Documents;
import io.rapport.profile.ProfileLogic;
import io.rapport.scoring.ClvModel;
import io.rapport.scoring.CustomerScorer;
import io.rapport.scoring.InfluenceDistribution;
import io.rapport.scoring.ScoreDocuments;
import io.rapport.scoring.ScoreState;
import io.rapport.scoring.Scores;
import io.rapport.scoring.ScoringConfig;
import io.rapport.scoring.SpendDistribution;
import io.rapport.serde.Json;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Merges with scoring on: route-to-survivor keeps each id's score inputs and sends them with its
 * fold, maintain-profiles hands the fold (once) and the absorption to score-customers, and the
 * survivor's scores equal those of one profile that got every event, while the absorbed ids keep no
 * scores, timers or documents.
 */
class MergeScoringTest {
  private static final long DAY = ScoringConfig.DAY_MILLIS;
  private static final Documents DOCS = new Documents("r-", new Pseudonymizer("s", true));
  private static final ScoreDocuments SCORE_DOCS = new ScoreDocuments(DOCS, "r-");

  private final ScoringConfig config = ScoringConfig.defaults();
  private KeyedOneInputStreamOperatorTestHarness<String, ProfileEvent, ProfileEvent> route;
  private KeyedOneInputStreamOperatorTestHarness<String, ProfileEvent, EsDocument> profiles;
  private KeyedBroadcastOperatorTestHarness<String, ProfileUpdate, ClvModel, EsDocument> scores;
  private int routed;
  private int updates;

  /** Every event applied to one profile, as if there had never been more than one. */
  private final CustomerProfile whole = ProfileLogic.newProfile("C1", CustomerProfile.CUSTOMER);

  private final ScoreState wholeScores = new ScoreState();

  @BeforeEach
  void setUp() throws Exception {
    route =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new RouteToSurvivor(
                CurrencyRates.defaults(), Duration.ZERO, new CustomerScorer(config)),
            e -> e.key,
            Types.STRING);
    profiles =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new MaintainProfiles(DOCS, CurrencyRates.defaults(), Duration.ZERO, true),
            e -> e.key,
            Types.STRING);
    scores =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new ScoreCustomers(config, SCORE_DOCS, new ChurnRiskAlerts(70, 50)),
            u -> u.profileId,
            Types.STRING,
            ScoreCustomers.MODEL);
    scores.processBroadcastWatermark(Long.MAX_VALUE);
  }

  @AfterEach
  void tearDown() throws Exception {
    route.close();
    profiles.close();
    scores.close();
  }

  /** Into the forwarding stage; returns what it forwarded (not yet delivered). */
  private List<ProfileEvent> send(ProfileEvent e) throws Exception {
    route.processElement(e, e.time);
    List<ProfileEvent> all = route.extractOutputValues();
    List<ProfileEvent> fresh = new ArrayList<>(all.subList(routed, all.size()));
    routed = all.size();
    return fresh;
  }

  /** Through maintain-profiles, then its profile updates through score-customers. */
  private void deliver(List<ProfileEvent> events) throws Exception {
    for (ProfileEvent e : events) {
      profiles.processElement(e, e.time);
    }
    var out = profiles.getSideOutput(MaintainProfiles.PROFILE_UPDATES);
    List<ProfileUpdate> all =
        out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    for (ProfileUpdate u : all.subList(updates, all.size())) {
      // as over the network: a copy
      ProfileUpdate copy = Json.mapper().convertValue(Json.mapper().valueToTree(u), u.getClass());
      scores.processElement(copy, u.time);
    }
    updates = all.size();
  }

  private ProfileEvent purchase(String key, String id, double amount, long day) {
    return purchase(key, id, amount, Samples.T0.plusMillis(day * DAY));
  }

  private ProfileEvent purchase(String key, String id, double amount, Instant at) {
    Transaction t = Samples.purchase(id, null, amount, at);
    ProfileLogic.applyTransaction(whole, t, amount);
    new CustomerScorer(config).apply(wholeScores, ProfileUpdate.transaction(whole, t, amount));
    return ProfileEvent.transaction(key, t);
  }

  private ProfileEvent mention(String key, String id, double compound, long day) {
    Analysis a = new Analysis();
    a.compound = compound;
    a.lang = "es";
    Instant at = Samples.T0.plusMillis(day * DAY);
    EnrichedMention em = new EnrichedMention(Samples.mention(id, "x", "h" + id, "mal", at), a);
    ProfileLogic.applyMention(whole, em.mention, compound);
    new CustomerScorer(config).apply(wholeScores, ProfileUpdate.mention(whole, em));
    return ProfileEvent.mention(key, em);
  }

  private static ProfileEvent move(String id, String survivor, long day) {
    return ProfileEvent.control(
        ProfileEvent.REROOT, id, survivor, Samples.T0.toEpochMilli() + day * DAY);
  }

  private JsonNode last(String index, String id) throws Exception {
    JsonNode found = null;
    boolean seen = false;
    for (EsDocument d : scores.extractOutputValues()) {
      if (d.index.equals(index) && d.id.equals(id)) {
        found = d.json == null ? null : Json.mapper().readTree(d.json);
        seen = true;
      }
    }
    assertThat(seen).as("a document %s/%s", index, id).isTrue();
    return found;
  }

  private int scoreStateEntries() {
    AbstractStreamOperator<?> op = (AbstractStreamOperator<?>) scores.getTwoInputOperator();
    return ((HeapKeyedStateBackend<?>) op.getKeyedStateBackend()).numKeyValueStateEntries();
  }

  @Test
  void survivorScoresTheAbsorbedHistoryOnceAndAbsorbedIdsKeepNothing() throws Exception {
    deliver(send(purchase("C3", "t1", 30, 0)));
    deliver(send(purchase("C3", "t2", 40, 10)));
    deliver(send(mention("C3", "m1", -0.6, 12)));
    deliver(send(purchase("C2", "t3", 50, 5)));
    deliver(send(mention("prospect-p", "m2", -0.5, 3)));
    deliver(send(purchase("C1", "t0", 20, 1)));
    assertThat(scores.numEventTimeTimers()).isEqualTo(4); // C1, C2, C3, prospect-p

    // C3 into C2; a C3 purchase after the move goes to C2
    deliver(send(move("C3", "C2", 13)));
    deliver(send(purchase("C3", "t4", 60, 20)));
    assertThat(last("r-customers", "C3")).isNull();
    assertThat(last("r-loyalty", "C3")).isNull();

    // the chain into C1, with C3's event to the old survivor C2 arriving after C2 was absorbed
    // and C3's fold delivered twice
    List<ProfileEvent> lateToC2 = send(purchase("C3", "t5", 70, 30));
    List<ProfileEvent> moveC2 = send(move("C2", "C1", 31));
    List<ProfileEvent> moveC3 = send(move("C3", "C1", 31));
    List<ProfileEvent> moveP = send(move("prospect-p", "C1", 32));
    deliver(moveP);
    deliver(moveC2);
    deliver(lateToC2);
    deliver(moveC3);
    deliver(moveC3.stream().filter(e -> e.kind.equals(ProfileEvent.FOLD)).toList());
    deliver(send(mention("C2", "m3", -0.7, 33)));

    JsonNode c1 = last("r-customers", "C1");
    assertThat(c1.path("purchaseCount").asLong()).isEqualTo(6);
    assertThat(c1.path("mergedIds").toString()).isEqualTo("[\"C2\",\"C3\",\"prospect-p\"]");
    long now = Instant.parse(c1.path("scores").path("scoredAt").asText()).toEpochMilli();
    Scores expected =
        new CustomerScorer(config)
            .score(wholeScores, whole, now, new InfluenceDistribution(), new SpendDistribution());
    JsonNode s = c1.path("scores");
    assertThat(s.path("inputs").path("repeatPurchases").asLong())
        .isEqualTo(expected.repeatPurchases)
        .isEqualTo(5);
    assertThat(s.path("atRisk").asDouble()).isEqualTo(expected.atRisk);
    assertThat(s.path("clv").asDouble()).isEqualTo(expected.clv);
    assertThat(s.path("pAlive").asDouble()).isEqualTo(expected.pAlive);
    assertThat(s.path("sentiment").asDouble()).isEqualTo(expected.sentiment);
    assertThat(c1.path("loyalty").path("points").asLong()).isEqualTo(expected.points).isEqualTo(60);

    for (String gone : List.of("C2", "C3", "prospect-p")) {
      assertThat(last("r-customers", gone)).as(gone).isNull();
      assertThat(last("r-loyalty", gone)).as(gone).isNull();
    }
    // only the survivor keeps scores (profile and score state) and a rescoring timer
    assertThat(scoreStateEntries()).isEqualTo(2);
    assertThat(scores.numEventTimeTimers()).isEqualTo(1);
  }

  @Test
  void aPurchaseDayBothIdsHadInsideTheirHistoriesCountsOnce() throws Exception {
    // C1 buys on days 0, 10 and 20, C2 on days 5, 10 (an hour later) and 15: day 10 is neither's
    // first nor last purchase day
    deliver(send(purchase("C1", "t1", 30, 0)));
    deliver(send(purchase("C2", "t2", 40, 5)));
    deliver(send(purchase("C1", "t3", 25, 10)));
    deliver(send(purchase("C2", "t4", 35, Samples.T0.plusMillis(10 * DAY + 3_600_000))));
    deliver(send(purchase("C2", "t5", 45, 15)));
    deliver(send(purchase("C1", "t6", 50, 20)));

    deliver(send(move("C2", "C1", 21)));

    JsonNode c1 = last("r-customers", "C1");
    assertThat(c1.path("purchaseCount").asLong()).isEqualTo(6);
    long now = Instant.parse(c1.path("scores").path("scoredAt").asText()).toEpochMilli();
    Scores expected =
        new CustomerScorer(config)
            .score(wholeScores, whole, now, new InfluenceDistribution(), new SpendDistribution());
    JsonNode in = c1.path("scores").path("inputs");
    // five distinct days (0, 5, 10, 15, 20): four repeats, a usual cadence of 5 days
    assertThat(in.path("repeatPurchases").asLong())
        .isEqualTo(expected.repeatPurchases)
        .isEqualTo(4);
    assertThat(in.path("usualCadenceDays").asDouble())
        .isEqualTo(expected.usualCadenceDays)
        .isEqualTo(5.0);
    JsonNode s = c1.path("scores");
    assertThat(s.path("pAlive").asDouble()).isEqualTo(expected.pAlive);
    assertThat(s.path("clv").asDouble()).isEqualTo(expected.clv);
    assertThat(s.path("atRisk").asDouble()).isEqualTo(expected.atRisk);
    assertThat(scoreStateEntries()).isEqualTo(2);
  }
}
