package io.rapport.listening;

import java.util.List;

/**
 * Share of voice: a brand's mentions over all tracked brands' mentions in the same window. Applied
 * to the closed aggregates of one window (one granularity, one start) once every brand's is in.
 *
 * <p>A brand's aggregate can reach the share-of-voice step after the window was published (its path
 * was idle, so the watermark moved on without it). {@link #stage} tells what that window is then:
 * still collecting, published but retained (the shares are recomputed over every brand and all are
 * published again), or published and forgotten (the share is no longer known: {@link #unknown}).
 */
public final class ShareOfVoice {
  private ShareOfVoice() {}

  /** Where a window is, for share of voice, when one of its aggregates arrives. */
  public enum Stage {
    /** Not published yet: the aggregate joins the others. */
    COLLECTING,
    /** Published and still kept: the shares are recomputed and every brand's is published again. */
    PUBLISHED,
    /** Published and forgotten (retention passed): the window's total is no longer known. */
    FORGOTTEN
  }

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

  /**
   * Marks an aggregate whose window's total is not known: no share of voice (null) and no tracked
   * total (0), so that its documents carry none rather than a made-up one.
   */
  public static void unknown(ListeningAggregate a) {
    a.shareOfVoice = null;
    a.trackedTotal = 0;
  }

  /**
   * The stage of a window published at {@code publication} (event time) and kept {@code
   * retentionMillis} after it, at {@code watermark}: {@link Stage#COLLECTING} before the
   * publication, {@link Stage#PUBLISHED} from it until {@link #forgetAt}, {@link Stage#FORGOTTEN}
   * from then on (with no retention, a window is forgotten when it is published).
   */
  public static Stage stage(long publication, long retentionMillis, long watermark) {
    if (watermark < publication) {
      return Stage.COLLECTING;
    }
    return watermark < forgetAt(publication, retentionMillis) ? Stage.PUBLISHED : Stage.FORGOTTEN;
  }

  /** When a window published at {@code publication} is forgotten (saturates at Long.MAX_VALUE). */
  public static long forgetAt(long publication, long retentionMillis) {
    if (retentionMillis < 0) {
      throw new IllegalArgumentException("negative retention: " + retentionMillis);
    }
    long at = publication + retentionMillis;
    return at < publication ? Long.MAX_VALUE : at;
  }

  /** The key of a window across brands: {@code granularity|windowStart}. */
  public static String windowKey(ListeningAggregate a) {
    return a.granularity + "|" + a.windowStart;
  }
}
