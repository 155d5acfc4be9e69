package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Praise and put-downs said with idioms whose words carry no sentiment of their own ("me salvaron
 * la vida", "me tomaron el pelo", "went above and beyond", "jamás vuelvo a comprar"), read with
 * their polarity and, for "never again", as a churn threat. Probes written for the lexicon entries
 * of 2026-12-01; none comes from the held-out sets.
 */
class IdiomProbesTest {
  private static final TextAnalyzer A = TextAnalyzer.shared();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Nada que ver con lo que prometían | neg | ",
        "Me salvaron la vida con el envío urgente | pos | ",
        "Me quedé con las ganas, no había stock | neg | ",
        "Me dejaron plantado | neg | ",
        "Me vieron la cara | neg | ",
        "Me tomaron el pelo | neg | ",
        "Customer service went above and beyond | pos | ",
        "It does the job | pos | ",
        "Jamás vuelvo a comprar aquí | neg | churn_threat",
        "Nunca vuelvo a comprar en Lumen, un desastre | neg | churn_threat",
        "Tengo ganas de que llegue el pedido | pos | "
      })
  void readsTheIdiom(String text, String polarity, String intent) {
    Analysis a = A.analyze(text);
    if (polarity.equals("neg")) {
      assertThat(a.compound).isLessThanOrEqualTo(-0.3);
    } else {
      assertThat(a.compound).isGreaterThanOrEqualTo(0.2);
    }
    if (intent != null) {
      assertThat(a.intents).contains(intent);
    }
  }
}
