package io.rapport.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.model.AlertCandidate;
import io.rapport.model.CustomerProfile;
import io.rapport.profile.ProfileLogic;
import io.rapport.scoring.ScoreState;
import io.rapport.scoring.Scores;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChurnRiskAlertsTest {
  private static final long DAY = 86_400_000L;
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private final ChurnRiskAlerts rule = new ChurnRiskAlerts(70, 50);
  private final CustomerProfile ana = ProfileLogic.newProfile("C1", CustomerProfile.CUSTOMER);
  private final ScoreState state = new ScoreState();

  private static Scores scores(double atRisk, long day, String... reasons) {
    Scores sc = new Scores();
    sc.atRisk = atRisk;
    sc.scoredAt = day * DAY;
    sc.reasons = List.of(reasons);
    sc.pAlive = 0.3;
    sc.daysSinceLastPurchase = 60;
    sc.usualCadenceDays = 10;
    sc.valueDecile = 4;
    return sc;
  }

  private Optional<AlertCandidate> check(double atRisk, long day, String... reasons) {
    return rule.check(state, scores(atRisk, day, reasons), ana, NOW);
  }

  @Test
  void alertsOnTheCrossingOnlyAndReArmsBelowTheLowerLevel() {
    assertThat(check(40, 1)).isEmpty();
    assertThat(check(69.99, 2)).isEmpty();
    AlertCandidate first =
        check(70, 3, "no purchase for 60 days against a usual 10-day cadence", "P(alive) 0.30")
            .orElseThrow();
    assertThat(state.churnAlertedAt).isEqualTo(3 * DAY);
    assertThat(check(85, 4)).isEmpty(); // still above: no new alert
    assertThat(check(65, 5)).isEmpty(); // below the threshold, not below the re-arm level
    assertThat(check(72, 6)).isEmpty(); // so this is no new crossing
    assertThat(check(49.5, 7)).isEmpty(); // re-armed
    assertThat(state.churnAlertedAt).isZero();
    AlertCandidate second = check(90, 8, "3 negative mentions in 7 days").orElseThrow();
    assertThat(second.alert.alertId).isNotEqualTo(first.alert.alertId);
    assertThat(second.alert.severity).isEqualTo("critical");

    assertThat(first.alert.type).isEqualTo(AlertTypes.CHURN_RISK);
    assertThat(first.alert.severity).isEqualTo("high");
    assertThat(first.alert.customerId).isEqualTo("C1");
    assertThat(first.alert.eventTime).isEqualTo(Instant.ofEpochMilli(3 * DAY));
    assertThat(first.alert.evidence.reasons)
        .containsExactly("no purchase for 60 days against a usual 10-day cadence", "P(alive) 0.30");
    assertThat(first.alert.evidence.scores)
        .containsEntry("atRisk", 70.0)
        .containsEntry("atRisk.threshold", 70.0)
        .containsEntry("pAlive", 0.3)
        .containsEntry("daysSinceLastPurchase", 60.0)
        .containsEntry("usualCadenceDays", 10.0);
    assertThat(first.alert.summary)
        .isEqualTo(
            "Churn risk 70 crossed the threshold 70: no purchase for 60 days against a usual"
                + " 10-day cadence; P(alive) 0.30");
    assertThat(first.contact.kind).isEqualTo(CustomerProfile.CUSTOMER);
    assertThat(first.contact.segment).isEqualTo(CustomerProfile.CUSTOMER);
    assertThat(first.sourcePlatform).isNull();
  }

  @Test
  void sameCrossingGivesTheSameAlertIdOnReplay() {
    AlertCandidate a = check(75, 3).orElseThrow();
    ScoreState replay = new ScoreState();
    AlertCandidate b = rule.check(replay, scores(75, 3), ana, NOW.plusSeconds(3600)).orElseThrow();
    assertThat(b.alert.alertId).isEqualTo(a.alert.alertId);
    assertThat(b.alert.alertId)
        .isEqualTo(Alerts.alertId(AlertTypes.CHURN_RISK, "at-risk", "C1", "" + 3 * DAY));
  }

  @Test
  void topDecileCustomersAreHighValueAndProspectsNeverAlert() {
    Scores top = scores(80, 2);
    top.valueDecile = 10;
    AlertCandidate c = rule.check(state, top, ana, NOW).orElseThrow();
    assertThat(c.contact.segment).isEqualTo(ChurnRiskAlerts.HIGH_VALUE_SEGMENT);
    assertThat(c.alert.severity).isEqualTo("critical");

    CustomerProfile prospect = ProfileLogic.newProfile("prospect-1", CustomerProfile.PROSPECT);
    ScoreState s = new ScoreState();
    assertThat(rule.check(s, scores(95, 2), prospect, NOW)).isEmpty();
    assertThat(s.churnAlertedAt).isZero();
  }

  @Test
  void crossingOnAChurnStatementLatchesWithoutASecondAlert() {
    // the statement's own CHURN_RISK comes from the mention alerts
    assertThat(rule.check(state, scores(75, 2), ana, true, NOW)).isEmpty();
    assertThat(state.churnAlertedAt).isEqualTo(2 * DAY);
    assertThat(check(80, 3)).isEmpty();
    assertThat(check(40, 4)).isEmpty();
    assertThat(check(71, 5)).isPresent();
  }

  @Test
  void levelsAreChecked() {
    assertThatThrownBy(() -> new ChurnRiskAlerts(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChurnRiskAlerts(70, 80))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChurnRiskAlerts(101, 50))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
