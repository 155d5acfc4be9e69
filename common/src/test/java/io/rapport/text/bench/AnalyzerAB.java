package io.rapport.text.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Two builds of the analyzer in one JVM (each from its own classes directory, each in its own class
 * loader), run in alternating chunks of texts on one thread; thread CPU time is summed per build
 * after a warm-up of 40% of the run. On a loaded shared machine, where runs one after the other are
 * not comparable, both builds see the same conditions: the ratio is the figure to read.
 *
 * <p>Usage: {@code bin/rapport bench sentiment-ab OLD_CLASSES NEW_CLASSES [tweets|adversarial]
 * [SECONDS]}; a classes directory is a build's {@code common/target/classes} (copy it aside before
 * changing the code).
 */
public final class AnalyzerAB {
  private AnalyzerAB() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println(
          "usage: AnalyzerAB OLD_CLASSES NEW_CLASSES [tweets|adversarial] [SECONDS]");
      System.exit(2);
    }
    boolean adversarial = args.length > 2 && args[2].startsWith("adv");
    double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 60;
    List<String> texts =
        adversarial
            ? SentimentBench.adversarial()
            : SentimentBench.tweets(SentimentBench.DEFAULT_TWEETS);
    int chunk = adversarial ? 50 : 2000;
    MethodHandle[] analyze = new MethodHandle[2];
    for (int v = 0; v < 2; v++) {
      URLClassLoader cl =
          new URLClassLoader(
              new URL[] {Path.of(args[v]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> c = cl.loadClass("io.rapport.text.TextAnalyzer");
      Object analyzer = c.getMethod("load").invoke(null);
      analyze[v] =
          MethodHandles.publicLookup()
              .findVirtual(
                  c,
                  "analyze",
                  MethodType.methodType(cl.loadClass("io.rapport.text.Analysis"), String.class))
              .bindTo(analyzer);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] cpu = new long[2];
    long[] n = new long[2];
    long nulls = 0;
    long start = System.nanoTime();
    long warmEnd = start + (long) (seconds * 0.4e9);
    long end = start + (long) (seconds * 1e9);
    boolean warm = true;
    int pos = 0;
    while (System.nanoTime() < end) {
      if (warm && System.nanoTime() > warmEnd) {
        warm = false;
        cpu[0] = cpu[1] = n[0] = n[1] = 0;
      }
      for (int v = 0; v < 2; v++) {
        long c0 = mx.getCurrentThreadCpuTime();
        for (int k = 0; k < chunk; k++) {
          Object r = analyze[v].invoke(texts.get((pos + k) % texts.size()));
          if (r == null) {
            nulls++;
          }
        }
        cpu[v] += mx.getCurrentThreadCpuTime() - c0;
        n[v] += chunk;
      }
      pos += chunk;
    }
    double a = n[0] / (cpu[0] / 1e9);
    double b = n[1] / (cpu[1] / 1e9);
    System.out.printf(
        "%s: old %.0f texts/s per core of CPU time, new %.0f, new/old %.2f (%.0f s, load average"
            + " %.1f)%s%n",
        adversarial ? "adversarial inputs" : "tweets",
        a,
        b,
        b / a,
        seconds,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        nulls > 0 ? " (null results!)" : "");
  }
}
