package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComparisonsTest {
  private static final TextAnalyzer A = TextAnalyzer.shared();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Vela es mucho mejor que @lumen | lumen",
        "Lumen is way worse than Vela | vela",
        "mil veces peor que #LumenES, de verdad | lumenes",
        "Vela es mejor que el Lumen de siempre | lumen",
        "superior a @Vela_ES en todo | vela_es",
        "so much better than lumen | lumen",
        "Mejor Lumen que @vela, sin duda | vela",
        "Lumen tiene peor servicio que Vela | vela"
      })
  void findsTheObjectOfAComparison(String text, String object) {
    Analysis a = A.analyze(text);
    assertThat(a.comparedWord()).isEqualTo(object);
    assertThat(a.compareSentence).isEqualTo(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No hay nada mejor que Lumen",
        "Nothing is better than @lumen",
        "No one is better than Lumen",
        "Nadie mejor que @lumen para esto",
        "Lumen es genial",
        "mejor que",
        "It's better than ?"
      })
  void noComparisonOrNothingCompares(String text) {
    Analysis a = A.analyze(text);
    assertThat(a.comparedWord()).isNull();
    assertThat(a.compareSentence).isEqualTo(-1);
    assertThat(A.analyzeAsCompared(text, a)).isNull();
  }

  @Test
  void theObjectReadsTheComparisonTheOtherWayRound() {
    String text = "Vela es mucho mejor que Lumen";
    Analysis whole = A.analyze(text);
    Analysis object = A.analyzeAsCompared(text, whole);
    assertThat(whole.compound).isGreaterThan(0.3);
    assertThat(object.compound).isCloseTo(-whole.compound, within(1e-9));
    assertThat(object.pos).isCloseTo(whole.neg, within(1e-9));
    assertThat(object.neg).isCloseTo(whole.pos, within(1e-9));
    assertThat(object.neu).isCloseTo(whole.neu, within(1e-9));
    assertThat(object.lang).isEqualTo(whole.lang);

    String worse = "Lumen is way worse than Vela";
    assertThat(A.analyzeAsCompared(worse, A.analyze(worse)).compound).isGreaterThan(0.3);
  }

  @Test
  void onlyTheComparisonsSentenceIsTurned() {
    // the first sentence praises the object, the second compares: the praise stays
    String text = "Me encanta Lumen, de verdad. Vela es mejor que Lumen en precio";
    Analysis whole = A.analyze(text);
    assertThat(whole.compareSentence).isEqualTo(1);
    Analysis object = A.analyzeAsCompared(text, whole);
    Analysis comparisonAlone =
        A.analyzeAsCompared(
            "Vela es mejor que Lumen en precio", A.analyze("Vela es mejor que Lumen en precio"));
    assertThat(object.compound).isLessThan(whole.compound);
    assertThat(object.compound).isGreaterThan(comparisonAlone.compound);
    assertThat(object.pos).isGreaterThan(0);
    assertThat(object.neg).isGreaterThan(0);
  }

  @Test
  void withEntitiesTheSentencesAreThoseOfTheDecodedText() {
    String text = "Lumen &amp; Vela: Vela es peor que Lumen";
    Analysis whole = A.analyze(text);
    assertThat(whole.comparedWord()).isEqualTo("lumen");
    assertThat(A.analyzeAsCompared(text, whole).compound).isGreaterThan(0.3);
  }
}
