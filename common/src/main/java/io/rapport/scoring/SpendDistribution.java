package io.rapport.scoring;

import java.util.Arrays;

/**
 * The distribution of customers' net spend, in fixed logarithmic buckets (2% wide, from 0.01 to
 * about 10^9), so that memory is constant whatever the number of customers. Answers "is this
 * customer in the top decile?" with a resolution of one bucket: customers in the same bucket count
 * as equal. Customers with no positive spend are not part of the distribution.
 */
public final class SpendDistribution {
  static final double MIN = 0.01;
  static final double GROWTH = 1.02;
  static final int BUCKETS = 1300;
  private static final double LOG_GROWTH = Math.log(GROWTH);

  private final long[] counts;
  private long total;

  public SpendDistribution() {
    this(new long[BUCKETS]);
  }

  private SpendDistribution(long[] counts) {
    this.counts = counts;
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    this.total = t;
  }

  /** Restores a distribution from {@link #toArray()}. */
  public static SpendDistribution fromArray(long[] counts) {
    if (counts.length != BUCKETS) {
      throw new IllegalArgumentException("expected " + BUCKETS + " buckets, got " + counts.length);
    }
    return new SpendDistribution(counts.clone());
  }

  /** A copy of the bucket counts, for checkpoints. */
  public long[] toArray() {
    return counts.clone();
  }

  static int bucket(double spend) {
    if (spend <= MIN) {
      return 0;
    }
    int b = (int) (Math.log(spend / MIN) / LOG_GROWTH);
    return Math.min(b, BUCKETS - 1);
  }

  /** Moves one customer from {@code oldSpend} to {@code newSpend} (either may be ≤ 0: absent). */
  public void update(double oldSpend, double newSpend) {
    if (oldSpend > 0) {
      int b = bucket(oldSpend);
      if (counts[b] > 0) {
        counts[b]--;
        total--;
      }
    }
    if (newSpend > 0) {
      counts[bucket(newSpend)]++;
      total++;
    }
  }

  /** Customers with positive spend. */
  public long population() {
    return total;
  }

  /** The share of customers whose spend is in a higher bucket than {@code spend}. */
  public double shareAbove(double spend) {
    if (total == 0) {
      return 0.0;
    }
    long above = 0;
    for (int b = bucket(spend) + 1; b < BUCKETS; b++) {
      above += counts[b];
    }
    return (double) above / total;
  }

  /**
   * The spend decile, 1 (lowest) to 10 (top): 10 when fewer than 10% of customers spend more, 9
   * when fewer than 20%, and so on. 0 for no positive spend.
   */
  public int decile(double spend) {
    if (spend <= 0 || total == 0) {
      return 0;
    }
    double above = shareAbove(spend);
    return Math.max(1, 10 - (int) Math.floor(above * 10.0 + 1e-12));
  }

  @Override
  public String toString() {
    return "SpendDistribution{population="
        + total
        + ", buckets="
        + Arrays.stream(counts).filter(c -> c > 0).count()
        + "}";
  }
}
