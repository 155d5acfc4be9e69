package io.rapport.scoring;

import java.util.Arrays;

/**
 * The population's influence index (0-100) in a fixed histogram of 1,000 buckets 0.1 wide: constant
 * memory (8 KB) whatever the number of people, and percentiles exact to one bucket. Share of Mind
 * is a person's percentile in it.
 *
 * <p>Why a fixed histogram: the influence index is already bounded and log-scaled, so equal-width
 * buckets over 0-100 lose nothing a dashboard shows; unlike a quantile sketch it supports removing
 * a person (a changed score or a forget) exactly, and it merges by addition.
 */
public final class InfluenceDistribution {
  static final int BUCKETS = 1000;

  private final long[] counts;
  private long total;

  public InfluenceDistribution() {
    this(new long[BUCKETS]);
  }

  private InfluenceDistribution(long[] counts) {
    this.counts = counts;
    for (long c : counts) {
      total += c;
    }
  }

  /** Restores a distribution from {@link #toArray()}. */
  public static InfluenceDistribution fromArray(long[] counts) {
    if (counts.length != BUCKETS) {
      throw new IllegalArgumentException("expected " + BUCKETS + " buckets, got " + counts.length);
    }
    return new InfluenceDistribution(counts.clone());
  }

  /** A copy of the bucket counts, for checkpoints. */
  public long[] toArray() {
    return counts.clone();
  }

  /** Adds another distribution's counts (restoring after a change of parallelism). */
  public void merge(long[] other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other[i];
      total += other[i];
    }
  }

  static int bucket(double influence) {
    if (!(influence > 0)) {
      return 0;
    }
    return Math.min(BUCKETS - 1, (int) (influence * 10));
  }

  /** Moves one person from {@code old} to {@code now}; a negative value means absent. */
  public void update(double old, double now) {
    if (old >= 0) {
      int b = bucket(old);
      if (counts[b] > 0) {
        counts[b]--;
        total--;
      }
    }
    if (now >= 0) {
      counts[bucket(now)]++;
      total++;
    }
  }

  public long population() {
    return total;
  }

  /**
   * The percentile (0-100) of {@code influence}: the share of the population below it, counting
   * those in the same bucket as half. 0 for an empty population.
   */
  public double percentile(double influence) {
    if (total == 0) {
      return 0;
    }
    int b = bucket(influence);
    long below = 0;
    for (int i = 0; i < b; i++) {
      below += counts[i];
    }
    return 100.0 * (below + 0.5 * counts[b]) / total;
  }

  @Override
  public String toString() {
    return "InfluenceDistribution{population="
        + total
        + ", nonEmpty="
        + Arrays.stream(counts).filter(c -> c > 0).count()
        + "}";
  }
}
