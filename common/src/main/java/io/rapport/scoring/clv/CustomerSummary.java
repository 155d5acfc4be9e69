package io.rapport.scoring.clv;

import java.io.Serializable;
import java.util.Objects;

/**
 * One customer's purchase history condensed to the sufficient statistics of BG/NBD and Gamma-Gamma,
 * in the notation of Fader, Hardie &amp; Lee (2005):
 *
 * <ul>
 *   <li>{@code x}: the number of repeat purchases (purchases after the first) in the calibration
 *       period;
 *   <li>{@code tx}: the time of the last purchase, from the first ({@code t_x}, "recency"); 0 when
 *       {@code x = 0};
 *   <li>{@code T}: the time from the first purchase to the end of the calibration period (the
 *       customer's age);
 *   <li>{@code zbar}: the mean value of the repeat purchases (0 when {@code x = 0}); the first
 *       purchase is excluded, as in the Gamma-Gamma model's data.
 * </ul>
 *
 * <p>Times are in the model's time unit (weeks for CDNOW). A Flink POJO: public no-argument
 * constructor and public mutable fields; treat instances as values.
 */
public class CustomerSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The customer's identifier; informational, may be null. */
  public String id;

  /** Repeat purchases in the calibration period. */
  public double x;

  /** Time of the last purchase since the first (recency). */
  public double tx;

  /** Time since the first purchase at the end of the calibration period (age). */
  public double T;

  /** Mean value of the repeat purchases; 0 when there are none. */
  public double zbar;

  public CustomerSummary() {}

  public CustomerSummary(String id, double x, double tx, double T, double zbar) {
    this.id = id;
    this.x = x;
    this.tx = tx;
    this.T = T;
    this.zbar = zbar;
  }

  /** A summary without monetary value (for BG/NBD alone). */
  public static CustomerSummary of(double x, double tx, double T) {
    return new CustomerSummary(null, x, tx, T, 0.0);
  }

  /** A summary with monetary value. */
  public static CustomerSummary of(double x, double tx, double T, double zbar) {
    return new CustomerSummary(null, x, tx, T, zbar);
  }

  /**
   * Checks the BG/NBD constraints: {@code x} a whole number {@code >= 0}, {@code 0 <= tx <= T},
   * {@code T > 0}, all finite.
   *
   * @throws IllegalArgumentException naming the customer and the broken constraint
   */
  public void validate() {
    validate(x, tx, T);
  }

  static void validate(double x, double tx, double T) {
    if (!(x >= 0) || x != Math.rint(x) || Double.isInfinite(x)) {
      throw new IllegalArgumentException("x must be a whole number >= 0, got " + x);
    }
    if (!(T > 0) || Double.isInfinite(T)) {
      throw new IllegalArgumentException("T must be > 0 and finite, got " + T);
    }
    if (!(tx >= 0 && tx <= T)) {
      throw new IllegalArgumentException("t_x must be in [0, T] (T = " + T + "), got " + tx);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CustomerSummary)) {
      return false;
    }
    CustomerSummary that = (CustomerSummary) o;
    return Objects.equals(id, that.id)
        && Double.compare(x, that.x) == 0
        && Double.compare(tx, that.tx) == 0
        && Double.compare(T, that.T) == 0
        && Double.compare(zbar, that.zbar) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, x, tx, T, zbar);
  }

  @Override
  public String toString() {
    return "CustomerSummary{id="
        + id
        + ", x="
        + x
        + ", t_x="
        + tx
        + ", T="
        + T
        + ", zbar="
        + zbar
        + '}';
  }
}
