package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AnalysisTest {
  private static final TextAnalyzer A = TextAnalyzer.shared();

  @Test
  void hashtagsAreLowerCasedWithoutHash() {
    Analysis a = A.analyze("Vuelo retrasado otra vez #Fail #AeroNorte #VuelosBaratos");
    assertThat(a.hashtags).containsExactly("fail", "aeronorte", "vuelosbaratos");
  }

  @Test
  void termsSkipStopWordsHandlesUrlsAndKeepAccents() {
    Analysis a =
        A.analyze(
            "@TiendaLuna La atención del repartidor fue rapidísima, muy amable https://t.co/x");
    assertThat(a.terms).contains("atención", "repartidor", "rapidísima", "amable");
    assertThat(a.terms).doesNotContain("la", "del", "fue", "muy", "tiendaluna", "https", "t", "co");
    Analysis e = A.analyze("The delivery guy was really friendly and the pizza was great");
    assertThat(e.terms).contains("delivery", "guy", "friendly", "pizza", "great");
    assertThat(e.terms).doesNotContain("the", "was", "and", "really");
  }

  @Test
  void termsAreCappedAndDeduplicated() {
    Analysis a =
        A.analyze(
            "manzana pera uva melón sandía kiwi mango piña fresa cereza ciruela limón manzana");
    assertThat(a.terms).hasSize(TextAnalyzer.MAX_TERMS).doesNotHaveDuplicates();
    assertThat(A.analyze("geniaaaal geniaaaaaal").terms).containsExactly("genial");
  }

  @Test
  void pojoEqualityAndDefaults() {
    Analysis a = A.analyze("Me encanta, lo recomiendo");
    Analysis b = A.analyze("Me encanta, lo recomiendo");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.intents).containsExactly(IntentDetector.RECOMMENDATION);
    Analysis empty = new Analysis();
    assertThat(empty.intents).isEmpty();
    assertThat(empty).isNotEqualTo(a);
    assertThat(A.analyze(null).lang).isEqualTo("und");
  }

  @Test
  void workIsCappedOnHugeInputs() {
    String huge = "pésimo ".repeat(50_000) + "excelente ".repeat(50_000);
    Analysis a = A.analyze(huge);
    // only the first 2,000 characters are read: the praise at the end is never seen
    assertThat(a.compound).isLessThan(-0.5);
  }

  @Test
  void threadSafe() throws Exception {
    String[] texts = {"Me encanta 😍", "Pésimo servicio", "I love it", "worst ever", "¿hola?"};
    List<Analysis> expected = new ArrayList<>();
    for (String t : texts) {
      expected.add(A.analyze(t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    int j = i % texts.length;
                    if (!A.analyze(texts[j]).equals(expected.get(j))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : fs) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
