package io.rapport.scoring;

import io.rapport.scoring.clv.BgNbdParams;
import io.rapport.scoring.clv.GammaGammaParams;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tunable of customer scoring, segments and loyalty, with defaults. The job builds one from
 * its {@code scoring.*}, {@code clv-model.*} and {@code loyalty.*} options; tests set fields
 * directly.
 */
public class ScoringConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final long DAY_MILLIS = 86_400_000L;

  /** The tracked brand and its competitors (share of voice). */
  public String brand = "lumen";

  public List<String> competitors = new ArrayList<>(List.of("northwind", "vela"));

  /** Half-life of the decayed sentiment mean (Share of Heart, roles). */
  public double sentimentHalfLifeDays = 30;

  /** Trend = decayed mean with the short half-life minus the one with the long half-life. */
  public double trendShortHalfLifeDays = 7;

  public double trendLongHalfLifeDays = 90;

  /** BG/NBD and Gamma-Gamma parameters; default: fitted to CDNOW (weeks, US dollars). */
  public BgNbdParams bgNbd = new BgNbdParams(0.2426, 4.4135, 0.7929, 2.4258);

  public GammaGammaParams gammaGamma = new GammaGammaParams(6.25, 3.74, 15.44);

  /** Length of the models' time unit in days (7: weeks, as CDNOW). */
  public double modelTimeUnitDays = 7;

  /** CLV horizon in months and yearly discount rate. */
  public int clvHorizonMonths = 12;

  public double clvYearlyDiscount = 0.10;

  /** Window of the negative-mention count of the at-risk score. */
  public int negativeWindowDays = 7;

  /** How long a "switching to a competitor" statement counts towards risk. */
  public int churnIntentDays = 30;

  /** At-risk score at or above which a buyer is "vulnerable". */
  public double vulnerableAtRisk = 50;

  /** P(alive) below which a buyer is "lost". */
  public double lostBelowPAlive = 0.15;

  /** Influence index (0-100, absolute) at or above which the person is an "influencer". */
  public double influencerAt = 50;

  /** Decayed sentiment at or above which a person with recommendations is an "advocate". */
  public double advocateSentiment = 0.3;

  /** Decayed sentiment at or below which a person with negative mentions is a "detractor". */
  public double detractorSentiment = -0.2;

  /** Mentions from which a person who is none of the above is a "talker". */
  public int talkerMentions = 10;

  /** Interactions (purchases + mentions + actions) for the "frequent" and "master" levels. */
  public int frequentInteractions = 5;

  public int masterInteractions = 20;

  /** Loyalty points per action (purchase, review, share, recommendation, referral, ...). */
  public Map<String, Integer> loyaltyPoints = new LinkedHashMap<>(Loyalty.DEFAULT_POINTS);

  /** Points for the silver, gold and platinum levels (below silver: bronze). */
  public int silverPoints = 100;

  public int goldPoints = 500;

  public int platinumPoints = 2000;

  /** Event-time interval of the per-customer rescoring timer. */
  public long rescoreIntervalMillis = DAY_MILLIS;

  /**
   * Rescoring by time stops this long after the last purchase (one-time buyers have P(alive) 1 in
   * BG/NBD and would never be "lost").
   */
  public long rescoreForMillis = 365 * DAY_MILLIS;

  /**
   * Language of the at-risk reasons, "en" or "es" ({@code alert.language}: the churn-risk alert's
   * summary lists them).
   */
  public String language = "en";

  public ScoringConfig() {}

  public static ScoringConfig defaults() {
    return new ScoringConfig();
  }

  /** A deep copy (through Java serialization: every field is serializable). */
  public ScoringConfig copy() {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(this);
      }
      try (java.io.ObjectInputStream in =
          new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        return (ScoringConfig) in.readObject();
      }
    } catch (java.io.IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot copy the scoring configuration", e);
    }
  }
}
