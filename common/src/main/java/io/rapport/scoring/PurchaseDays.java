package io.rapport.scoring;

import java.util.Arrays;

/**
 * The latest distinct purchase days of a person (epoch days, ascending, at most {@link #WINDOW}),
 * kept in {@link ScoreState#recentPurchaseDays}. A window is the exact set of the person's latest
 * {@link #WINDOW} distinct purchase days, whatever the order purchases arrived in, and stays exact
 * through merges: the latest days of a union are among the latest days of its parts, so {@link
 * #union} of two windows is the window of every event together. The usual cadence is the mean gap
 * within the window ({@link #meanGap}); days before it are only counted ({@link
 * ScoreState#purchaseDays}).
 */
public final class PurchaseDays {
  /**
   * How many distinct purchase days a window keeps: 16, i.e. at most 68 bytes of state per person
   * (4 a day plus the length); four months of a weekly buyer, a year and a third of a monthly one.
   */
  public static final int WINDOW = 16;

  private static final int[] NONE = new int[0];

  private PurchaseDays() {}

  /** The window with {@code day} added (at most {@code limit} latest days kept); may be it. */
  public static int[] add(int[] window, int day, int limit) {
    int i = Arrays.binarySearch(window, day);
    if (i >= 0) {
      return window;
    }
    int at = -i - 1;
    if (window.length >= limit && at == 0) {
      return window; // older than every day kept in a full window
    }
    int[] grown = new int[window.length + 1];
    System.arraycopy(window, 0, grown, 0, at);
    grown[at] = day;
    System.arraycopy(window, at, grown, at + 1, window.length - at);
    return grown.length > limit
        ? Arrays.copyOfRange(grown, grown.length - limit, grown.length)
        : grown;
  }

  /** Whether {@code day} is in the window. */
  public static boolean contains(int[] window, int day) {
    return Arrays.binarySearch(window, day) >= 0;
  }

  /** The latest {@code limit} distinct days of both windows, ascending. */
  public static int[] union(int[] a, int[] b, int limit) {
    int[] all = new int[a.length + b.length];
    int i = a.length - 1;
    int j = b.length - 1;
    int n = 0; // filled from the end, latest first
    int k = all.length;
    while ((i >= 0 || j >= 0) && n < limit) {
      int next;
      if (j < 0 || (i >= 0 && a[i] >= b[j])) {
        next = a[i--];
        if (j >= 0 && b[j] == next) {
          j--;
        }
      } else {
        next = b[j--];
      }
      all[--k] = next;
      n++;
    }
    return n == 0 ? NONE : Arrays.copyOfRange(all, k, all.length);
  }

  /** How many days the two ascending arrays have in common. */
  public static int common(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        n++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  /** The mean gap in days between consecutive days of the window; 0 with fewer than two days. */
  public static double meanGap(int[] window) {
    return window.length < 2
        ? 0
        : (window[window.length - 1] - window[0]) / (double) (window.length - 1);
  }
}
