package io.rapport.listening;

import io.rapport.model.EnrichedMention;
import io.rapport.model.SocialMention;
import io.rapport.testing.Samples;
import io.rapport.text.TextAnalyzer;
import java.time.Instant;

/** Mentions analyzed by the real text analyzer. */
final class ListeningFixtures {
  private ListeningFixtures() {}

  static EnrichedMention enriched(
      String id, String brand, String platform, String handle, String text, String lang) {
    return enriched(id, brand, platform, handle, text, lang, Samples.T0);
  }

  static EnrichedMention enriched(
      String id,
      String brand,
      String platform,
      String handle,
      String text,
      String lang,
      Instant time) {
    SocialMention m = Samples.mention(id, platform, handle, text, time);
    m.brand = brand;
    m.lang = lang;
    return new EnrichedMention(m, TextAnalyzer.shared().analyze(text, lang));
  }
}
