package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression check on the Spanish development examples (sentiment/es_social_dev.tsv), the set the
 * Spanish rules were tuned on. The held-out set (es_social_eval.tsv) is deliberately not used here.
 */
class SpanishDevSetTest {
  @Test
  void devSetMacroF1() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("/sentiment/es_social_dev.tsv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
    }
    assertThat(rows).hasSizeGreaterThan(40);
    String[] labels = {"neg", "neu", "pos"};
    int[][] cm = new int[3][3];
    for (String[] row : rows) {
      double c = TextAnalyzer.shared().analyze(row[2]).compound;
      int pred = c >= 0.05 ? 2 : c <= -0.05 ? 0 : 1;
      int gold = java.util.Arrays.asList(labels).indexOf(row[0]);
      cm[gold][pred]++;
    }
    double f1 = 0;
    for (int k = 0; k < 3; k++) {
      int tp = cm[k][k];
      int fp = cm[0][k] + cm[1][k] + cm[2][k] - tp;
      int fn = cm[k][0] + cm[k][1] + cm[k][2] - tp;
      f1 += 2.0 * tp / (2 * tp + fp + fn);
    }
    assertThat(f1 / 3).isGreaterThan(0.85);
  }
}
