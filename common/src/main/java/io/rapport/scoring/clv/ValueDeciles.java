package io.rapport.scoring.clv;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranks customers into value deciles. */
public final class ValueDeciles {
  private ValueDeciles() {}

  /**
   * The decile of each value: 1 for the top 10% of values, 10 for the bottom 10%. Ties are broken
   * by position (earlier first), so deciles have sizes differing by at most one; the {@code i}-th
   * value in descending order goes to decile {@code 1 + floor(10 i / n)}. NaN values rank last.
   */
  public static int[] of(double[] values) {
    int n = values.length;
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer i) -> Double.isNaN(values[i]) ? 1 : 0)
            .thenComparing((Integer i) -> values[i], Comparator.reverseOrder()));
    int[] deciles = new int[n];
    for (int rank = 0; rank < n; rank++) {
      deciles[order[rank]] = 1 + (int) ((10L * rank) / n);
    }
    return deciles;
  }
}
