package io.rapport.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.model.EnrichedMention;
import io.rapport.text.Analysis;
import io.rapport.text.IntentDetector;
import io.rapport.text.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackedBrandsTest {
  private final TrackedBrands brands = new TrackedBrands("Lumen", List.of("northwind", "Véla"));

  private List<String> about(String brandField, String text, String lang) {
    EnrichedMention em = ListeningFixtures.enriched("m", brandField, "x", "ana", text, lang);
    return brands.brandsOf(em.mention, em.analysis);
  }

  @Test
  void listsBrandThenCompetitorsNormalized() {
    assertThat(brands.all()).containsExactly("lumen", "northwind", "vela");
    assertThat(brands.isTracked("VELA")).isTrue();
    assertThat(brands.isTracked("acme")).isFalse();
  }

  @Test
  void theBrandFieldCounts() {
    assertThat(about("LUMEN", "Me encanta el servicio", "es")).containsExactly("lumen");
  }

  @Test
  void handlesHashtagsAndWordsNameBrandsInSpanishAndEnglish() {
    assertThat(about(null, "Hoy he probado @Lumen_ES y genial", "es")).containsExactly("lumen");
    assertThat(about(null, "Pedido tarde otra vez #NorthwindAyuda", "es"))
        .containsExactly("northwind");
    assertThat(about(null, "Switched from Northwind to Véla, so much better", "en"))
        .containsExactly("northwind", "vela");
    assertThat(about("lumen", "lumen beats @vela every time", "en"))
        .containsExactly("lumen", "vela");
  }

  @Test
  void ignoresUntrackedBrandsAndLookalikes() {
    assertThat(about("acme", "Great coffee at @lumenaria today", "en")).isEmpty();
    assertThat(about(null, "illuminated velas en la mesa", "es")).isEmpty();
  }

  private List<String> intentsForTheBrand(String text) {
    return brands.towardsBrand(TextAnalyzer.shared().analyze(text)).intents;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Harta de @vela, me cambio a @lumen",
        "Me paso a @Lumen_ES ya mismo",
        "me cambio a Lumen, que me han hecho buena oferta",
        "I'm switching to @lumenapp next month",
        "Switched to #Lumen and never looking back"
      })
  void aSwitchToTheBrandIsAPurchaseIntentNotAChurnThreat(String text) {
    assertThat(TextAnalyzer.shared().analyze(text).intents).contains(IntentDetector.CHURN_THREAT);
    assertThat(intentsForTheBrand(text))
        .contains(IntentDetector.PURCHASE_INTENT)
        .doesNotContain(IntentDetector.CHURN_THREAT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Harta de @lumen, me cambio a @vela",
        "I'm switching to @Northwind, done with you",
        "Me doy de baja @lumen",
        "me cambio a la competencia",
        "Switched to @lumenaria, bye",
        "Me voy con @Movistar"
      })
  void aSwitchToAnyoneElseStaysAChurnThreat(String text) {
    assertThat(intentsForTheBrand(text))
        .contains(IntentDetector.CHURN_THREAT)
        .doesNotContain(IntentDetector.PURCHASE_INTENT);
  }

  @Test
  void aDestinationThatNamesATrackedBrandIsThatBrandsName() {
    assertThat(
            brands.towardsBrand(TextAnalyzer.shared().analyze("me paso a @Lumen_ES")).switchingTo)
        .isEqualTo("lumen");
    assertThat(
            brands.towardsBrand(TextAnalyzer.shared().analyze("Switching to #VélaAyuda"))
                .switchingTo)
        .isEqualTo("vela");
    assertThat(
            brands.towardsBrand(TextAnalyzer.shared().analyze("Me cambio a @Movistar")).switchingTo)
        .isEqualTo("movistar");
    assertThat(brands.brandNamed("NorthWind_support")).isEqualTo("northwind");
    assertThat(brands.brandNamed("lumenaria")).isNull();
    assertThat(brands.brandNamed(null)).isNull();
  }

  @Test
  void intentsKeepTheirOrderAndAreNotRepeated() {
    Analysis a = TextAnalyzer.shared().analyze("Estoy harta de @vela, me cambio a @lumen");
    assertThat(a.intents).containsExactly(IntentDetector.COMPLAINT, IntentDetector.CHURN_THREAT);
    assertThat(brands.towardsBrand(a).intents)
        .containsExactly(IntentDetector.COMPLAINT, IntentDetector.PURCHASE_INTENT);
    Analysis both = new Analysis();
    both.intents = List.of(IntentDetector.PURCHASE_INTENT, IntentDetector.CHURN_THREAT);
    both.switchingTo = "lumen";
    assertThat(brands.towardsBrand(both).intents).containsExactly(IntentDetector.PURCHASE_INTENT);
    assertThat(brands.towardsBrand(new Analysis()).intents).isEmpty();
  }

  @Test
  void needsABrand() {
    assertThatThrownBy(() -> new TrackedBrands(" ", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
