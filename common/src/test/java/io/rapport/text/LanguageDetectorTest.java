package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {
  private static final LanguageDetector D = TextAnalyzer.shared().languageDetector();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Me encanta la nueva app",
        "pésimo servicio",
        "¿Dónde está mi pedido?",
        "qué chido",
        "muy bueno todo",
        "gracias por todo!!",
        "el envío llegó tarde otra vez",
        "No me gusta nada",
        "Mañana voy a la tienda",
        "q mal servicio, nunca mas",
        "Feliz con mi compra 😍",
        "Llevo dos semanas esperando y nadie me responde @TiendaLuna",
        "Estoy hasta las narices"
      })
  void spanish(String text) {
    assertThat(D.detect(text)).isEqualTo("es");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I love the new app",
        "worst service ever",
        "Where is my order?",
        "this is so good",
        "thanks for everything!!",
        "The package arrived late again",
        "I don't like it at all",
        "going to the store tomorrow",
        "lol this is the best thing ever 😂",
        "Still waiting for my refund @ShopCo",
        "Why do people still use fax machines?"
      })
  void english(String text) {
    assertThat(D.detect(text)).isEqualTo("en");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Olá, tudo bem com você? Não gostei do produto",
        "Muito obrigado pela ajuda, o serviço é ótimo",
        "Bom dia, o produto chegou quebrado",
        "Comprei na loja e ficou ótimo",
        "valeu pela ajuda",
        "Bonjour, je suis très content de mon achat",
        "C'est vraiment nul, je ne recommande pas ce produit",
        "Das ist sehr gut, danke für die schnelle Lieferung",
        "Ich bin nicht zufrieden mit dem Service",
        "Grazie mille, il servizio è molto buono",
        // other scripts and alphabets, and languages the detector does not name (these four read
        // as es, es, es and en before)
        "Спасибо за быструю доставку",
        "شكرا جزيلا على الخدمة",
        "Bardzo dziękuję za szybką dostawę",
        "Dank je wel voor de snelle levering",
        "Сервис ужасный, Lumen",
        "Moltes gràcies per tot, perquè sou genials"
      })
  void otherLanguagesAreUndetermined(String text) {
    assertThat(D.detect(text)).isEqualTo("und");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "😍😍😍", "@user https://t.co/x", "123 456", "#", "ok"})
  void tooLittleEvidenceIsUndetermined(String text) {
    assertThat(D.detect(text)).isEqualTo("und");
  }

  /** A foreign name or a borrowed letter in a Spanish or English text does not make it other. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Me encanta el nuevo Škoda de mi vecino, qué coche | es",
        "I love my new Škoda, best car ever | en",
        "El pedido de Łódź llegó roto y nadie responde | es",
        "Thanks @lumen, the order from Malmö arrived today | en"
      })
  void aForeignNameKeepsTheLanguage(String text, String lang) {
    assertThat(D.detect(text)).isEqualTo(lang);
  }

  @Test
  void mixedTextsFollowTheDominantLanguage() {
    assertThat(D.detect("Me encanta este outfit, so cute")).isEqualTo("es");
    assertThat(D.detect("I love this store, muy buena atención y todo")).isIn("es", "und", "en");
    assertThat(D.detect("The tacos were amazing, I will definitely come back for more"))
        .isEqualTo("en");
  }

  @Test
  void spanishCuesAloneDecideShortTexts() {
    assertThat(D.detect("¡Genial!")).isEqualTo("es");
    assertThat(D.detect("año")).isIn("es", "und");
  }

  @Test
  void hintOverridesDetection() {
    assertThat(TextAnalyzer.shared().analyze("ok ok", "es").lang).isEqualTo("es");
    assertThat(TextAnalyzer.shared().analyze("el servicio", "en").lang).isEqualTo("en");
    assertThat(TextAnalyzer.shared().analyze("el servicio es muy bueno", "und").lang)
        .isEqualTo("es");
    assertThat(TextAnalyzer.shared().analyze("the service is very good", null).lang)
        .isEqualTo("en");
  }
}
