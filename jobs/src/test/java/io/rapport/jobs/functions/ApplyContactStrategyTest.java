package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.alerting.AlertTypes;
import io.rapport.alerting.Alerts;
import io.rapport.alerting.ContactStrategy;
import io.rapport.alerting.PressureControl;
import io.rapport.model.Alert;
import io.rapport.model.AlertCandidate;
import io.rapport.model.AlertEvidence;
import io.rapport.model.Consent;
import io.rapport.model.ContactProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ApplyContactStrategyTest {
  /** Noon in Madrid. */
  private static final Instant T = Instant.parse("2026-03-02T11:00:00Z");

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static KeyedTwoInputStreamOperatorTestHarness<String, AlertCandidate, String, Alert>
      harness() throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
        new ApplyContactStrategy(new PressureControl(ContactStrategy.defaults()), WAIT),
        AlertCandidate::pressureKey,
        id -> id,
        Types.STRING);
  }

  private static Alert byMention(List<Alert> alerts, String mention) {
    return alerts.stream()
        .filter(a -> a.evidence.mentionIds.get(0).equals(mention))
        .findFirst()
        .orElseThrow();
  }

  private static AlertCandidate candidate(String type, String customer, String mention, Instant t) {
    Alert a = new Alert();
    a.type = type;
    a.alertId = Alerts.alertId(type, mention);
    a.customerId = customer;
    a.brand = "lumen";
    a.eventTime = t;
    a.createdAt = t;
    a.lang = "es";
    a.evidence = new AlertEvidence();
    a.evidence.mentionIds = List.of(mention);
    a.evidence.reasons = new ArrayList<>();
    ContactProfile c = new ContactProfile();
    c.kind = "customer";
    c.segment = "customer";
    c.consent = new Consent();
    c.consent.email = true;
    c.timeZone = "Europe/Madrid";
    return new AlertCandidate(a, c, "x");
  }

  @Test
  void plansContactsLimitsPressureAndClearsStateAfterTheRetention() throws Exception {
    try (var h = harness()) {
      long ts = T.toEpochMilli();
      // arrival order is not event-time order: m4 and m5 come first
      h.processElement1(candidate(AlertTypes.CHURN_RISK, "C1", "m5", T.plusSeconds(7200)), ts);
      h.processElement1(candidate(AlertTypes.CHURN_RISK, "C1", "m4", T.plusSeconds(3600)), ts);
      h.processElement1(candidate(AlertTypes.SOCIAL_QUESTION, "C1", "m1", T), ts);
      h.processElement1(candidate(AlertTypes.SOCIAL_QUESTION, "C1", "m3", T.plusSeconds(120)), ts);
      h.processElement1(candidate(AlertTypes.RECOMMENDATION, "C1", "m2", T.plusSeconds(60)), ts);
      h.processElement1(candidate(AlertTypes.SOCIAL_QUESTION, "C2", "m6", T), ts);
      assertThat(h.extractOutputValues()).isEmpty(); // waiting for the watermark
      assertThat(h.numProcessingTimeTimers()).isEqualTo(2); // the order wait, per customer

      h.processBothWatermarks(new Watermark(T.plusSeconds(7200).toEpochMilli()));
      List<Alert> out = h.extractOutputValues();
      // decided in event-time order: m3 is in the question cool-down (15 min); m5 is the fourth
      // contact of C1 in 7 days and churn is limited
      assertThat(out)
          .extracting(a -> a.evidence.mentionIds.get(0))
          .containsExactlyInAnyOrder("m1", "m2", "m4", "m6");
      assertThat(out.stream().filter(a -> "C1".equals(a.customerId)))
          .extracting(a -> a.evidence.mentionIds.get(0))
          .containsExactly("m1", "m2", "m4");
      Alert question = byMention(out, "m1");
      assertThat(question.channel).isEqualTo("x");
      assertThat(question.action).isEqualTo("acknowledge");
      assertThat(question.templateKey).isEqualTo("question.acknowledge.es");
      assertThat(question.deadline).isEqualTo(T.plus(Duration.ofHours(2)));
      assertThat(byMention(out, "m2").channel).isEqualTo("email");
      assertThat(byMention(out, "m4").ownerTeam).isEqualTo("retention");
      assertThat(byMention(out, "m4").channel).isEqualTo("email"); // no phone consent

      assertThat(h.numKeyedStateEntries()).isEqualTo(4); // history + cleanup time, 2 customers
      assertThat(h.numEventTimeTimers()).isEqualTo(2); // the two cleanups
      assertThat(h.numProcessingTimeTimers()).isZero();

      // just before the retention (30 d, the recommendation cool-down) nothing is cleared
      long c1Last = T.plusSeconds(3600).toEpochMilli();
      long retention = Duration.ofDays(30).toMillis();
      h.processBothWatermarks(new Watermark(T.toEpochMilli() + retention));
      assertThat(h.numEventTimeTimers()).isEqualTo(1);
      h.processBothWatermarks(new Watermark(c1Last + retention));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void aQuietStreamStillGetsItsAlertsAfterTheOrderWait() throws Exception {
    try (var h = harness()) {
      h.setProcessingTime(1_000);
      h.processElement1(candidate(AlertTypes.RECOMMENDATION, "C1", "m2", T.plusSeconds(60)), 0);
      h.setProcessingTime(5_000);
      h.processElement1(candidate(AlertTypes.SOCIAL_QUESTION, "C1", "m1", T), 0);
      assertThat(h.extractOutputValues()).isEmpty();
      // no watermark ever comes: the wait, counted from the first buffered alert, ends it
      h.setProcessingTime(1_000 + WAIT.toMillis());
      assertThat(h.extractOutputValues())
          .extracting(a -> a.evidence.mentionIds.get(0))
          .containsExactly("m1", "m2");
      assertThat(h.numProcessingTimeTimers()).isZero();
      assertThat(h.numEventTimeTimers()).isEqualTo(1); // the history cleanup only
      assertThat(h.numKeyedStateEntries()).isEqualTo(2); // history + cleanup time

      // an alert behind the watermark is decided at once (its cool-down still applies)
      h.processBothWatermarks(new Watermark(T.plusSeconds(600).toEpochMilli()));
      h.processElement1(candidate(AlertTypes.SOCIAL_QUESTION, "C1", "m3", T.plusSeconds(300)), 0);
      h.processElement1(candidate(AlertTypes.RECOMMENDATION, "C1", "m9", T.plusSeconds(400)), 0);
      assertThat(h.extractOutputValues()).hasSize(2); // m3 suppressed, m9 in cool-down
      assertThat(h.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  void pressureStateSurvivesACheckpointAndRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.processElement1(candidate(AlertTypes.SOCIAL_QUESTION, "C1", "m1", T), T.toEpochMilli());
      h.processElement1(candidate(AlertTypes.RECOMMENDATION, "C1", "m0", T.plusSeconds(30)), 0);
      h.processBothWatermarks(new Watermark(T.toEpochMilli()));
      assertThat(h.extractOutputValues()).hasSize(1); // m0 waits for its event time
      snapshot = h.snapshot(1, 1);
    }
    try (var restored =
        new KeyedTwoInputStreamOperatorTestHarness<String, AlertCandidate, String, Alert>(
            new KeyedCoProcessOperator<>(
                new ApplyContactStrategy(new PressureControl(ContactStrategy.defaults()), WAIT)),
            AlertCandidate::pressureKey,
            id -> id,
            Types.STRING)) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement1(
          candidate(AlertTypes.SOCIAL_QUESTION, "C1", "m2", T.plusSeconds(60)), T.toEpochMilli());
      restored.processBothWatermarks(new Watermark(T.plusSeconds(60).toEpochMilli()));
      // the buffered m0 came back with the state; m2 is still cooling down
      assertThat(restored.extractOutputValues())
          .extracting(a -> a.evidence.mentionIds.get(0))
          .containsExactly("m0");
      assertThat(restored.numEventTimeTimers()).isEqualTo(1);
    }
  }

  @Test
  void aForgetRequestDropsWaitingAlertsAndTheContactHistory() throws Exception {
    try (var h = harness()) {
      h.processElement1(candidate(AlertTypes.SOCIAL_QUESTION, "C1", "m1", T), 0);
      h.processBothWatermarks(new Watermark(T.toEpochMilli()));
      h.processElement1(candidate(AlertTypes.RECOMMENDATION, "C1", "m2", T.plusSeconds(60)), 0);
      h.processElement1(candidate(AlertTypes.SOCIAL_QUESTION, "C2", "m3", T.plusSeconds(60)), 0);
      assertThat(h.extractOutputValues()).hasSize(1); // m1; m2 and m3 wait
      // C1: history, cleanup time, buffer, flush time; C2: buffer, flush time
      assertThat(h.numKeyedStateEntries()).isEqualTo(6);

      h.processElement2("C1", 0);
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      // m2 about the forgotten C1 never goes out; C2's m3 does
      assertThat(h.extractOutputValues())
          .extracting(a -> a.evidence.mentionIds.get(0))
          .containsExactly("m1", "m3");
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.numProcessingTimeTimers()).isZero();
    }
  }
}
