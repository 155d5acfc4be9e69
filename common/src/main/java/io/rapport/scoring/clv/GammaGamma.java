package io.rapport.scoring.clv;

import static io.rapport.scoring.clv.SpecialFunctions.lnGamma;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;

/**
 * The Gamma-Gamma model of the average value of a customer's purchases: Fader, P. S., Hardie, B. G.
 * S. &amp; Lee, K. L. (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis",
 * Journal of Marketing Research 42(4), 415-430 (section on the spend model); Fader &amp; Hardie
 * (2013), "The Gamma-Gamma Model of Monetary Value".
 *
 * <p>Each purchase's value is {@code Gamma(p, nu)}, each customer's {@code nu ~ Gamma(q, v)}, and
 * spend is independent of the purchase process (check that frequency and {@code zbar} are roughly
 * uncorrelated before relying on it). An instance holds parameters and is immutable and
 * thread-safe.
 */
public final class GammaGamma implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double p;
  private final double q;
  private final double v;

  /**
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public GammaGamma(GammaGammaParams params) {
    params.validate();
    this.p = params.p;
    this.q = params.q;
    this.v = params.v;
  }

  public GammaGamma(double p, double q, double v) {
    this(new GammaGammaParams(p, q, v));
  }

  /** A copy of the parameters. */
  public GammaGammaParams params() {
    return new GammaGammaParams(p, q, v);
  }

  /**
   * The log-density of a repeat buyer's mean spend {@code zbar} over {@code x} purchases (Fader
   * &amp; Hardie 2013):
   *
   * <pre>
   * f(zbar | p, q, v; x) = Gamma(px+q)/(Gamma(px) Gamma(q)) v^q zbar^(px-1) x^(px) / (v + x zbar)^(px+q)
   * </pre>
   *
   * @throws IllegalArgumentException unless {@code x >= 1} and {@code zbar > 0}
   */
  public double logLikelihood(double x, double zbar) {
    checkRepeatBuyer(x, zbar);
    return logLikelihood(p, q, v, x, zbar);
  }

  static double logLikelihood(double p, double q, double v, double x, double zbar) {
    double px = p * x;
    return lnGamma(px + q)
        - lnGamma(px)
        - lnGamma(q)
        + q * Math.log(v)
        + (px - 1) * Math.log(zbar)
        + px * Math.log(x)
        - (px + q) * Math.log(v + x * zbar);
  }

  /**
   * The expected value of a customer's purchases given {@code x} repeat purchases of mean value
   * {@code zbar} (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Fader &amp; Hardie 2013):
   *
   * <pre>
   * E[M | p, q, v, x, zbar] = p (v + x zbar) / (p x + q - 1)
   * </pre>
   *
   * a weighted average of the population mean {@code p v / (q - 1)} and the customer's {@code
   * zbar}. For {@code x = 0} ({@code zbar} ignored) it is the population mean. When {@code p x + q
   * <= 1} the mean does not exist and the result is {@code +Infinity}.
   *
   * @throws IllegalArgumentException if {@code x} is negative or not a whole number, or {@code x >
   *     0} with {@code zbar} negative
   */
  public double conditionalExpectedAverageSpend(double x, double zbar) {
    if (!(x >= 0) || x != Math.rint(x) || Double.isInfinite(x)) {
      throw new IllegalArgumentException("x must be a whole number >= 0, got " + x);
    }
    if (x == 0) {
      zbar = 0;
    } else if (!(zbar >= 0) || Double.isInfinite(zbar)) {
      throw new IllegalArgumentException("zbar must be >= 0 and finite, got " + zbar);
    }
    double denominator = p * x + q - 1;
    if (!(denominator > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    return p * (v + x * zbar) / denominator;
  }

  /**
   * Maximum-likelihood estimate from the repeat buyers among {@code summaries} (those with {@code x
   * > 0}; the others carry no spend information and are skipped), by Nelder-Mead over the
   * log-parameters from three starts with restarts.
   *
   * @throws IllegalArgumentException if fewer than two customers have {@code x > 0}, or a repeat
   *     buyer has {@code zbar <= 0} or an invalid {@code x}
   * @throws IllegalStateException if the optimizer does not converge, or converges to the boundary
   *     of the parameter space (estimates beyond 1e-6..1e6, {@code v} relative to the mean spend),
   *     for example when every repeat buyer has the same {@code zbar}
   */
  public static GammaGamma fit(Collection<CustomerSummary> summaries) {
    int n = 0;
    for (CustomerSummary s : summaries) {
      if (s.x > 0) {
        n++;
      }
    }
    if (n < 2) {
      throw new IllegalArgumentException(
          "cannot fit Gamma-Gamma: needs at least two repeat buyers (x > 0), got " + n);
    }
    double[] xs = new double[n];
    double[] zs = new double[n];
    int i = 0;
    int index = 0;
    for (CustomerSummary s : summaries) {
      index++;
      if (!(s.x > 0)) {
        continue;
      }
      try {
        checkRepeatBuyer(s.x, s.zbar);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cannot fit Gamma-Gamma: customer "
                + (s.id != null ? s.id : "#" + index)
                + ": "
                + e.getMessage(),
            e);
      }
      xs[i] = s.x;
      zs[i] = s.zbar;
      i++;
    }
    double mean = Arrays.stream(zs).average().orElseThrow();
    // v is optimized relative to the mean spend, so the fit does not depend on the currency unit
    double scale = mean;
    double[][] starts = {
      {0.0, 0.0, 0.0},
      {Math.log(5.0), Math.log(3.0), 0.0},
      {Math.log(0.5), Math.log(2.0), Math.log(0.1)},
    };
    double[] lp =
        MaximumLikelihood.maximize(
            "Gamma-Gamma",
            new String[] {"p", "q", "v/mean(zbar)"},
            q -> total(q, scale, xs, zs),
            starts,
            q ->
                Arrays.toString(
                    new double[] {Math.exp(q[0]), Math.exp(q[1]), scale * Math.exp(q[2])}));
    return new GammaGamma(Math.exp(lp[0]), Math.exp(lp[1]), scale * Math.exp(lp[2]));
  }

  private static double total(double[] logParams, double scale, double[] xs, double[] zs) {
    double p = Math.exp(logParams[0]);
    double q = Math.exp(logParams[1]);
    double v = scale * Math.exp(logParams[2]);
    double sum = 0;
    for (int i = 0; i < xs.length; i++) {
      sum += logLikelihood(p, q, v, xs[i], zs[i]);
    }
    return sum;
  }

  private static void checkRepeatBuyer(double x, double zbar) {
    if (!(x >= 1) || x != Math.rint(x) || Double.isInfinite(x)) {
      throw new IllegalArgumentException("x must be a whole number >= 1, got " + x);
    }
    if (!(zbar > 0) || Double.isInfinite(zbar)) {
      throw new IllegalArgumentException(
          "a repeat buyer's mean spend zbar must be > 0 and finite, got " + zbar);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GammaGamma && ((GammaGamma) o).params().equals(params());
  }

  @Override
  public int hashCode() {
    return params().hashCode();
  }

  @Override
  public String toString() {
    return "GammaGamma{p=" + p + ", q=" + q + ", v=" + v + '}';
  }
}
