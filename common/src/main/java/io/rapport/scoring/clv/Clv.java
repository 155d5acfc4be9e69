package io.rapport.scoring.clv;

import java.io.Serializable;

/**
 * Customer lifetime value over a finite horizon from a BG/NBD model (how many purchases) and a
 * Gamma-Gamma model (how much per purchase).
 *
 * <h2>The approximation</h2>
 *
 * <p>The horizon is split into {@code periods} periods of {@code periodLength} model time units
 * (for CDNOW, weeks: 12 periods of 52/12 weeks is a year in months). The value is
 *
 * <pre>
 * CLV = E[M | x, zbar] * sum_{k=1..K} (E[Y(k L) | x, t_x, T] - E[Y((k-1) L) | x, t_x, T]) / (1 + d)^k
 * </pre>
 *
 * where {@code E[Y(t) | ...]} is BG/NBD's conditional expectation (eq. 10 of Fader, Hardie &amp;
 * Lee 2005), {@code E[M | ...]} Gamma-Gamma's conditional expected spend, {@code L} the period
 * length and {@code d} the discount rate per period. It assumes that
 *
 * <ul>
 *   <li>spend per purchase is independent of the purchase process (the Gamma-Gamma assumption), so
 *       the expected value of a period is its expected purchases times the expected spend;
 *   <li>all purchases of a period are discounted as if made at its end (a slight under-statement:
 *       continuous-time discounting, as in the discounted expected residual transactions of Fader,
 *       Hardie &amp; Lee 2005, "RFM and CLV", would discount each purchase at its own time);
 *       shorter periods approach it;
 *   <li>nothing happens after the horizon (a finite-horizon value, not a lifetime one: choose the
 *       horizon for the decision at hand).
 * </ul>
 *
 * <p>Immutable and thread-safe. Cost: one P(alive) and {@code periods} series evaluations per call
 * (see {@link SpecialFunctions#hyp2f1Reduced}).
 */
public final class Clv implements Serializable {
  private static final long serialVersionUID = 1L;

  private final BgNbd purchases;
  private final GammaGamma spend;
  private final int periods;
  private final double periodLength;
  private final double discountRate;
  private final double[] discountFactors;

  /**
   * @param purchases the fitted purchase model
   * @param spend the fitted spend model
   * @param periods the number of periods in the horizon, at least 1
   * @param periodLength the length of one period in the models' time unit, {@code > 0}
   * @param discountRate the discount rate per period, {@code >= 0} (for a yearly rate {@code y} and
   *     monthly periods: {@code (1 + y)^(1/12) - 1})
   */
  public Clv(
      BgNbd purchases, GammaGamma spend, int periods, double periodLength, double discountRate) {
    if (periods < 1) {
      throw new IllegalArgumentException("periods must be >= 1, got " + periods);
    }
    if (!(periodLength > 0) || Double.isInfinite(periodLength)) {
      throw new IllegalArgumentException("periodLength must be > 0, got " + periodLength);
    }
    if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
      throw new IllegalArgumentException("discountRate must be >= 0, got " + discountRate);
    }
    this.purchases = purchases;
    this.spend = spend;
    this.periods = periods;
    this.periodLength = periodLength;
    this.discountRate = discountRate;
    this.discountFactors = new double[periods + 1];
    for (int k = 1; k <= periods; k++) {
      discountFactors[k] = Math.pow(1 + discountRate, -k);
    }
  }

  /**
   * A horizon of {@code months} months for models fitted in weeks (period 52/12 weeks), with a
   * yearly discount rate converted to a monthly one.
   */
  public static Clv monthsFromWeeks(
      BgNbd purchases, GammaGamma spend, int months, double yearlyDiscountRate) {
    return new Clv(
        purchases, spend, months, 52.0 / 12.0, Math.pow(1 + yearlyDiscountRate, 1.0 / 12) - 1);
  }

  /**
   * The discounted expected value of the purchases in {@code (T, T + periods * periodLength]} of a
   * customer with history {@code (x, t_x, T)} and mean repeat spend {@code zbar} (ignored when
   * {@code x = 0}).
   *
   * @throws IllegalArgumentException if the summary is invalid
   */
  public double value(double x, double tx, double T, double zbar) {
    double alive = purchases.probabilityAlive(x, tx, T);
    if (alive == 0) {
      return 0.0;
    }
    double averageSpend = spend.conditionalExpectedAverageSpend(x, zbar);
    return alive * averageSpend * discountedPurchasesIfAlive(x, T);
  }

  /** {@link #value(double, double, double, double)} of a summary. */
  public double value(CustomerSummary s) {
    return value(s.x, s.tx, s.T, s.zbar);
  }

  /**
   * The discounted expected number of purchases over the horizon (the value with a spend of 1 per
   * purchase).
   */
  public double discountedExpectedPurchases(double x, double tx, double T) {
    double alive = purchases.probabilityAlive(x, tx, T);
    return alive == 0 ? 0.0 : alive * discountedPurchasesIfAlive(x, T);
  }

  private double discountedPurchasesIfAlive(double x, double T) {
    double sum = 0;
    double previous = 0;
    for (int k = 1; k <= periods; k++) {
      double cumulative = purchases.expectedPurchasesIfAliveUnchecked(k * periodLength, x, T);
      sum += (cumulative - previous) * discountFactors[k];
      previous = cumulative;
    }
    return sum;
  }

  public int periods() {
    return periods;
  }

  public double periodLength() {
    return periodLength;
  }

  public double discountRate() {
    return discountRate;
  }
}
