package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A service failing, said without a sentiment word ("nothing works", "no me llega el pedido", "el
 * técnico no vino", "what a joke of a company"), is negative and, where it names what failed, a
 * complaint; the same words in praise or in a plain request are not. These probes were written for
 * the lexicon and cue entries of 2026-12-01; none comes from the held-out sets.
 */
class ServiceFailuresTest {
  private static final TextAnalyzer A = TextAnalyzer.shared();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Nothing works since the update @lumen | neg | true",
        "Nothing works | neg | false",
        "Nada funciona desde la actualización | neg | false",
        "La app se cierra sola cada vez que la abro | neg | true",
        "No me llega el pedido | neg | true",
        "My order never arrived | neg | true",
        "I've been on hold for 2 hours | neg | true",
        "They kept me on hold for hours | neg | true",
        "Me tienen una hora en espera | neg | true",
        "El repartidor dejó el paquete tirado en la calle | neg | true",
        "El técnico no vino | neg | true",
        "Estoy hasta las narices de Lumen | neg | true",
        "Lumen me tiene harto | neg | true",
        "Son unos ladrones | neg | true",
        "What a joke of a company | neg | true",
        "Still waiting for my refund, 3 weeks now | neg | true",
        "Nothing works better than a good night's sleep | pos | false",
        "Nada funciona mejor que una siesta | pos | false",
        "Put my order on hold for a week please | pos | false"
      })
  void aFailureIsNegativeAndAComplaint(String text, String polarity, boolean complaint) {
    Analysis a = A.analyze(text);
    if (polarity.equals("neg")) {
      assertThat(a.compound).isLessThanOrEqualTo(-0.3);
    } else {
      assertThat(a.compound).isGreaterThanOrEqualTo(0.05);
    }
    if (complaint) {
      assertThat(a.intents).contains(IntentDetector.COMPLAINT);
    } else {
      assertThat(a.intents).doesNotContain(IntentDetector.COMPLAINT);
    }
  }
}
