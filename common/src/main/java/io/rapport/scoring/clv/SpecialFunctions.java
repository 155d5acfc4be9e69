package io.rapport.scoring.clv;

/**
 * The special functions the customer-value models need: the log-gamma function and the Gaussian
 * hypergeometric function 2F1.
 */
public final class SpecialFunctions {

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /** The argument above which the Stirling series alone is accurate to double precision. */
  private static final double STIRLING_MIN = 10.0;

  /** Default cap on the number of 2F1 series terms (about 37 / (1 - z) terms are needed). */
  static final int HYP2F1_MAX_TERMS = 10_000_000;

  private SpecialFunctions() {}

  /**
   * The natural logarithm of the gamma function for {@code x > 0}.
   *
   * <p>For {@code x >= 10}: Stirling's series {@code (x - 1/2) ln x - x + ln(2 pi)/2 + sum B_2k /
   * (2k (2k - 1) x^(2k - 1))} with the Bernoulli numbers up to {@code B_16} (truncation error below
   * 1e-16 there). Smaller arguments are shifted up with {@code Gamma(x + 1) = x Gamma(x)}. Absolute
   * error about 1e-15 for moderate arguments.
   *
   * @throws IllegalArgumentException if {@code x} is not a positive number
   */
  public static double lnGamma(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      if (x == Double.POSITIVE_INFINITY) {
        return Double.POSITIVE_INFINITY;
      }
      throw new IllegalArgumentException("lnGamma needs x > 0, got " + x);
    }
    double product = 1.0;
    double y = x;
    while (y < STIRLING_MIN) {
      product *= y;
      y += 1.0;
    }
    return stirling(y) - (product == 1.0 ? 0.0 : Math.log(product));
  }

  private static double stirling(double x) {
    double inv = 1.0 / x;
    double inv2 = inv * inv;
    // B2/(1*2), B4/(3*4), B6/(5*6), ..., B16/(15*16), evaluated by Horner in 1/x^2.
    double series =
        inv
            * (1.0 / 12
                + inv2
                    * (-1.0 / 360
                        + inv2
                            * (1.0 / 1260
                                + inv2
                                    * (-1.0 / 1680
                                        + inv2
                                            * (1.0 / 1188
                                                + inv2
                                                    * (-691.0 / 360360
                                                        + inv2
                                                            * (1.0 / 156
                                                                + inv2 * (-3617.0 / 122400))))))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
  }

  /**
   * The log of the beta function, {@code ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b)}.
   */
  public static double lnBeta(double a, double b) {
    return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  }

  /**
   * The Gaussian hypergeometric function {@code 2F1(a, b; c; z) = sum_n (a)_n (b)_n / ((c)_n n!)
   * z^n} for {@code -1 < z < 1}, by its power series; see {@link #hyp2f1Reduced}.
   *
   * @throws IllegalArgumentException if {@code z} is outside (-1, 1) or {@code c} is a non-positive
   *     integer
   * @throws ArithmeticException if the series has not converged after ten million terms
   */
  public static double hyp2f1(double a, double b, double c, double z) {
    if (b == 0) {
      return 1.0;
    }
    return 1.0 + b * hyp2f1Reduced(a, b, c, z, HYP2F1_MAX_TERMS);
  }

  /**
   * {@code (2F1(a, b; c; z) - 1) / b}, computed without the division, so it is accurate for {@code
   * b} near 0 and defined at {@code b = 0}: the series {@code sum_{n>=1} (a)_n (b + 1)_{n-1} /
   * ((c)_n n!) z^n}.
   *
   * <p>The series is summed until a bound on the remaining tail falls below 1e-15 of the sum: the
   * ratio of successive terms is {@code z (a + m)(b + m) / ((c + m)(m + 1))}; once {@code n}
   * exceeds {@code -a}, {@code -b} and {@code -c}, each of {@code (a + m)/(c + m)} and {@code (b +
   * m)/(m + 1)} moves monotonically towards 1 for {@code m >= n}, so the ratio's magnitude is at
   * most {@code rho = |z| max(1, (a + n)/(c + n)) max(1, (b + n)/(n + 1))} from term {@code n} on,
   * and once {@code rho < 1} the tail is at most {@code |term| rho / (1 - rho)}. For {@code c >= 0}
   * the ratio is also at most {@code |z| (1 + max(0, a + b - c - 1)/n + max(0, ab - c)/n^2)} (write
   * it as {@code 1 + ((a + b - c - 1) m + ab - c) / ((c + m)(m + 1))}), often tighter; the smaller
   * bound is used. The number of terms grows like {@code 37 / (1 - z)} at worst: a few hundred for
   * the BG/NBD horizons met in practice ({@code z = t / (alpha + T + t)}), a few thousand for
   * horizons ten times {@code alpha + T}.
   *
   * @throws IllegalArgumentException if {@code z} is outside (-1, 1) or {@code c} is a non-positive
   *     integer
   * @throws ArithmeticException if the series has not converged after ten million terms
   */
  public static double hyp2f1Reduced(double a, double b, double c, double z) {
    return hyp2f1Reduced(a, b, c, z, HYP2F1_MAX_TERMS);
  }

  static double hyp2f1Reduced(double a, double b, double c, double z, int maxTerms) {
    if (!(z > -1 && z < 1)) {
      throw new IllegalArgumentException("hyp2f1 series needs |z| < 1, got z = " + z);
    }
    if (c <= 0 && c == Math.rint(c)) {
      throw new IllegalArgumentException("hyp2f1 undefined for c = " + c);
    }
    if (z == 0 || a == 0) {
      return 0.0;
    }
    double absZ = Math.abs(z);
    double growthLinear = Math.max(0.0, a + b - c - 1.0);
    double growthQuadratic = Math.max(0.0, a * b - c);
    // All factors of the term ratio are positive once n exceeds -a, -b and -c.
    double signSettled = Math.max(0.0, Math.max(-c, Math.max(-a, -b)));
    double term = a * z / c; // n = 1
    double sum = term;
    for (int n = 1; n < maxTerms; n++) {
      if (n > signSettled) {
        double rho = absZ * Math.max(1.0, (a + n) / (c + n)) * Math.max(1.0, (b + n) / (n + 1.0));
        if (rho < 1.0 && Math.abs(term) * rho / (1.0 - rho) <= 1e-15 * Math.abs(sum)) {
          return sum;
        }
      }
      term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
      if (term == 0.0) {
        return sum;
      }
      sum += term;
    }
    throw new ArithmeticException(
        "hyp2f1("
            + a
            + ", "
            + b
            + "; "
            + c
            + "; "
            + z
            + ") did not converge in "
            + maxTerms
            + " terms");
  }
}
