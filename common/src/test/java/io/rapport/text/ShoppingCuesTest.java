package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Going to buy and recommending, said the way shoppers say it: "voy a Lumen a por la aspiradora"
 * (Spain's "ir a por"), "¿cuándo empiezan las rebajas?", "payday = new air fryer", "Vela beats
 * Lumen every time"; and the same words that buy or recommend nothing.
 */
class ShoppingCuesTest {
  private static final TextAnalyzer A = TextAnalyzer.shared();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Mañana voy a Lumen a por la aspiradora robot | purchase_intent | true",
        "Voy a por el móvil nuevo, que Lumen lo tiene de oferta | purchase_intent | true",
        "¿Cuándo empiezan las rebajas en Lumen? Quiero el abrigo | purchase_intent | true",
        "Payday = new air fryer from Vela | purchase_intent | true",
        "For a tablet, Vela beats Lumen every time | recommendation | true",
        "Voy a por ti, Lumen, me habéis cobrado dos veces | purchase_intent | false",
        "Need that refund asap or I'm calling my bank | purchase_intent | false",
        "Nothing beats Lumen, every time | recommendation | false"
      })
  void shoppersCues(String text, String intent, boolean expected) {
    assertThat(A.analyze(text).intents.contains(intent)).isEqualTo(expected);
  }
}
