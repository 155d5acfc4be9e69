package io.rapport.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Development tool (not a test): scores VADER's English rated sets in-process with given rule
 * weights, printing Pearson r, accuracy and macro-F1 as {@code checks/sentiment-eval} computes
 * them. Usage: EvalHarness DIR [param=value ...] (params: fields of {@link Tuning}).
 */
public final class EvalHarness {
  private EvalHarness() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Tuning t = new Tuning();
    for (int i = 1; i < args.length; i++) {
      String[] kv = args[i].split("=");
      java.lang.reflect.Field f = Tuning.class.getDeclaredField(kv[0]);
      f.setAccessible(true);
      if (f.getType() == boolean.class) {
        f.setBoolean(t, Boolean.parseBoolean(kv[1]));
      } else if (f.getType() == int.class) {
        f.setInt(t, Integer.parseInt(kv[1]));
      } else {
        f.setFloat(t, Float.parseFloat(kv[1]));
      }
    }
    TextAnalyzer a = TextAnalyzer.load(t);
    for (String set : new String[] {"tweets", "movieReviewSnippets", "nytEditorialSnippets"}) {
      System.out.println(set + " " + eval(a, dir.resolve(set + "_GroundTruth.txt")));
    }
  }

  static String eval(TextAnalyzer a, Path file) throws IOException {
    List<double[]> rows = new ArrayList<>();
    Map<String, Integer> langs = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] p = line.split("\t");
      if (p.length < 3) {
        continue;
      }
      Analysis an = a.analyze(p[2].replace('\r', ' '), null, false);
      langs.merge(an.lang, 1, Integer::sum);
      rows.add(new double[] {Double.parseDouble(p[1]) / 4.0, an.compound});
    }
    return metrics(rows) + " langs=" + langs;
  }

  static int cls(double x) {
    return x >= 0.05 ? 1 : x <= -0.05 ? -1 : 0;
  }

  static String metrics(List<double[]> rows) {
    int n = rows.size();
    double mg = 0;
    double mp = 0;
    for (double[] r : rows) {
      mg += r[0];
      mp += r[1];
    }
    mg /= n;
    mp /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    int[][] cm = new int[3][3];
    for (double[] r : rows) {
      sxy += (r[0] - mg) * (r[1] - mp);
      sxx += (r[0] - mg) * (r[0] - mg);
      syy += (r[1] - mp) * (r[1] - mp);
      cm[cls(r[0]) + 1][cls(r[1]) + 1]++;
    }
    double f1 = 0;
    int correct = 0;
    for (int c = 0; c < 3; c++) {
      int tp = cm[c][c];
      correct += tp;
      int fp = 0;
      int fn = 0;
      for (int o = 0; o < 3; o++) {
        if (o != c) {
          fp += cm[o][c];
          fn += cm[c][o];
        }
      }
      double pr = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
      double rc = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
      f1 += pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc);
    }
    return String.format(
        "r=%.4f acc=%.4f macroF1=%.4f", sxy / Math.sqrt(sxx * syy), correct / (double) n, f1 / 3);
  }
}
