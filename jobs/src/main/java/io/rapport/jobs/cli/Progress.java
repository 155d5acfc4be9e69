package io.rapport.jobs.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a run of known length on stderr: on a terminal a bar redrawn in place at most every
 * 200 ms; otherwise (a log, a pipe) a plain line every few seconds.
 */
final class Progress {
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final long total;
  private final boolean terminal;
  private final long intervalNanos;
  private final long startNanos;
  private long lastNanos;
  private boolean drawn;

  Progress(PrintStream err, long total, boolean terminal, long startNanos) {
    this.err = err;
    this.total = total;
    this.terminal = terminal;
    this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
    this.startNanos = startNanos;
    this.lastNanos = startNanos;
  }

  /** Reports that {@code done} items are done; draws when it is time to. */
  void update(long done, long nowNanos) {
    if (nowNanos - lastNanos < intervalNanos) {
      return;
    }
    lastNanos = nowNanos;
    draw(done, nowNanos);
  }

  /** Draws the final state and ends the line. */
  void finish(long done, long nowNanos) {
    if (terminal || drawn) {
      draw(done, nowNanos);
    }
    if (terminal) {
      err.print('\n');
    }
    err.flush();
  }

  private void draw(long done, long nowNanos) {
    String line = line(done, total, nowNanos - startNanos);
    if (terminal) {
      err.print('\r');
      err.print(line);
      err.print("\u001b[K"); // clear to end of line
    } else {
      err.println(line);
    }
    err.flush();
    drawn = true;
  }

  /** "[##########--------------------] 33.3% 1,000/3,000 2,000 rec/s ETA 0:00:01". */
  static String line(long done, long total, long elapsedNanos) {
    double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
    int full = (int) Math.round(fraction * WIDTH);
    StringBuilder bar = new StringBuilder(WIDTH + 2).append('[');
    for (int i = 0; i < WIDTH; i++) {
      bar.append(i < full ? '#' : '-');
    }
    bar.append(']');
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = rate > 0 ? duration((total - done) / rate) : "--:--:--";
    return String.format(
        Locale.ROOT,
        "%s %5.1f%%  %,d/%,d  %,.0f rec/s  ETA %s",
        bar,
        fraction * 100,
        done,
        total,
        rate,
        eta);
  }

  static String duration(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
