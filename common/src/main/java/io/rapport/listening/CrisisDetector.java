package io.rapport.listening;

import io.rapport.alerting.AlertText;
import io.rapport.alerting.Alerts;
import io.rapport.model.Alert;
import io.rapport.model.AlertEvidence;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Brand crisis detection on negative mentions per minute. At each closed minute, the negatives of
 * the last hour (sliding, the 60 minutes up to and including it) are compared with the 12 hours
 * before it (12 hourly sums, same alignment): a crisis starts when the last hour exceeds their mean
 * by more than {@code stddevs} standard deviations, counts at least {@code minNegatives}, and is
 * clearly higher than the same hour of the previous day. It needs 13 hours of history. One alert
 * per episode: the episode ends after an hour without the condition.
 *
 * <p>The standard deviation is the larger of the 12 hours' (population) and the square root of
 * their mean: counts of independent mentions vary at least like a Poisson count, and twelve hours
 * alone often understate it. The threshold adds the skewness correction of Poisson counts. The same
 * hour of the previous day must be exceeded by as much (k of its Poisson deviations and the
 * correction), so that a daily peak is not taken for a crisis. Evaluating every minute tests many
 * overlapping hours, hence the default of 5 deviations: on simulated Poisson streams of 15 to 200
 * negatives an hour, flat or with a daily cycle, 3 deviations raised 118 false crises in 480
 * stream-days and 5 none, while an hour at three times the usual rate is still caught within that
 * hour (CrisisDetectorTest).
 */
public final class CrisisDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String BRAND_CRISIS = "BRAND_CRISIS";

  /** Minutes of history kept: a day and an hour (the same hour of the previous day). */
  public static final int HISTORY_MINUTES = 25 * 60;

  static final int BASELINE_HOURS = 12;

  /** How long the community team has to respond. */
  public static final Duration RESPONSE_SLA = Duration.ofMinutes(30);

  private final double stddevs;
  private final long minNegatives;
  private final AlertText text;

  public CrisisDetector(double stddevs, long minNegatives) {
    this(stddevs, minNegatives, AlertText.EN);
  }

  /** As {@link #CrisisDetector(double, long)}, with summaries in {@code text}'s language. */
  public CrisisDetector(double stddevs, long minNegatives, AlertText text) {
    if (stddevs < 0 || minNegatives < 1) {
      throw new IllegalArgumentException("stddevs ≥ 0 and minNegatives ≥ 1 required");
    }
    this.stddevs = stddevs;
    this.minNegatives = minNegatives;
    this.text = text;
  }

  /** The figures of one evaluation. */
  public record Evaluation(
      long minute,
      long lastHour,
      double mean,
      double stddev,
      long sameHourYesterday,
      double threshold,
      boolean historyCovered,
      boolean crisis) {}

  /**
   * Records {@code negatives} negative mentions in the minute starting at {@code minuteStart}
   * (epoch millis) and evaluates at that minute.
   *
   * @return the alert when this minute opens a crisis episode, else null
   */
  public Alert observe(CrisisState s, String brand, long minuteStart, long negatives) {
    long minute = Math.floorDiv(minuteStart, 60_000L);
    record(s, minute, negatives);
    if (minute < s.lastMinute) {
      return null; // a late minute updates history; evaluations go forward only
    }
    Evaluation e = evaluate(s, minute);
    if (e.crisis()) {
      s.lastTriggerMinute = minute;
      if (!s.inCrisis) {
        s.inCrisis = true;
        return alert(brand, e);
      }
    } else if (s.inCrisis && minute - s.lastTriggerMinute >= 60) {
      s.inCrisis = false;
    }
    return null;
  }

  /** Whether the state holds nothing worth keeping at {@code nowMinuteStart} (epoch millis). */
  public static boolean expired(CrisisState s, long nowMinuteStart) {
    return s.lastMinute < 0
        || Math.floorDiv(nowMinuteStart, 60_000L) - s.lastMinute >= HISTORY_MINUTES;
  }

  static void record(CrisisState s, long minute, long negatives) {
    if (s.lastMinute < 0) {
      s.firstMinute = minute;
      s.lastMinute = minute;
    } else if (minute > s.lastMinute) {
      long gap = Math.min(minute - s.lastMinute, HISTORY_MINUTES);
      for (long m = minute - gap + 1; m <= minute; m++) {
        s.negatives[slot(m)] = 0;
      }
      s.lastMinute = minute;
    } else if (s.lastMinute - minute >= HISTORY_MINUTES) {
      return; // older than the history
    }
    if (minute < s.firstMinute) {
      s.firstMinute = minute;
    }
    s.negatives[slot(minute)] += negatives;
  }

  /** The figures at {@code minute} (epoch minute, not after the state's latest). */
  public Evaluation evaluate(CrisisState s, long minute) {
    long lastHour = sum(s, minute - 59, minute);
    double[] hours = new double[BASELINE_HOURS];
    double mean = 0;
    for (int h = 1; h <= BASELINE_HOURS; h++) {
      long end = minute - 60L * h;
      hours[h - 1] = sum(s, end - 59, end);
      mean += hours[h - 1];
    }
    mean /= BASELINE_HOURS;
    double var = 0;
    for (double x : hours) {
      var += (x - mean) * (x - mean);
    }
    double stddev = Math.sqrt(var / BASELINE_HOURS);
    double threshold = mean + stddevs * Math.max(stddev, Math.sqrt(mean)) + skew();
    long yesterday = sum(s, minute - 24 * 60 - 59, minute - 24 * 60);
    boolean covered =
        s.firstMinute >= 0 && s.firstMinute <= minute - 60L * (BASELINE_HOURS + 1) + 1;
    double yesterdayThreshold = yesterday + stddevs * Math.sqrt(Math.max(yesterday, 1)) + skew();
    boolean crisis =
        covered
            && lastHour >= minNegatives
            && lastHour > threshold
            && lastHour > yesterdayThreshold;
    return new Evaluation(minute, lastHour, mean, stddev, yesterday, threshold, covered, crisis);
  }

  /**
   * Counts are skewed to the right: k standard deviations above a Poisson mean are reached more
   * often than k above a normal one. The Cornish-Fisher correction (k² - 1) / 6 brings the
   * threshold back to about the false-alarm rate k stands for.
   */
  private double skew() {
    return (stddevs * stddevs - 1) / 6;
  }

  /** The BRAND_CRISIS alert of an evaluation; its id is the brand and the hour it started in. */
  public Alert alert(String brand, Evaluation e) {
    Instant minuteEnd = Instant.ofEpochMilli((e.minute() + 1) * 60_000L);
    Instant hour = Instant.ofEpochMilli(Math.floorDiv(e.minute(), 60L) * 3_600_000L);
    Alert a = new Alert();
    a.alertId = Alerts.alertId(BRAND_CRISIS, brand, hour.toString());
    a.type = BRAND_CRISIS;
    double threshold = e.threshold();
    double sd = Math.max(e.stddev(), Math.sqrt(e.mean()));
    double z = sd == 0 ? Double.POSITIVE_INFINITY : (e.lastHour() - e.mean()) / sd;
    a.severity = e.lastHour() >= 2 * Math.max(threshold, minNegatives) ? "critical" : "high";
    a.confidence =
        Double.isInfinite(z)
            ? 1.0
            : Math.min(1.0, 0.5 + (z - stddevs) / (2 * Math.max(stddevs, 1)));
    a.brand = brand;
    a.eventTime = minuteEnd;
    a.createdAt = minuteEnd;
    a.summary =
        text.crisis(
            brand, e.lastHour(), e.mean(), e.stddev(), BASELINE_HOURS, e.sameHourYesterday());
    AlertEvidence ev = new AlertEvidence();
    ev.mentionIds = new ArrayList<>();
    ev.transactionIds = new ArrayList<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("negatives.lastHour", (double) e.lastHour());
    scores.put("baseline.mean", e.mean());
    scores.put("baseline.stddev", e.stddev());
    scores.put("baseline.poissonStddev", Math.sqrt(e.mean()));
    scores.put("baseline.hours", (double) BASELINE_HOURS);
    scores.put("threshold", threshold);
    scores.put("stddevs", stddevs);
    scores.put("negatives.sameHourYesterday", (double) e.sameHourYesterday());
    scores.put("negatives.min", (double) minNegatives);
    ev.scores = scores;
    List<String> reasons = new ArrayList<>();
    reasons.add(
        String.format(
            Locale.ROOT,
            "%d negative mentions in the hour to %s, above %.2f (mean + %.1f stddev)",
            e.lastHour(),
            minuteEnd,
            threshold,
            stddevs));
    reasons.add("above the same hour yesterday (" + e.sameHourYesterday() + ")");
    ev.reasons = reasons;
    a.evidence = ev;
    a.action = "open_crisis_response";
    a.channel = "social";
    a.deadline = minuteEnd.plus(RESPONSE_SLA);
    a.ownerTeam = "community-management";
    a.templateKey = "crisis.brand";
    return a;
  }

  private static long sum(CrisisState s, long fromMinute, long toMinute) {
    long total = 0;
    for (long m = Math.max(fromMinute, s.lastMinute - HISTORY_MINUTES + 1); m <= toMinute; m++) {
      if (s.firstMinute >= 0 && m >= s.firstMinute && m <= s.lastMinute) {
        total += s.negatives[slot(m)];
      }
    }
    return total;
  }

  private static int slot(long minute) {
    return (int) Math.floorMod(minute, (long) HISTORY_MINUTES);
  }
}
