package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One analyzer shared by several threads (as by several Flink subtasks): each thread reuses its own
 * tokenizer buffers, so concurrent results equal the sequential ones, text by text.
 */
class AnalyzerThreadsTest {
  @Test
  void concurrentResultsEqualSequentialOnes() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String r : List.of("es_social_eval.tsv", "en_social_eval.tsv")) {
      try (InputStream in = getClass().getResourceAsStream("/sentiment/" + r)) {
        texts.addAll(GoldenOutputTest.texts(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    texts.addAll(GoldenOutputTest.edges());
    assertThat(texts).hasSizeGreaterThan(400);
    TextAnalyzer a = TextAnalyzer.load();
    List<Analysis> expected = new ArrayList<>();
    for (String t : texts) {
      expected.add(a.analyze(t));
    }
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Analysis>>> runs = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        int offset = k * 37; // each thread starts elsewhere: different texts at the same moment
        runs.add(
            pool.submit(
                () -> {
                  List<Analysis> out = new ArrayList<>(texts.size());
                  for (int round = 0; round < 5; round++) {
                    out.clear();
                    for (int i = 0; i < texts.size(); i++) {
                      out.add(null);
                    }
                    for (int i = 0; i < texts.size(); i++) {
                      int j = (i + offset) % texts.size();
                      out.set(j, a.analyze(texts.get(j)));
                    }
                  }
                  return out;
                }));
      }
      for (Future<List<Analysis>> run : runs) {
        assertThat(run.get()).containsExactlyElementsOf(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void languageDetectionOnItsOwnLeavesTheAnalyzerUntouched() throws IOException {
    TextAnalyzer a = TextAnalyzer.shared();
    Analysis before = a.analyze("No me gustó nada el servicio, pésimo #EpicFail :(");
    assertThat(a.languageDetector().detect("the service was great, thanks!")).isEqualTo("en");
    assertThat(a.analyze("No me gustó nada el servicio, pésimo #EpicFail :(")).isEqualTo(before);
  }
}
