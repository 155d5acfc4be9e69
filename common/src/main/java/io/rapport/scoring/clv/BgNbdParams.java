package io.rapport.scoring.clv;

import java.io.Serializable;
import java.util.Objects;

/**
 * BG/NBD parameters (Fader, Hardie &amp; Lee 2005): while active, a customer buys at a Poisson rate
 * {@code lambda ~ Gamma(shape r, rate alpha)}; after each purchase they drop out with probability
 * {@code p ~ Beta(a, b)}. {@code alpha} has the model's time unit.
 *
 * <p>A Flink POJO (public no-argument constructor, public fields) used as a value: nothing in this
 * package mutates one.
 */
public class BgNbdParams implements Serializable {
  private static final long serialVersionUID = 1L;

  public double r;
  public double alpha;
  public double a;
  public double b;

  public BgNbdParams() {}

  public BgNbdParams(double r, double alpha, double a, double b) {
    this.r = r;
    this.alpha = alpha;
    this.a = a;
    this.b = b;
  }

  /**
   * Checks that every parameter is positive and finite.
   *
   * @throws IllegalArgumentException otherwise
   */
  public void validate() {
    check("r", r);
    check("alpha", alpha);
    check("a", a);
    check("b", b);
  }

  private static void check(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "BG/NBD parameter " + name + " must be > 0 and finite, got " + value);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof BgNbdParams)) {
      return false;
    }
    BgNbdParams that = (BgNbdParams) o;
    return Double.compare(r, that.r) == 0
        && Double.compare(alpha, that.alpha) == 0
        && Double.compare(a, that.a) == 0
        && Double.compare(b, that.b) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(r, alpha, a, b);
  }

  @Override
  public String toString() {
    return "BgNbdParams{r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + '}';
  }
}
