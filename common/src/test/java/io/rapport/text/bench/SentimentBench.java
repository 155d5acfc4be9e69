package io.rapport.text.bench;

import io.rapport.text.Analysis;
import io.rapport.text.TextAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plain runnable benchmark (single thread = one core): texts/s over the tweet set and the per-text
 * latency distribution (max, p99.9) over the tweet set and adversarial inputs.
 *
 * <p>Usage: {@code bin/rapport bench sentiment [TWEETS_FILE] [SECONDS]}
 */
public final class SentimentBench {
  private SentimentBench() {}

  /** VADER's tweet set where {@code ../shared} is beside the project (developers and CI). */
  static final String DEFAULT_TWEETS = "../shared/data/sentiment/eval/tweets_GroundTruth.txt";

  /**
   * The texts of a ground-truth or labelled set (text in the third tab-separated column). Without
   * the default file (users don't have {@code ../shared}), the project's own Spanish and English
   * evaluation sets are used: social mentions of the same length class.
   */
  static List<String> tweets(String file) throws IOException {
    List<String> lines = new ArrayList<>();
    if (DEFAULT_TWEETS.equals(file) && !Files.exists(Path.of(file))) {
      for (String r : List.of("/sentiment/es_social_eval.tsv", "/sentiment/en_social_eval.tsv")) {
        try (var in = SentimentBench.class.getResourceAsStream(r)) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
        }
      }
      System.out.println("texts: the project's es + en evaluation sets (" + file + " not found)");
    } else {
      lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] p = line.split("\t");
      out.add(p.length >= 3 ? p[2] : line);
    }
    return out;
  }

  public static List<String> adversarial() {
    List<String> a = new ArrayList<>();
    a.add("x".repeat(100_000));
    a.add("genial ".repeat(15_000));
    a.add("no muy pero aunque ".repeat(6_000));
    a.add("😂".repeat(50_000));
    a.add("😍👍🔥😡".repeat(10_000));
    a.add("geniaa" + "a".repeat(100_000) + "l");
    a.add("sooo" + "o".repeat(50_000) + " good");
    a.add(":) :( xD <3 ".repeat(10_000));
    a.add("!!!!!????".repeat(10_000));
    a.add("#" + "fail".repeat(20_000));
    a.add("@" + "user".repeat(20_000));
    a.add("http://" + "a".repeat(100_000));
    a.add("\u0000\u0007".repeat(40_000));
    a.add("ÁÉÍÓÚáéíóúñ".repeat(10_000));
    a.add("GENIAL PESIMO ".repeat(8_000));
    a.add("¿".repeat(100_000));
    return a;
  }

  public static void main(String[] args) throws IOException {
    String file = args.length > 0 ? args[0] : DEFAULT_TWEETS;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    TextAnalyzer a = TextAnalyzer.shared();
    List<String> tw = tweets(file);
    List<String> adv = adversarial();
    long sink = 0;
    // warm-up
    long end = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < end) {
      for (String t : tw) {
        sink += a.analyze(t).intents.size();
      }
      for (String t : adv) {
        sink += a.analyze(t).intents.size();
      }
    }
    // throughput: whole analysis (language, sentiment, intents, terms, hashtags). On a shared
    // machine wall time includes time the thread was not running: report thread CPU time too.
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long n = 0;
    long t0 = System.nanoTime();
    long c0 = mx.getCurrentThreadCpuTime();
    long stop = t0 + (long) (seconds * 1e9);
    while (System.nanoTime() < stop) {
      for (String t : tw) {
        Analysis r = a.analyze(t);
        sink += r.terms.size();
      }
      n += tw.size();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    System.out.printf(
        "throughput: %.0f tweet-sized texts/s per core of CPU time (%.0f/s wall clock; %d texts,"
            + " load average %.1f)%n",
        n / cpu,
        n / wall,
        n,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    sink += latency("tweets", a, tw, 20);
    sink += latency("adversarial", a, adv, 200);
    System.out.println("(sink " + (sink & 1) + ")");
  }

  /**
   * Latency of every text, {@code rounds} times: wall and thread CPU time per call (a call's
   * figures include what the machine does to the thread meanwhile: page faults, preemption), and
   * per text the median of its calls' thread CPU time: the text's own cost. The largest median
   * names the costliest input.
   */
  private static long latency(String name, TextAnalyzer a, List<String> texts, int rounds) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] lat = new long[texts.size() * rounds];
    long[] cpu = new long[texts.size() * rounds];
    long[][] perText = new long[texts.size()][rounds];
    long sink = 0;
    int k = 0;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < texts.size(); i++) {
        long c = mx.getCurrentThreadCpuTime();
        long s = System.nanoTime();
        sink += a.analyze(texts.get(i)).terms.size();
        lat[k] = System.nanoTime() - s;
        cpu[k] = mx.getCurrentThreadCpuTime() - c;
        perText[i][r] = cpu[k++];
      }
    }
    int worst = 0;
    long worstMedian = -1;
    for (int i = 0; i < texts.size(); i++) {
      Arrays.sort(perText[i]);
      long median = perText[i][rounds / 2];
      if (median > worstMedian) {
        worstMedian = median;
        worst = i;
      }
    }
    Arrays.sort(lat);
    Arrays.sort(cpu);
    System.out.printf(
        "latency %-11s n=%d wall: median=%.1f us p99=%.1f us p99.9=%.1f us max=%.1f us;"
            + " thread CPU: p99.9=%.1f us max=%.1f us%n",
        name,
        lat.length,
        lat[lat.length / 2] / 1e3,
        lat[(int) (lat.length * 0.99)] / 1e3,
        lat[(int) (lat.length * 0.999)] / 1e3,
        lat[lat.length - 1] / 1e3,
        cpu[(int) (cpu.length * 0.999)] / 1e3,
        cpu[cpu.length - 1] / 1e3);
    String t = texts.get(worst);
    System.out.printf(
        "  costliest input: median thread CPU %.1f us over %d calls (max %.1f us), %d characters"
            + " starting %s%n",
        worstMedian / 1e3,
        rounds,
        perText[worst][rounds - 1] / 1e3,
        t.length(),
        printable(t.substring(0, Math.min(24, t.length()))));
    return sink;
  }

  /** The text with control characters escaped, quoted. */
  private static String printable(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.append('"').toString();
  }
}
