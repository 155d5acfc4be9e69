package io.rapport.jobs.cli;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Holds a loop to a target rate: before item n (counted from 0) it waits until {@code n / rate}
 * seconds have passed since the first call. The schedule is absolute, so a slow stretch is caught
 * up afterwards (no drift), and a rate of 0 or less means no pacing.
 */
final class Pacer {
  /** Waits shorter than this are skipped: sleeping for them costs more than it keeps. */
  private static final long MIN_SLEEP_NANOS = 200_000;

  private final double nanosPerItem;
  private final LongSupplier clock;
  private final LongConsumer sleeper;
  private long start = Long.MIN_VALUE;

  Pacer(double ratePerSecond) {
    this(ratePerSecond, System::nanoTime, LockSupport::parkNanos);
  }

  Pacer(double ratePerSecond, LongSupplier nanoClock, LongConsumer nanoSleeper) {
    this.nanosPerItem = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;
    this.clock = nanoClock;
    this.sleeper = nanoSleeper;
  }

  /** Blocks until item n may go. Returns the nanoseconds waited. */
  long await(long n) {
    if (nanosPerItem == 0) {
      return 0;
    }
    long now = clock.getAsLong();
    if (start == Long.MIN_VALUE) {
      start = now;
    }
    long due = start + (long) (n * nanosPerItem);
    long waited = 0;
    while (due - now >= MIN_SLEEP_NANOS) {
      sleeper.accept(due - now);
      long after = clock.getAsLong();
      waited += after - now;
      now = after;
    }
    return waited;
  }
}
