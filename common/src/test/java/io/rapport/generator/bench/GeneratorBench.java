package io.rapport.generator.bench;

import io.rapport.generator.GeneratedRecord;
import io.rapport.generator.GeneratorConfig;
import io.rapport.generator.RapportGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Single-threaded generator throughput: {@code GeneratorBench [records] [rounds]}. Prints, for each
 * round (the first rounds include JIT warm-up), records per second of wall time and per second of
 * this thread's CPU time (the figure that holds on a shared, busy machine), and MB/s.
 */
public final class GeneratorBench {
  private GeneratorBench() {}

  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    RapportGenerator g = new RapportGenerator(GeneratorConfig.defaults());
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long index = 0;
    for (int round = 1; round <= rounds; round++) {
      long bytes = 0;
      long c0 = cpu.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (long i = 0; i < n; i++) {
        GeneratedRecord r = g.record(index++);
        bytes += r.value.length + r.key.length;
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double c = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.printf(
          "round %d: %,d records in %.2f s: %,.0f records/s wall, %,.0f records/s of CPU,"
              + " %.1f MB/s (indices up to %,d)%n",
          round, n, s, n / s, n / c, bytes / s / 1e6, index);
    }
  }
}
