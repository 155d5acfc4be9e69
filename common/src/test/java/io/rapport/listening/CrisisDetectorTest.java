package io.rapport.listening;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.alerting.Alerts;
import io.rapport.model.Alert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrisisDetectorTest {
  static final long MIN = 60_000L;
  static final long T0 = 1_772_359_200_000L; // 2026-03-01T10:00:00Z

  private final CrisisDetector detector = new CrisisDetector(3.0, 10);

  /** Baseline: hour h of the quiet period has (h % 3) negatives, in its first minute. */
  private List<Alert> quietHours(CrisisState s, int hours) {
    List<Alert> out = new ArrayList<>();
    for (int h = 0; h < hours; h++) {
      add(out, s, T0 + h * 60 * MIN, h % 3);
    }
    return out;
  }

  private void add(List<Alert> out, CrisisState s, long minuteStart, long negatives) {
    Alert a = detector.observe(s, "lumen", minuteStart, negatives);
    if (a != null) {
      out.add(a);
    }
  }

  @Test
  void oneAlertForABurstAfterTwelveQuietHours() {
    CrisisState s = new CrisisState();
    List<Alert> alerts = quietHours(s, 14);
    assertThat(alerts).isEmpty();
    long burst = T0 + 14 * 60 * MIN; // 2026-03-02T00:00Z
    for (int m = 0; m < 30; m++) {
      add(alerts, s, burst + m * MIN, 2); // 60 negatives in half an hour, still going
    }
    assertThat(alerts).hasSize(1);
    Alert a = alerts.get(0);
    assertThat(a.type).isEqualTo(CrisisDetector.BRAND_CRISIS);
    assertThat(a.brand).isEqualTo("lumen");
    assertThat(a.alertId)
        .isEqualTo(Alerts.alertId("BRAND_CRISIS", "lumen", "2026-03-02T00:00:00Z"));
    assertThat(a.ownerTeam).isEqualTo("community-management");
    // Baseline hours 2..13 of the quiet period: 12 hours of h % 3 negatives → mean 1, stddev
    // √(2/3).
    assertThat(a.evidence.scores.get("baseline.mean")).isEqualTo(1.0);
    assertThat(a.evidence.scores.get("baseline.stddev"))
        .isCloseTo(Math.sqrt(2.0 / 3.0), org.assertj.core.data.Offset.offset(1e-9));
    // 10 negatives needed (minNegatives): the fifth burst minute (2 each) is the first over.
    assertThat(a.evidence.scores.get("negatives.lastHour")).isEqualTo(10.0);
    assertThat(a.eventTime.toEpochMilli()).isEqualTo(burst + 5 * MIN);
  }

  @Test
  void aNewEpisodeOnlyAfterAQuietHour() {
    CrisisState s = new CrisisState();
    List<Alert> alerts = quietHours(s, 14);
    long burst = T0 + 14 * 60 * MIN;
    for (int m = 0; m < 10; m++) {
      add(alerts, s, burst + m * MIN, 3);
    }
    assertThat(alerts).hasSize(1);
    // Quiet for three hours (a minute with no negatives each hour), then a bigger burst.
    for (int h = 1; h <= 3; h++) {
      add(alerts, s, burst + h * 60 * MIN + 30 * MIN, 0);
    }
    assertThat(s.inCrisis).isFalse();
    long second = burst + 4 * 60 * MIN;
    for (int m = 0; m < 20; m++) {
      add(alerts, s, second + m * MIN, 10);
    }
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1).alertId).isNotEqualTo(alerts.get(0).alertId);
  }

  @Test
  void noAlertWithoutTwelveHoursOfHistory() {
    CrisisState s = new CrisisState();
    List<Alert> alerts = quietHours(s, 6);
    for (int m = 0; m < 30; m++) {
      add(alerts, s, T0 + 6 * 60 * MIN + m * MIN, 5);
    }
    assertThat(alerts).isEmpty();
  }

  @Test
  void theSameHourYesterdayMustBeLower() {
    for (long now : new long[] {30, 50}) {
      CrisisState s = new CrisisState();
      List<Alert> alerts = new ArrayList<>();
      add(alerts, s, T0, 40); // yesterday at this hour (no history then: no alert)
      for (int h = 1; h < 24; h++) {
        add(alerts, s, T0 + h * 60 * MIN, 1);
      }
      assertThat(alerts).isEmpty();
      add(alerts, s, T0 + 24 * 60 * MIN, now);
      // Both are far above the baseline (mean 1, stddev 0); only 50 beats yesterday's 40.
      assertThat(alerts).hasSize(now > 40 ? 1 : 0);
      CrisisDetector.Evaluation e = detector.evaluate(s, s.lastMinute);
      assertThat(e.sameHourYesterday()).isEqualTo(40);
      assertThat(e.mean()).isEqualTo(1.0);
      assertThat(e.stddev()).isEqualTo(0.0);
    }
  }

  @Test
  void stateExpiresAfterItsHistory() {
    CrisisState s = new CrisisState();
    detector.observe(s, "lumen", T0, 1);
    assertThat(CrisisDetector.expired(s, T0 + 24 * 60 * MIN)).isFalse();
    assertThat(CrisisDetector.expired(s, T0 + 25 * 60 * MIN)).isTrue();
  }
}
