package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.alerting.AlertTypes;
import io.rapport.alerting.ChurnRiskAlerts;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.AlertCandidate;
import io.rapport.model.CustomerProfile;
import io.rapport.model.EnrichedMention;
import io.rapport.model.EsDocument;
import io.rapport.model.ProfileUpdate;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.profile.Documents;
import io.rapport.profile.ProfileLogic;
import io.rapport.scoring.ClvModel;
import io.rapport.scoring.CustomerScorer;
import io.rapport.scoring.ScoreDocuments;
import io.rapport.scoring.ScoreState;
import io.rapport.scoring.ScoringConfig;
import io.rapport.scoring.SegmentChange;
import io.rapport.scoring.Segments;
import io.rapport.scoring.clv.BgNbd;
import io.rapport.scoring.clv.BgNbdParams;
import io.rapport.scoring.clv.GammaGammaParams;
import io.rapport.serde.Json;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoreCustomersTest {
  private static final long DAY = ScoringConfig.DAY_MILLIS;
  private static final Instant T0 = Samples.T0;

  private final ScoreDocuments documents =
      new ScoreDocuments(new Documents("rapport-", new Pseudonymizer("s", true)), "rapport-");
  private KeyedBroadcastOperatorTestHarness<String, ProfileUpdate, ClvModel, EsDocument> harness;
  private final CustomerProfile ana = ProfileLogic.newProfile("C1", CustomerProfile.CUSTOMER);

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new ScoreCustomers(ScoringConfig.defaults(), documents, new ChurnRiskAlerts(70, 50)),
            u -> u.profileId,
            Types.STRING,
            ScoreCustomers.MODEL);
    // the model input does not hold back event time (in the job it is idle)
    harness.processBroadcastWatermark(Long.MAX_VALUE);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private int keyedStateEntries() {
    AbstractStreamOperator<?> op = (AbstractStreamOperator<?>) harness.getTwoInputOperator();
    return ((HeapKeyedStateBackend<?>) op.getKeyedStateBackend()).numKeyValueStateEntries();
  }

  /** A snapshot of the profile, as it would arrive over the network. */
  private CustomerProfile copy(CustomerProfile p) {
    return Json.mapper().convertValue(Json.mapper().valueToTree(p), CustomerProfile.class);
  }

  private void buy(double amount, Instant at) throws Exception {
    Transaction t = Samples.purchase("t-" + at, "C1", amount, at);
    ProfileLogic.applyTransaction(ana, t, amount);
    harness.processElement(ProfileUpdate.transaction(copy(ana), t, amount), at.toEpochMilli());
  }

  private void say(double compound, Instant at) throws Exception {
    SocialMention m = Samples.mention("m-" + at, "x", "ana", "text", at);
    Analysis a = new Analysis();
    a.compound = compound;
    ProfileLogic.applyMention(ana, m, compound);
    harness.processElement(
        ProfileUpdate.mention(copy(ana), new EnrichedMention(m, a)), at.toEpochMilli());
  }

  private JsonNode lastDocument(String index, String id) throws Exception {
    List<EsDocument> docs = harness.extractOutputValues();
    for (int i = docs.size() - 1; i >= 0; i--) {
      EsDocument d = docs.get(i);
      if (d.index.equals(index) && d.id.equals(id)) {
        return d.json == null ? null : Json.mapper().readTree(d.json);
      }
    }
    throw new AssertionError("no document " + index + "/" + id);
  }

  private List<SegmentChange> changes() {
    var out = harness.getSideOutput(ScoreCustomers.SEGMENT_CHANGES);
    return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void scoresOnEveryUpdateAndDailyByTimerAndForgetsToZero() throws Exception {
    ProfileLogic.applyCustomer(ana, Samples.customer("C1", "ana@example.com", "x", "ana"));
    harness.processElement(
        ProfileUpdate.of(ProfileUpdate.CUSTOMER, copy(ana), T0.toEpochMilli()), T0.toEpochMilli());
    buy(50, T0);
    buy(70, T0.plusMillis(14 * DAY));
    say(-0.6, T0.plusMillis(15 * DAY));

    JsonNode doc = lastDocument("rapport-customers", "C1");
    assertThat(doc.path("purchaseCount").asLong()).isEqualTo(2); // the profile's fields stay
    assertThat(doc.path("segments").path("value").asText()).isEqualTo(Segments.LOYAL);
    assertThat(doc.path("scores").path("reasons").get(0).asText())
        .isEqualTo("1 negative mention in 7 days");
    assertThat(doc.path("loyalty").path("points").asLong()).isEqualTo(25 + 2 * 10);
    JsonNode loyalty = lastDocument("rapport-loyalty", "C1");
    assertThat(loyalty.path("points").asLong()).isEqualTo(45);
    assertThat(loyalty.path("level").asText()).isEqualTo("bronze");
    assertThat(changes())
        .extracting(c -> c.dimension + ":" + c.from + "->" + c.to)
        .containsExactly(
            "value:null->prospect",
            "role:null->spectator",
            "engagement:null->novice",
            "value:prospect->loyal");
    assertThat(harness.numEventTimeTimers()).isEqualTo(1); // one timer per key
    assertThat(keyedStateEntries()).isEqualTo(2); // profile and score state

    // A day of event time passes: rescored at midnight without any event.
    long midnight = (Math.floorDiv(T0.toEpochMilli() + 15 * DAY, DAY) + 1) * DAY;
    int before = harness.extractOutputValues().size();
    harness.processWatermark(midnight);
    assertThat(harness.extractOutputValues().size()).isGreaterThan(before);
    JsonNode rescored = lastDocument("rapport-customers", "C1");
    assertThat(rescored.path("scores").path("scoredAt").asText())
        .isEqualTo(Instant.ofEpochMilli(midnight).toString());
    assertThat(rescored.path("scores").path("pAlive").asDouble())
        .isLessThanOrEqualTo(doc.path("scores").path("pAlive").asDouble());
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    // Forget: documents deleted, state and timers back to zero.
    harness.processElement(ProfileUpdate.forget("C1", midnight + 1), midnight + 1);
    assertThat(lastDocument("rapport-customers", "C1")).isNull();
    assertThat(lastDocument("rapport-loyalty", "C1")).isNull();
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private List<AlertCandidate> churnAlerts() {
    var out = harness.getSideOutput(ScoreCustomers.CHURN_ALERTS);
    return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void loyalCustomerWhoStopsBuyingCrossesTheChurnThresholdOnceOnDailyRescoring() throws Exception {
    ProfileLogic.applyCustomer(ana, Samples.customer("C1", "ana@example.com", "x", "ana"));
    harness.processElement(
        ProfileUpdate.of(ProfileUpdate.CUSTOMER, copy(ana), T0.toEpochMilli()), T0.toEpochMilli());
    for (int i = 0; i < 8; i++) {
      buy(40, T0.plusMillis(i * 10 * DAY));
    }
    assertThat(churnAlerts()).isEmpty();
    long last = T0.plusMillis(70 * DAY).toEpochMilli();
    // daily rescoring only: the customer stops buying; then two negative mentions
    double previous = 0;
    for (int day = 1; day <= 40; day++) {
      harness.processWatermark(last + day * DAY);
      double atRisk =
          lastDocument("rapport-customers", "C1").path("scores").path("atRisk").asDouble();
      assertThat(atRisk).isGreaterThanOrEqualTo(previous); // only time passes: risk only grows
      previous = atRisk;
    }
    say(-0.7, Instant.ofEpochMilli(last + 40 * DAY + 1000));
    say(-0.6, Instant.ofEpochMilli(last + 41 * DAY));
    for (int day = 42; day <= 50; day++) {
      harness.processWatermark(last + day * DAY);
    }
    List<AlertCandidate> alerts = churnAlerts();
    assertThat(alerts).hasSize(1); // crossing only: no new alert while it stays above
    AlertCandidate c = alerts.get(0);
    assertThat(c.alert.type).isEqualTo(AlertTypes.CHURN_RISK);
    assertThat(c.alert.customerId).isEqualTo("C1");
    assertThat(c.alert.evidence.scores.get("atRisk")).isGreaterThanOrEqualTo(70.0);
    assertThat(c.alert.evidence.reasons)
        .anyMatch(r -> r.startsWith("no purchase for "))
        .anyMatch(r -> r.startsWith("P(alive) "));
    assertThat(c.contact.kind).isEqualTo(CustomerProfile.CUSTOMER);
    assertThat(c.alert.alertId)
        .isEqualTo(
            io.rapport.alerting.Alerts.alertId(
                AlertTypes.CHURN_RISK, "at-risk", "C1", "" + c.alert.eventTime.toEpochMilli()));

    // a purchase brings the score down below the re-arm level; a later crossing alerts again
    buy(40, Instant.ofEpochMilli(last + 50 * DAY + 1000));
    assertThat(lastDocument("rapport-customers", "C1").path("scores").path("atRisk").asDouble())
        .isLessThan(50);
    harness.processWatermark(last + 400 * DAY);
    assertThat(churnAlerts()).hasSize(2);
    assertThat(churnAlerts().get(1).alert.alertId).isNotEqualTo(c.alert.alertId);
  }

  @Test
  void absorbedProfileLeavesNoScoresAndTheSurvivorFoldsItsHistory() throws Exception {
    // C2's own history, as route-to-survivor keeps it for the fold
    CustomerScorer scorer = new CustomerScorer(ScoringConfig.defaults());
    CustomerProfile bea = ProfileLogic.newProfile("C2", CustomerProfile.CUSTOMER);
    ScoreState beaScores = new ScoreState();
    for (int i = 0; i < 3; i++) {
      Instant at = T0.plusMillis(i * 7 * DAY);
      Transaction t = Samples.purchase("tb-" + i, "C2", 30, at);
      ProfileLogic.applyTransaction(bea, t, 30);
      ProfileUpdate u = ProfileUpdate.transaction(copy(bea), t, 30);
      scorer.apply(beaScores, u);
      harness.processElement(u, at.toEpochMilli());
    }
    buy(50, T0.plusMillis(DAY));
    assertThat(harness.numEventTimeTimers()).isEqualTo(2); // one per key
    assertThat(keyedStateEntries()).isEqualTo(4);

    long mergedAt = T0.plusMillis(20 * DAY).toEpochMilli();
    harness.processElement(ProfileUpdate.absorbed("C2", mergedAt), mergedAt);
    assertThat(lastDocument("rapport-customers", "C2")).isNull();
    assertThat(lastDocument("rapport-loyalty", "C2")).isNull();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1); // only C1's
    assertThat(keyedStateEntries()).isEqualTo(2); // only C1's profile and scores

    ProfileLogic.fold(ana, bea);
    ana.mergedIds.add("C2");
    harness.processElement(ProfileUpdate.fold(copy(ana), "C2", beaScores, mergedAt), mergedAt);
    JsonNode doc = lastDocument("rapport-customers", "C1");
    assertThat(doc.path("purchaseCount").asLong()).isEqualTo(4);
    // four purchase days in all: 3 repeat purchases, from C2's history and C1's own
    assertThat(doc.path("scores").path("inputs").path("repeatPurchases").asLong()).isEqualTo(3);
    assertThat(doc.path("loyalty").path("points").asLong()).isEqualTo(4 * 10);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
  }

  @Test
  void timerStopsWhenScoresNoLongerChangeWithTime() throws Exception {
    say(-0.8, T0);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the negative leaves the window
    harness.processWatermark(T0.toEpochMilli() + 8 * DAY);
    JsonNode doc = lastDocument("rapport-customers", "C1");
    assertThat(doc.path("scores").path("inputs").path("recentNegativeMentions").asInt()).isZero();
    assertThat(doc.path("scores").path("atRisk").asDouble()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void endOfBoundedInputFiresNoCascadeOfDailyTimers() throws Exception {
    buy(50, T0); // a one-time buyer: never lost, rescored daily for a year at most
    int before = harness.extractOutputValues().size();
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).hasSize(before);
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void broadcastModelReplacesTheConfiguredOne() throws Exception {
    buy(50, T0);
    buy(50, T0.plusMillis(7 * DAY));
    double configured =
        lastDocument("rapport-customers", "C1").path("scores").path("pAlive").asDouble();
    BgNbdParams fitted = new BgNbdParams(1.5, 3.0, 2.0, 1.2);
    harness.processBroadcastElement(
        new ClvModel("test", 1, 100, fitted, new GammaGammaParams(4, 3, 20), 7), 0);
    buy(50, T0.plusMillis(30 * DAY));
    JsonNode doc = lastDocument("rapport-customers", "C1");
    double expected = new BgNbd(fitted).probabilityAlive(2, 30.0 / 7, 30.0 / 7);
    assertThat(doc.path("scores").path("pAlive").asDouble()).isCloseTo(expected, within(1e-4));
    assertThat(expected).isNotCloseTo(configured, within(1e-3));
    // an invalid model is ignored
    harness.processBroadcastElement(
        new ClvModel("bad", 2, 0, new BgNbdParams(-1, 1, 1, 1), new GammaGammaParams(4, 3, 20), 7),
        0);
    assertThat(harness.getBroadcastState(ScoreCustomers.MODEL).get(ClvModel.KEY).modelId)
        .isEqualTo("test");
  }
}
