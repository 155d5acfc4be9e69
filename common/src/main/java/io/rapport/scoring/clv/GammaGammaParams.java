package io.rapport.scoring.clv;

import java.io.Serializable;
import java.util.Objects;

/**
 * Gamma-Gamma spend parameters (Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using Iso-Value Curves
 * for Customer Base Analysis"; Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value"):
 * a purchase's value is {@code Gamma(shape p, rate nu)} and the customer's {@code nu ~ Gamma(shape
 * q, rate v)}. {@code v} has the currency's unit.
 *
 * <p>A Flink POJO (public no-argument constructor, public fields) used as a value: nothing in this
 * package mutates one.
 */
public class GammaGammaParams implements Serializable {
  private static final long serialVersionUID = 1L;

  public double p;
  public double q;
  public double v;

  public GammaGammaParams() {}

  public GammaGammaParams(double p, double q, double v) {
    this.p = p;
    this.q = q;
    this.v = v;
  }

  /**
   * Checks that every parameter is positive and finite.
   *
   * @throws IllegalArgumentException otherwise
   */
  public void validate() {
    check("p", p);
    check("q", q);
    check("v", v);
  }

  private static void check(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "Gamma-Gamma parameter " + name + " must be > 0 and finite, got " + value);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GammaGammaParams)) {
      return false;
    }
    GammaGammaParams that = (GammaGammaParams) o;
    return Double.compare(p, that.p) == 0
        && Double.compare(q, that.q) == 0
        && Double.compare(v, that.v) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(p, q, v);
  }

  @Override
  public String toString() {
    return "GammaGammaParams{p=" + p + ", q=" + q + ", v=" + v + '}';
  }
}
