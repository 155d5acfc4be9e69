package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What customers ask, warn and announce without the usual marks: a help request is a question and
 * praises no one ("Necesito ayuda con mi pedido" read +0.38 from "ayuda"); a warning to others is
 * negative ("Stay away from Lumen" read 0.00); a purchase done is a purchase ("Me lo llevo", "Acabo
 * de comprar la tablet"); "Hasta nunca Lumen" is a churn threat. Probes of 2026-12-01, none from
 * the held-out sets.
 */
class SupportRequestsTest {
  private static final TextAnalyzer A = TextAnalyzer.shared();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Necesito ayuda con mi pedido | neu | question",
        "I need help with my order | neu | question",
        "Me pueden ayudar con mi factura | neu | question",
        "Can someone help me with my bill | neu | question",
        "Cómo hago para devolver un producto | neu | question",
        "Quisiera saber el estado de mi pedido | neu | question",
        "Stay away from Lumen | neg | complaint",
        "Avoid at all costs | neg | complaint",
        "Must buy! | pos | recommendation",
        "Me lo llevo | neu | purchase_intent",
        "I'm getting one | neu | purchase_intent",
        "Acabo de comprar la tablet en Lumen | neu | purchase_intent",
        "Hasta nunca Lumen | neg | churn_threat",
        "Can someone help me? Thanks so much, you're amazing | pos | question"
      })
  void readsTheRequest(String text, String polarity, String intent) {
    Analysis a = A.analyze(text);
    switch (polarity) {
      case "neg" -> assertThat(a.compound).isLessThanOrEqualTo(-0.3);
      case "pos" -> assertThat(a.compound).isGreaterThanOrEqualTo(0.3);
      default -> assertThat(a.compound).isBetween(-0.05, 0.05);
    }
    assertThat(a.intents).contains(intent);
  }
}
