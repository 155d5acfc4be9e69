package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.alerting.Alerts;
import io.rapport.model.Alert;
import io.rapport.model.AlertCandidate;
import io.rapport.model.ContactProfile;
import io.rapport.model.EnrichedMention;
import io.rapport.model.ValueSignal;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RankHighValueComplaintsTest {

  private static OneInputStreamOperatorTestHarness<ValueSignal, AlertCandidate> harness()
      throws Exception {
    OneInputStreamOperatorTestHarness<ValueSignal, AlertCandidate> h =
        new OneInputStreamOperatorTestHarness<>(
            new ProcessOperator<>(new RankHighValueComplaints(0.10, 10)));
    return h;
  }

  private static ValueSignal complaint(String customer, String mentionId, double spend) {
    Analysis a = new Analysis();
    a.compound = -0.8;
    a.lang = "en";
    EnrichedMention em =
        new EnrichedMention(
            Samples.mention(mentionId, "x", "h", "worst service ever", Samples.T0), a);
    ValueSignal s = ValueSignal.negativeMention(customer, em, spend, 3);
    s.contact = new ContactProfile();
    s.contact.kind = "customer";
    s.contact.segment = "high_value";
    return s;
  }

  /** Twenty customers spending 10, 20, … 200. */
  private static void population(OneInputStreamOperatorTestHarness<ValueSignal, AlertCandidate> h)
      throws Exception {
    for (int i = 1; i <= 20; i++) {
      h.processElement(ValueSignal.spend("C" + i, 0, 0, i * 10.0), 0);
    }
  }

  @Test
  void complaintFromTopDecileCustomerRaisesOneAlert() throws Exception {
    try (var h = harness()) {
      h.open();
      population(h);
      h.processElement(complaint("C20", "m-top", 200), 1);
      h.processElement(complaint("C19", "m-second", 190), 2);
      h.processElement(complaint("C5", "m-low", 50), 3);

      assertThat(h.extractOutputValues())
          .extracting(c -> c.alert.evidence.mentionIds.get(0))
          .containsExactly("m-top", "m-second");
      AlertCandidate c = h.extractOutputValues().get(0);
      assertThat(c.sourcePlatform).isEqualTo("x");
      assertThat(c.contact.segment).isEqualTo("high_value");
      Alert a = c.alert;
      assertThat(a.type).isEqualTo(Alerts.HIGH_VALUE_COMPLAINT);
      assertThat(a.customerId).isEqualTo("C20");
      assertThat(a.alertId).isEqualTo(Alerts.alertId(Alerts.HIGH_VALUE_COMPLAINT, "m-top"));
      assertThat(a.deadline).isEqualTo(Samples.T0.plusSeconds(3600));
      assertThat(a.evidence.scores.get("spend.decile")).isEqualTo(10.0);
    }
  }

  @Test
  void noAlertBeforeTheMinimumPopulation() throws Exception {
    try (var h = harness()) {
      h.open();
      for (int i = 1; i <= 9; i++) {
        h.processElement(ValueSignal.spend("C" + i, 0, 0, i * 10.0), 0);
      }
      h.processElement(complaint("C9", "m1", 90), 1);
      assertThat(h.extractOutputValues()).isEmpty();
    }
  }

  @Test
  void distributionSurvivesACheckpointAndRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.open();
      population(h);
      snapshot = h.snapshot(1, 1);
    }
    try (var restored = harness()) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(complaint("C20", "m-top", 200), 1);
      assertThat(restored.extractOutputValues()).hasSize(1);
    }
  }

  @Test
  void forgottenOrShrinkingSpendLeavesTheTop() throws Exception {
    try (var h = harness()) {
      h.open();
      population(h);
      h.processElement(ValueSignal.spend("C20", 0, 200, 0), 1); // forgotten
      h.processElement(ValueSignal.spend("C19", 0, 190, 15), 1); // returns
      h.processElement(complaint("C18", "m1", 180), 2);
      assertThat(h.extractOutputValues()).hasSize(1);
      h.processElement(complaint("C17", "m2", 170), 2);
      // 19 customers with spend: 1 of 19 (5%) spends more than C17, 2 of 19 (11%) more than C16
      assertThat(h.extractOutputValues()).hasSize(2);
      h.processElement(complaint("C16", "m3", 160), 2);
      assertThat(h.extractOutputValues()).hasSize(2);
    }
  }
}
