package io.rapport.listening;

import java.util.List;

/**
 * Share of voice: a brand's mentions over all tracked brands' mentions in the same window. Applied
 * to the closed aggregates of one window (one granularity, one start) once every brand's is in.
 */
public final class ShareOfVoice {
  private ShareOfVoice() {}

  /**
   * Sets {@link ListeningAggregate#shareOfVoice} and {@link ListeningAggregate#trackedTotal} on
   * every aggregate of one window.
   *
   * @throws IllegalArgumentException if the aggregates are not all of the same window
   */
  public static void apply(List<ListeningAggregate> sameWindow) {
    long sum = 0;
    ListeningAggregate first = sameWindow.isEmpty() ? null : sameWindow.get(0);
    for (ListeningAggregate a : sameWindow) {
      if (a.windowStart != first.windowStart || !a.granularity.equals(first.granularity)) {
        throw new IllegalArgumentException("aggregates of different windows: " + a + ", " + first);
      }
      sum += a.total;
    }
    for (ListeningAggregate a : sameWindow) {
      a.trackedTotal = sum;
      a.shareOfVoice = sum == 0 ? 0.0 : (double) a.total / sum;
    }
  }

  /** The key of a window across brands: {@code granularity|windowStart}. */
  public static String windowKey(ListeningAggregate a) {
    return a.granularity + "|" + a.windowStart;
  }
}
