package io.rapport.generator.bench;

import io.rapport.generator.GeneratedRecord;
import io.rapport.generator.GeneratorConfig;
import io.rapport.generator.RapportGenerator;

/**
 * Single-threaded generator throughput: {@code GeneratorBench [records] [rounds]}. Prints records/s
 * and MB/s of each round (the first rounds include JIT warm-up).
 */
public final class GeneratorBench {
  private GeneratorBench() {}

  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    RapportGenerator g = new RapportGenerator(GeneratorConfig.defaults());
    long index = 0;
    for (int round = 1; round <= rounds; round++) {
      long bytes = 0;
      long t0 = System.nanoTime();
      for (long i = 0; i < n; i++) {
        GeneratedRecord r = g.record(index++);
        bytes += r.value.length + r.key.length;
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "round %d: %,d records in %.2f s = %,.0f records/s, %.1f MB/s (indices up to %,d)%n",
          round, n, s, n / s, bytes / s / 1e6, index);
    }
  }
}
