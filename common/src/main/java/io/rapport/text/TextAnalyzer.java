package io.rapport.text;

import java.util.Locale;
import java.util.Set;

/** PLACEHOLDER until the text-analysis branch lands: a tiny word list, replaced wholesale. */
public final class TextAnalyzer {
  private static final TextAnalyzer SHARED = new TextAnalyzer();
  private static final Set<String> NEG =
      Set.of("terrible", "asco", "awful", "worst", "pésimo", "horrible", "malo", "bad", "hate");
  private static final Set<String> POS =
      Set.of("great", "love", "genial", "encanta", "excelente", "good", "bueno", "pasada");

  public static TextAnalyzer shared() {
    return SHARED;
  }

  public Analysis analyze(String text) {
    return analyze(text, null);
  }

  public Analysis analyze(String text, String langHint) {
    Analysis a = new Analysis();
    int s = 0;
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      s += POS.contains(w) ? 1 : NEG.contains(w) ? -1 : 0;
    }
    a.compound = Math.max(-1, Math.min(1, s / 2.0));
    a.lang = langHint == null ? "und" : langHint;
    a.neu = 1;
    return a;
  }
}
