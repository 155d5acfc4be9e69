package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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
        "Vela es mucho mejor que @lumen | lumen | 0",
        "Lumen is way worse than Vela | vela | 0",
        "mil veces peor que #LumenES, de verdad | lumenes | 0",
        "Vela es mejor que el Lumen de siempre | lumen | 0",
        "superior a @Vela_ES en todo | vela_es | 0",
        "so much better than lumen | lumen | 0",
        "Mejor Lumen que @vela, sin duda | vela | 0",
        "Lumen tiene peor servicio que Vela | vela | 0",
        "Para el portátil, Vela sin duda. Mejor que Lumen | lumen | 1",
        "For a laptop, Vela beats @lumen every time | lumen | 0",
        "Vela beats Lumen | lumen | 0",
        "Honestly? Vela outperforms @lumen | lumen | 1",
        "Vela supera a Lumen en precio | lumen | 0",
        "Lumen es más caro que Vela pero mucho mejor | vela | 0",
        "Lumen cobra más que @vela | vela | 0",
        "Vela es menos fiable que #Lumen | lumen | 0",
        "Lumen es mucho más rápido que el Vela | vela | 0",
        "Lumen falla menos que Vela | vela | 0",
        "Todo bien. Lumen is way faster than Vela | vela | 1",
        "Lumen is more reliable than @vela | vela | 0",
        "Lumen costs more than Vela but it's worth it | vela | 0",
        "Lumen sucks less than Vela | vela | 0",
        "Prefiero mil veces Lumen antes que Vela | vela | 0",
        "Prefiero Lumen a @vela | vela | 0",
        "I prefer @lumen to #vela | vela | 0",
        "Compared to Lumen, Vela is terrible | lumen | 0",
        "Comparado con @lumen, Vela es un desastre | lumen | 0",
        "Ojalá Vela aprendiera de Lumen | lumen | 0",
        "Lumen wins over Vela every time | vela | 0",
        "Lumen le gana a Vela en precio | vela | 0",
        "No cambio Lumen por Vela ni loco | vela | 0",
        "I wouldn't trade @lumen for #vela | vela | 0"
      })
  void findsTheObjectOfAComparison(String text, String object, int sentence) {
    Analysis a = A.analyze(text);
    assertThat(a.comparedWith).isEqualTo(object);
    assertThat(a.comparisonSentence).isEqualTo(sentence);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No hay nada mejor que Lumen",
        "Nothing is better than @lumen",
        "No one is better than Lumen",
        "Nadie mejor que @lumen para esto",
        "Nothing beats Lumen",
        "Nada supera a @lumen",
        "Mejor que @lumen no hay",
        "Mejor que Lumen, ninguno",
        "Better than Lumen? None",
        "Lumen es genial",
        "mejor que",
        "It's better than ?",
        "Es mejor que @lumen me devuelva el dinero o los denuncio",
        "Mejor que Lumen no me vuelva a llamar",
        "Es peor que #Lumen te ignore a que te mientan",
        "No hay nada más rápido que Lumen",
        "Nothing is faster than @lumen",
        "Lumen, más rápido que nunca",
        "Lumen is faster than ever",
        "Lumen is more than enough",
        "I'd rather use Lumen than Vela",
        "Other than Vela, nobody answers",
        "Recycled more times than I'd care to count",
        "Más barato que la competencia y mejor",
        "Más caro que Vela no hay",
        "Prefiero no opinar",
        "I prefer email to phone calls",
        "Prefiero Lumen",
        "Compared to last year, it is better",
        "Lumen wins the award",
        "Lumen gana dinero con esto",
        "No cambio Lumen por nada",
        "I would never switch from Lumen"
      })
  void noComparisonOrNothingCompares(String text) {
    Analysis a = A.analyze(text);
    assertThat(a.comparedWith).isNull();
    assertThat(a.comparisonSentence).isEqualTo(-1);
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
    assertThat(whole.comparisonSentence).isEqualTo(1);
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
    assertThat(whole.comparedWith).isEqualTo("lumen");
    assertThat(A.analyzeAsCompared(text, whole).compound).isGreaterThan(0.3);
  }

  /**
   * "Mejor que" opening a clause ("es mejor que me devuelvan el dinero", "mejor que @lumen me lo
   * arregle") says what should happen, of no one compared: no comparison, and the word itself is
   * neither praise nor put-down, where the same words compare and praise when a clause does not
   * follow.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Es mejor que me devuelvan el dinero | Es que me devuelvan el dinero",
        "Mejor que @lumen me lo arregle hoy | Que @lumen me lo arregle hoy",
        "Sería mejor que Lumen nos diera una solución | Sería que Lumen nos diera una solución",
        "Es peor que Vela no te conteste | Es que Vela no te conteste",
        "mejor que lumenx se ponga las pilas | que lumenx se ponga las pilas"
      })
  void aClauseAfterMejorQueComparesNothingAndSaysNothingOfItself(String text, String without) {
    Analysis a = A.analyze(text, "es");
    assertThat(a.comparedWith).isNull();
    assertThat(a.compound).isEqualTo(A.analyze(without, "es").compound);
    // the words as a comparison: a clause does not follow
    Analysis compared = A.analyze(text.replaceFirst(" (me|te|nos|se|no te|no me) .*", ""), "es");
    assertThat(compared.compound).isNotZero();
  }

  /**
   * "Beats" and "outperforms" praise their subject when they compare with a named party, so the
   * object reads a put-down ("Vela beats Lumen every time" read 0.00 for both); elsewhere they say
   * nothing ("beats faster", "beats the deadline").
   */
  @Test
  void beatingANamedPartyPraisesTheSubject() {
    for (String text : List.of("Vela beats Lumen every time", "Vela outperforms @lumen on price")) {
      Analysis whole = A.analyze(text, "en");
      assertThat(whole.compound).as(text).isGreaterThan(0.3);
      assertThat(A.analyzeAsCompared(text, whole).compound).as(text).isLessThan(-0.3);
    }
    assertThat(A.analyze("Vela beats the deadline", "en").compound).isZero();
    assertThat(A.analyze("the bass beats faster", "en").compound).isZero();
  }
}
