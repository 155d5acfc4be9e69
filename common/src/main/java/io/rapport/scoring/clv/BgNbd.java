package io.rapport.scoring.clv;

import static io.rapport.scoring.clv.SpecialFunctions.hyp2f1Reduced;
import static io.rapport.scoring.clv.SpecialFunctions.lnGamma;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BG/NBD model of repeat buying: Fader, P. S., Hardie, B. G. S. &amp; Lee, K. L. (2005),
 * "'Counting Your Customers' the Easy Way: An Alternative to the Pareto/NBD Model", Marketing
 * Science 24(2), 275-284 (equation numbers below are that paper's), and Fader, Hardie &amp; Lee,
 * "Computing P(alive) Using the BG/NBD Model" (research note, brucehardie.com).
 *
 * <p>An instance holds fitted parameters and is immutable and thread-safe; {@link #fit} estimates
 * them by maximum likelihood. All times are in the unit of the data used to fit (weeks for CDNOW).
 *
 * <h2>Expectations without cancellation</h2>
 *
 * <p>The paper's expectations (eq. 9 and 10) contain {@code (alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x,
 * b+x; a+b+x-1; z)} with {@code z = t/(alpha+T+t)}: for large {@code x} the power underflows and
 * the series overflows. Euler's transformation {@code 2F1(A,B;C;z) = (1-z)^(C-A-B)
 * 2F1(C-A,C-B;C;z)} turns the product into {@code (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)}, whose
 * terms shrink with {@code x}. Writing {@code e = a - 1} and {@code 2F1(A, e; C; z) = 1 + e G}, the
 * bracket over {@code a - 1} becomes {@code -expm1(e L)/e - exp(e L) G} with {@code L = ln(1-z)},
 * which is smooth through {@code a = 1} (where the paper's form is 0/0).
 */
public final class BgNbd implements Serializable {
  private static final long serialVersionUID = 1L;

  private final BgNbdParams params;
  private final double r;
  private final double alpha;
  private final double a;
  private final double b;

  /**
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public BgNbd(BgNbdParams params) {
    params.validate();
    this.params = new BgNbdParams(params.r, params.alpha, params.a, params.b);
    this.r = params.r;
    this.alpha = params.alpha;
    this.a = params.a;
    this.b = params.b;
  }

  public BgNbd(double r, double alpha, double a, double b) {
    this(new BgNbdParams(r, alpha, a, b));
  }

  /** A copy of the parameters. */
  public BgNbdParams params() {
    return new BgNbdParams(r, alpha, a, b);
  }

  // ---------------------------------------------------------------------------------------------
  // Likelihood

  /**
   * One customer's log-likelihood, the log of eq. 6 of Fader, Hardie &amp; Lee (2005):
   *
   * <pre>
   * L = B(a, b+x)/B(a, b) Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
   *   + [x &gt; 0] B(a+1, b+x-1)/B(a, b) Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))
   * </pre>
   *
   * computed as {@code A1 + A2 + log(exp(A3) + exp(A4))} with every piece in log space (log-gamma,
   * log-sum-exp), so it stays finite for large {@code x} and {@code T}; {@code B(a+1,
   * b+x-1)/B(a,b+x) = a/(b+x-1)}.
   *
   * @throws IllegalArgumentException if the summary is invalid (see {@link
   *     CustomerSummary#validate()})
   */
  public double logLikelihood(double x, double tx, double T) {
    CustomerSummary.validate(x, tx, T);
    return logLikelihood(r, alpha, a, b, x, tx, T);
  }

  /** The sum of the customers' log-likelihoods. */
  public double logLikelihood(Collection<CustomerSummary> summaries) {
    double sum = 0;
    for (CustomerSummary s : summaries) {
      sum += logLikelihood(s.x, s.tx, s.T);
    }
    return sum;
  }

  static double logLikelihood(
      double r, double alpha, double a, double b, double x, double tx, double T) {
    double a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
    double a2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
    double a3 = -(r + x) * Math.log(alpha + T);
    if (x == 0) {
      return a1 + a2 + a3;
    }
    double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
    return a1 + a2 + logSumExp(a3, a4);
  }

  private static double logSumExp(double u, double v) {
    double max = Math.max(u, v);
    return max + Math.log1p(Math.exp(Math.min(u, v) - max));
  }

  // ---------------------------------------------------------------------------------------------
  // Fitting

  /**
   * Maximum-likelihood estimate from calibration-period summaries ({@code x}, {@code tx}, {@code
   * T}; {@code zbar} is ignored).
   *
   * <p>Maximizes the summed log-likelihood over the log-parameters (so every estimate stays
   * positive; {@code alpha} relative to the mean {@code T}, so the result does not depend on the
   * time unit) with Nelder-Mead from three starting points, each restarted at its best point until
   * a restart no longer moves it; the best converged one is kept. Estimates beyond 1e-6..1e6
   * ({@code alpha} relative to the mean {@code T}) are boundary solutions and rejected. Customers
   * with the same {@code (x, t_x, T)} are evaluated once with a weight, and the log-gamma terms
   * once per distinct {@code x}.
   *
   * @throws IllegalArgumentException if there are no summaries, a summary is invalid (the message
   *     names it), or no customer made a repeat purchase (then the likelihood grows without bound
   *     as the purchase rate falls to 0: no estimate exists)
   * @throws IllegalStateException if the optimizer does not converge, or converges to the boundary
   *     of the parameter space (a limiting case the data cannot pin down, such as no sign of
   *     drop-out, {@code a -> 0}, or identical purchase rates, {@code r, alpha -> infinity})
   */
  public static BgNbd fit(Collection<CustomerSummary> summaries) {
    if (summaries.isEmpty()) {
      throw new IllegalArgumentException("cannot fit BG/NBD: no customer summaries");
    }
    Map<List<Double>, Integer> counts = new HashMap<>();
    int index = 0;
    boolean anyRepeat = false;
    double sumT = 0;
    for (CustomerSummary s : summaries) {
      try {
        s.validate();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cannot fit BG/NBD: customer "
                + (s.id != null ? s.id : "#" + (index + 1))
                + ": "
                + e.getMessage(),
            e);
      }
      anyRepeat |= s.x > 0;
      sumT += s.T;
      counts.merge(List.of(s.x, s.x > 0 ? s.tx : 0.0, s.T), 1, Integer::sum);
      index++;
    }
    if (!anyRepeat) {
      throw new IllegalArgumentException(
          "cannot fit BG/NBD: no customer made a repeat purchase (all x = 0), so the purchase"
              + " rate has no finite maximum-likelihood estimate");
    }
    double meanT = sumT / summaries.size();
    // alpha is optimized relative to the mean age, so the fit does not depend on the time unit
    Likelihood likelihood = new Likelihood(counts, meanT);
    double[][] starts = {
      {0.0, 0.0, 0.0, 0.0},
      {Math.log(0.5), Math.log(0.5), Math.log(0.5), Math.log(2.0)},
      {Math.log(2.0), Math.log(0.1), Math.log(2.0), Math.log(0.5)},
    };
    double[] p =
        MaximumLikelihood.maximize(
            "BG/NBD",
            new String[] {"r", "alpha/mean(T)", "a", "b"},
            likelihood::total,
            starts,
            q -> likelihood.params(q).toString());
    BgNbdParams params = likelihood.params(p);
    return new BgNbd(params);
  }

  /** The total log-likelihood over distinct {@code (x, t_x, T)} with multiplicities. */
  private static final class Likelihood {
    private final double[] x;
    private final double[] tx;
    private final double[] bigT;
    private final double[] weight;
    private final int[] xIndex;
    private final double[] distinctX;
    private final double[] distinctXWeight;
    private final double totalWeight;

    private final double timeScale;

    Likelihood(Map<List<Double>, Integer> counts, double timeScale) {
      this.timeScale = timeScale;
      int n = counts.size();
      x = new double[n];
      tx = new double[n];
      bigT = new double[n];
      weight = new double[n];
      xIndex = new int[n];
      Map<Double, Integer> xs = new HashMap<>();
      List<Double> xList = new ArrayList<>();
      List<Double> xWeights = new ArrayList<>();
      int i = 0;
      for (Map.Entry<List<Double>, Integer> e : counts.entrySet()) {
        x[i] = e.getKey().get(0);
        tx[i] = e.getKey().get(1);
        bigT[i] = e.getKey().get(2);
        weight[i] = e.getValue();
        Integer k = xs.get(x[i]);
        if (k == null) {
          k = xList.size();
          xs.put(x[i], k);
          xList.add(x[i]);
          xWeights.add(0.0);
        }
        xIndex[i] = k;
        xWeights.set(k, xWeights.get(k) + weight[i]);
        i++;
      }
      distinctX = xList.stream().mapToDouble(Double::doubleValue).toArray();
      distinctXWeight = xWeights.stream().mapToDouble(Double::doubleValue).toArray();
      totalWeight = Arrays.stream(weight).sum();
    }

    BgNbdParams params(double[] logParams) {
      return new BgNbdParams(
          Math.exp(logParams[0]),
          timeScale * Math.exp(logParams[1]),
          Math.exp(logParams[2]),
          Math.exp(logParams[3]));
    }

    double total(double[] logParams) {
      double r = Math.exp(logParams[0]);
      double alpha = timeScale * Math.exp(logParams[1]);
      double a = Math.exp(logParams[2]);
      double b = Math.exp(logParams[3]);
      double lnGammaR = lnGamma(r);
      double lnGammaB = lnGamma(b);
      double lnGammaAb = lnGamma(a + b);
      double logA = Math.log(a);
      double sum = 0;
      // A1 + A2 per distinct x, weighted by the number of customers with that x.
      double[] logRatio = new double[distinctX.length];
      for (int k = 0; k < distinctX.length; k++) {
        double xk = distinctX[k];
        double a12 =
            lnGamma(r + xk)
                - lnGammaR
                + lnGammaAb
                + lnGamma(b + xk)
                - lnGammaB
                - lnGamma(a + b + xk);
        sum += distinctXWeight[k] * a12;
        logRatio[k] = xk > 0 ? logA - Math.log(b + xk - 1) : Double.NaN;
      }
      sum += r * Math.log(alpha) * totalWeight;
      for (int i = 0; i < x.length; i++) {
        double a3 = -(r + x[i]) * Math.log(alpha + bigT[i]);
        double term;
        if (x[i] == 0) {
          term = a3;
        } else {
          double a4 = logRatio[xIndex[i]] - (r + x[i]) * Math.log(alpha + tx[i]);
          term = logSumExp(a3, a4);
        }
        sum += weight[i] * term;
      }
      return sum;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Predictions

  /**
   * The probability that a customer with history {@code (x, t_x, T)} is still active at {@code T}
   * (the P(alive) note cited above; it follows from eq. 10's denominator):
   *
   * <pre>
   * P(alive) = 1 / (1 + [x &gt; 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
   * </pre>
   *
   * It is 1 for {@code x = 0} (BG/NBD customers can only drop out right after a purchase) and
   * decreases as the time since the last purchase, {@code T - t_x}, grows.
   *
   * @throws IllegalArgumentException if the summary is invalid
   */
  public double probabilityAlive(double x, double tx, double T) {
    CustomerSummary.validate(x, tx, T);
    return probabilityAliveUnchecked(x, tx, T);
  }

  private double probabilityAliveUnchecked(double x, double tx, double T) {
    if (x == 0) {
      return 1.0;
    }
    double logOdds =
        Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
    return 1.0 / (1.0 + Math.exp(logOdds));
  }

  /**
   * The expected number of repeat purchases of a new customer by time {@code t} since their first
   * purchase, {@code E[X(t)]} (eq. 9):
   *
   * <pre>
   * E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]
   * </pre>
   *
   * evaluated in the cancellation-free form described in the class comment.
   *
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   */
  public double expectedPurchases(double t) {
    checkHorizon(t);
    return expectedPurchasesIfAliveUnchecked(t, 0.0, 0.0);
  }

  /**
   * The expected number of purchases in {@code (T, T + t]} of a customer with history {@code (x,
   * t_x, T)}, {@code E[Y(t) | x, t_x, T]} (eq. 10):
   *
   * <pre>
   * E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1)
   *     [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))]
   *     / (1 + [x &gt; 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
   * </pre>
   *
   * that is {@link #expectedPurchasesIfAlive} times {@link #probabilityAlive}.
   *
   * @throws IllegalArgumentException if the summary is invalid or {@code t} negative
   */
  public double conditionalExpectedPurchases(double t, double x, double tx, double T) {
    CustomerSummary.validate(x, tx, T);
    checkHorizon(t);
    return expectedPurchasesIfAliveUnchecked(t, x, T) * probabilityAliveUnchecked(x, tx, T);
  }

  /**
   * The expected number of purchases in {@code (T, T + t]} of a customer who made {@code x} repeat
   * purchases by {@code T} and is still active at {@code T}: the numerator of eq. 10 (it does not
   * depend on {@code t_x}). Useful to compute several horizons for one customer with a single
   * {@link #probabilityAlive} call.
   *
   * @throws IllegalArgumentException if {@code x} is not a whole number {@code >= 0}, {@code T}
   *     negative or {@code t} negative
   */
  public double expectedPurchasesIfAlive(double t, double x, double T) {
    if (!(x >= 0) || x != Math.rint(x) || Double.isInfinite(x)) {
      throw new IllegalArgumentException("x must be a whole number >= 0, got " + x);
    }
    if (!(T >= 0) || Double.isInfinite(T)) {
      throw new IllegalArgumentException("T must be >= 0 and finite, got " + T);
    }
    checkHorizon(t);
    return expectedPurchasesIfAliveUnchecked(t, x, T);
  }

  double expectedPurchasesIfAliveUnchecked(double t, double x, double T) {
    if (t == 0) {
      return 0.0;
    }
    double ageScale = alpha + T;
    double z = t / (ageScale + t);
    double logOneMinusZ = -Math.log1p(t / ageScale);
    double e = a - 1;
    double g = hyp2f1Reduced(a + b - 1 - r, e, a + b + x - 1, z);
    double first = e == 0 ? -logOneMinusZ : -Math.expm1(e * logOneMinusZ) / e;
    double bracketOverE = first - Math.exp(e * logOneMinusZ) * g;
    return (a + b + x - 1) * bracketOverE;
  }

  private static void checkHorizon(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("horizon t must be >= 0 and finite, got " + t);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BgNbd && ((BgNbd) o).params.equals(params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "BgNbd{r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + '}';
  }
}
