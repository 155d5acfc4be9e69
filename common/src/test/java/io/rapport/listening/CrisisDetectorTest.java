package io.rapport.listening;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.alerting.Alerts;
import io.rapport.model.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
  void theSameHourYesterdayMustBeClearlyLower() {
    // yesterday 40: the hour must exceed 40 + 3 × √40 + (3² - 1) / 6 = 60.30 (a Poisson count's
    // spread and skew)
    for (long now : new long[] {50, 60, 61}) {
      CrisisState s = new CrisisState();
      List<Alert> alerts = new ArrayList<>();
      add(alerts, s, T0, 40); // yesterday at this hour (no history then: no alert)
      for (int h = 1; h < 24; h++) {
        add(alerts, s, T0 + h * 60 * MIN, 1);
      }
      assertThat(alerts).isEmpty();
      add(alerts, s, T0 + 24 * 60 * MIN, now);
      // All are far above the baseline (mean 1, stddev 0); only 61 is clearly above yesterday.
      assertThat(alerts).hasSize(now >= 61 ? 1 : 0);
      CrisisDetector.Evaluation e = detector.evaluate(s, s.lastMinute);
      assertThat(e.sameHourYesterday()).isEqualTo(40);
      assertThat(e.mean()).isEqualTo(1.0);
      assertThat(e.stddev()).isEqualTo(0.0);
    }
  }

  /** A Poisson draw (Knuth; fine for the small means of one minute). */
  private static long poisson(SplittableRandom r, double mean) {
    double limit = Math.exp(-mean);
    double p = 1;
    long k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > limit);
    return k - 1;
  }

  /**
   * Simulates {@code days} of negative mentions, minute by minute, drawn from a Poisson stream of
   * {@code perHour} on average, with a daily cycle of relative {@code amplitude}, multiplied by
   * {@code surge} during hour 10 of the last day; returns the minutes (from the start) that raised
   * an alert.
   */
  private static List<Integer> simulate(
      CrisisDetector d, double perHour, double amplitude, int days, double surge, long seed) {
    CrisisState s = new CrisisState();
    SplittableRandom r = new SplittableRandom(seed);
    int surgeStart = (days - 1) * 1440 + 600;
    List<Integer> alerts = new ArrayList<>();
    for (int m = 0; m < days * 1440; m++) {
      double mean = perHour / 60.0 * (1 + amplitude * Math.sin(2 * Math.PI * m / 1440.0));
      if (m >= surgeStart && m < surgeStart + 60) {
        mean *= surge;
      }
      if (d.observe(s, "lumen", T0 + m * MIN, poisson(r, mean)) != null) {
        alerts.add(m);
      }
    }
    return alerts;
  }

  @Test
  void steadyAndDailyCycledStreamsRaiseAlmostNoFalseCrisesWithTheDefaults() {
    // The defaults of the job (crisis.stddevs 5, crisis.min-negatives 20); 60 simulated days
    // for each of 8 streams (15 to 200 negatives an hour, flat or with a ±60% daily cycle).
    CrisisDetector defaults = new CrisisDetector(5.0, 20);
    CrisisDetector lax = new CrisisDetector(3.0, 20);
    int falseAlerts = 0;
    int laxFalseAlerts = 0;
    for (double perHour : new double[] {15, 30, 60, 200}) {
      for (double amplitude : new double[] {0, 0.6}) {
        long seed = (long) (perHour * 10 + amplitude * 10);
        int n = simulate(defaults, perHour, amplitude, 60, 1, seed).size();
        assertThat(n)
            .as("false crises at %s/h, cycle %s", perHour, amplitude)
            .isLessThanOrEqualTo(1);
        falseAlerts += n;
        laxFalseAlerts += simulate(lax, perHour, amplitude, 60, 1, seed).size();
      }
    }
    System.out.printf(
        "false crises in 480 simulated stream-days: %d with 5 deviations, %d with 3%n",
        falseAlerts, laxFalseAlerts);
    // 480 stream-days: at most one false episode in about two months of each stream, where
    // three standard deviations raise one every few days.
    assertThat(falseAlerts).isLessThanOrEqualTo(3);
    assertThat(laxFalseAlerts).isGreaterThan(20 * falseAlerts);
  }

  @Test
  void aTripledHourIsCaughtWithinItWithTheDefaults() {
    CrisisDetector defaults = new CrisisDetector(5.0, 20);
    for (double perHour : new double[] {15, 30, 60, 200}) {
      for (double amplitude : new double[] {0, 0.6}) {
        long seed = (long) (perHour * 7 + amplitude * 100);
        int surgeStart = 13 * 1440 + 600;
        List<Integer> alerts = simulate(defaults, perHour, amplitude, 14, 3, seed);
        assertThat(alerts)
            .as("a tripled hour at %s/h, cycle %s", perHour, amplitude)
            .anySatisfy(m -> assertThat(m).isBetween(surgeStart, surgeStart + 59));
      }
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
