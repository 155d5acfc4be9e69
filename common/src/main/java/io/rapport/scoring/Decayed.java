package io.rapport.scoring;

import java.util.Objects;

/**
 * An exponentially decayed mean: every observation's weight halves each {@code halfLife} of event
 * time. A Flink POJO kept in keyed state. Observations may arrive out of order: an older one simply
 * gets a smaller weight, and the reference time stays the latest seen.
 *
 * <pre>
 * mean(t) = sum_i v_i 2^(-(t - t_i)/h) / sum_i 2^(-(t - t_i)/h)
 * </pre>
 *
 * The mean does not change as time passes without observations (numerator and denominator decay
 * alike); the weight does, and tells how much recent evidence there is.
 */
public class Decayed {
  /** Decayed sum of values and of weights, both as of {@link #time}. */
  public double sum;

  public double weight;

  /** Reference time (epoch ms) of sum and weight; 0 before the first observation. */
  public long time;

  public Decayed() {}

  /** Adds {@code value} observed at {@code at} (epoch ms) with half-life {@code halfLifeMillis}. */
  public void add(double value, long at, double halfLifeMillis) {
    if (weight == 0 && sum == 0) {
      time = at;
    }
    if (at >= time) {
      double f = factor(at - time, halfLifeMillis);
      sum = sum * f + value;
      weight = weight * f + 1;
      time = at;
    } else {
      double f = factor(time - at, halfLifeMillis);
      sum += value * f;
      weight += f;
    }
  }

  /**
   * Adds every observation of {@code other} (kept with the same half-life): both sums are brought
   * to the later reference time and added, as if each observation had been added here.
   */
  public void merge(Decayed other, double halfLifeMillis) {
    if (other.weight == 0 && other.sum == 0) {
      return;
    }
    if (weight == 0 && sum == 0) {
      sum = other.sum;
      weight = other.weight;
      time = other.time;
      return;
    }
    long at = Math.max(time, other.time);
    double mine = factor(at - time, halfLifeMillis);
    double theirs = factor(at - other.time, halfLifeMillis);
    sum = sum * mine + other.sum * theirs;
    weight = weight * mine + other.weight * theirs;
    time = at;
  }

  /** The decayed mean, or {@code fallback} without observations. */
  public double mean(double fallback) {
    return weight > 0 ? sum / weight : fallback;
  }

  /** The total weight as of {@code at} (how many recent observations, half-life weighted). */
  public double weightAt(long at, double halfLifeMillis) {
    return at <= time ? weight : weight * factor(at - time, halfLifeMillis);
  }

  static double factor(long elapsedMillis, double halfLifeMillis) {
    return Math.pow(0.5, elapsedMillis / halfLifeMillis);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Decayed)) {
      return false;
    }
    Decayed d = (Decayed) o;
    return Double.compare(sum, d.sum) == 0
        && Double.compare(weight, d.weight) == 0
        && time == d.time;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sum, weight, time);
  }

  @Override
  public String toString() {
    return "Decayed{mean=" + mean(0) + ", weight=" + weight + ", time=" + time + "}";
  }
}
