package io.rapport.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.model.EnrichedMention;
import java.util.List;
import org.junit.jupiter.api.Test;

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

  @Test
  void needsABrand() {
    assertThatThrownBy(() -> new TrackedBrands(" ", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
