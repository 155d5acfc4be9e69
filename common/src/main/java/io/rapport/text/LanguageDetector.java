package io.rapport.text;

import java.util.List;

/**
 * Offline language identification for short social texts: Spanish, English, or "und" (other
 * languages, mixed or too little evidence). Evidence, summed per language: function words and other
 * frequent words (weighted by how distinctive they are, {@code lexicons/langid.tsv}), script cues
 * (ñ, ¿, ¡, accented vowels; ã õ ç for Portuguese, è ê à for French, ä ö ß for German; letters of
 * other scripts and alphabets for none of them: see {@link #OTHER}), and a character-trigram model
 * of Spanish versus English words for the remaining words. Thread-safe and immutable.
 */
public final class LanguageDetector {
  static final String[] LANGS = {"es", "en", "pt", "fr", "de", "it", "other"};
  static final int ES = 0;
  static final int EN = 1;

  /**
   * Evidence of a language that is none of the others: letters of another script (Cyrillic, Greek,
   * Arabic, Hebrew, Asian scripts), Latin letters neither Spanish, English nor the four neighbours
   * use (ł ę ą ő ø å ş ğ č ř ...), and frequent words of other languages ({@code langid.tsv}).
   */
  static final int OTHER = 6;

  static final int NLANG = LANGS.length;

  /** Minimum evidence for a decision. */
  static final float MIN_SCORE = 1.0f;

  /** Function-word margin beyond which trigram evidence is not computed. */
  static final float DECISIVE = 2.5f;

  /** Evidence of a word that only one language's lexicon contains. */
  static final float LEXICON_CUE = 0.6f;

  /** At most this many words get trigram evidence. */
  static final int MAX_TRIGRAM_WORDS = 5;

  private final Lexicon lex;
  private final TrigramModel trigrams;

  LanguageDetector(Lexicon lex) {
    this.lex = lex;
    this.trigrams = TrigramModel.build(lex);
  }

  /** "es", "en" or "und". */
  public String detect(String text) {
    List<Token> tokens = Tokenizer.tokenize(text, lex);
    for (Token t : tokens) {
      if (t.type == Token.WORD || t.type == Token.HASHTAG) {
        t.entry = lex.get(t.key);
      }
    }
    return name(detect(text, tokens));
  }

  /** Undetermined, but English evidence outweighs Spanish: score with English rules. */
  static final int UND_EN = -3;

  /** Undetermined, but Spanish evidence outweighs English: score with Spanish rules. */
  static final int UND_ES = -4;

  /** Language whose rules score a text of detected language {@code lang}. */
  static int rules(int lang) {
    return lang == UND_EN ? Entry.EN : lang == UND_ES ? Entry.ES : lang;
  }

  static String name(int lang) {
    return lang == ES ? "es" : lang == EN ? "en" : "und";
  }

  /**
   * Entry.ES, Entry.EN, or an undetermined code (-1, {@link #UND_EN}, {@link #UND_ES}), from tokens
   * whose base entries are already looked up.
   */
  int detect(String text, List<Token> tokens) {
    float[] score = new float[NLANG];
    int words = 0;
    int unknown = 0;
    for (int i = 0, nt = tokens.size(); i < nt; i++) {
      Token t = tokens.get(i);
      if (t.type != Token.WORD) {
        if (t.type == Token.OPEN_MARK) {
          score[ES] += 1.5f;
        }
        continue;
      }
      if (t.keyLength == 0 || t.digitFirst) {
        continue;
      }
      words++;
      Entry e = t.entry;
      if (e != null && e.langWeights != null) {
        float[] w = e.langWeights;
        for (int l = 0; l < NLANG; l++) {
          score[l] += w[l];
        }
      } else if (t.keyLength >= 3) {
        // a word only one language's lexicon or stop list knows ("pésimo", "awesome")
        boolean es = e != null && (!Float.isNaN(e.val(Entry.ES)) || e.has(Entry.STOP, Entry.ES));
        boolean en = e != null && (!Float.isNaN(e.val(Entry.EN)) || e.has(Entry.STOP, Entry.EN));
        if (es != en) {
          score[es ? ES : EN] += LEXICON_CUE;
        } else {
          unknown++;
        }
        if (t.keyLength >= 5) {
          suffixCues(t.key, score);
        }
      }
      if (t.nonAscii) {
        charCues(t.raw(), score);
      }
    }
    // character trigrams of the remaining words, only when the cheap evidence is not decisive
    if (unknown > 0 && Math.abs(score[ES] - score[EN]) < DECISIVE) {
      int budget = MAX_TRIGRAM_WORDS;
      for (int i = 0, nt = tokens.size(); i < nt && budget > 0; i++) {
        Token t = tokens.get(i);
        if (t.type == Token.WORD
            && (t.entry == null || t.entry.langWeights == null && !oneLanguage(t.entry))
            && t.keyLength >= 3
            && !t.digitFirst) {
          budget--;
          float d = trigrams.esMinusEn(t.key);
          if (d > 0) {
            score[ES] += Math.min(d, 0.6f);
          } else {
            score[EN] += Math.min(-d, 0.6f);
          }
        }
      }
    }
    int best = 0;
    for (int l = 1; l < NLANG; l++) {
      if (score[l] > score[best]) {
        best = l;
      }
    }
    int lean = score[EN] > score[ES] ? UND_EN : score[ES] > score[EN] ? UND_ES : -1;
    if (words == 0 || score[best] < MIN_SCORE || (best != ES && best != EN)) {
      return best == ES || best == EN ? lean : -1;
    }
    int second = best == ES ? EN : ES;
    float other = 0;
    for (int l = 2; l < NLANG; l++) {
      other = Math.max(other, score[l]);
    }
    // a close call with another language (or between es and en) with little evidence: und
    if (other > 0.8f * score[best] && score[best] < 3f) {
      return -1;
    }
    if (score[second] > 0.9f * score[best] && score[best] < 2f) {
      return lean;
    }
    return best;
  }

  private static boolean oneLanguage(Entry e) {
    boolean es = !Float.isNaN(e.val(Entry.ES)) || e.has(Entry.STOP, Entry.ES);
    boolean en = !Float.isNaN(e.val(Entry.EN)) || e.has(Entry.STOP, Entry.EN);
    return es != en;
  }

  private static void suffixCues(String k, float[] s) {
    int n = k.length();
    if (n < 5) {
      return;
    }
    switch (k.charAt(n - 1)) { // dispatch on the last letter first: this runs for every word
      case 'n' -> {
        if (k.endsWith("cion")) {
          s[ES] += 0.5f;
        } else if (k.endsWith("tion")) {
          s[EN] += 0.5f;
        }
      }
      case 's' -> {
        if (k.endsWith("ciones")) {
          s[ES] += 0.5f;
        } else if (k.endsWith("ness")) {
          s[EN] += 0.5f;
        }
      }
      case 'e' -> {
        if (k.endsWith("mente")) {
          s[ES] += 0.5f;
        }
      }
      case 'g' -> {
        if (k.endsWith("ing")) {
          s[EN] += 0.5f;
        }
      }
      case 'y' -> {
        if (k.charAt(n - 2) == 'l') {
          s[EN] += 0.5f;
        }
      }
      case 'o', 'a' -> {
        char c2 = k.charAt(n - 2);
        char c3 = k.charAt(n - 3);
        if (c2 == 'd' && (c3 == 'a' || c3 == 'i')) {
          s[ES] += 0.3f;
        }
      }
      default -> {}
    }
  }

  private static void charCues(String raw, float[] s) {
    for (int i = 0; i < raw.length(); i++) {
      switch (Character.toLowerCase(raw.charAt(i))) {
        case 'ñ' -> s[ES] += 1.0f;
        case 'á', 'í', 'ó', 'ú' -> s[ES] += 0.3f;
        case 'é' -> {
          s[ES] += 0.15f;
          s[3] += 0.15f;
        }
        case 'ã', 'õ' -> s[2] += 1.0f;
        case 'ç' -> {
          s[2] += 0.5f;
          s[3] += 0.5f;
        }
        case 'â', 'ê', 'ô' -> {
          s[2] += 0.4f;
          s[3] += 0.4f;
        }
        case 'à', 'è', 'ù', 'œ', 'î', 'û', 'ë', 'ï' -> s[3] += 0.8f;
        case 'ä', 'ö', 'ß' -> s[4] += 1.0f;
        case 'ü' -> {
          s[4] += 0.6f;
        }
        case 'ì', 'ò' -> s[5] += 0.8f;
        case 'ł',
                'ę',
                'ą',
                'ś',
                'ż',
                'ź',
                'ć',
                'ń',
                'ő',
                'ű',
                'ø',
                'å',
                'æ',
                'ş',
                'ğ',
                'ı',
                'č',
                'š',
                'ž',
                'ř',
                'ů',
                'ě',
                'ý',
                'ț',
                'ș',
                'ă',
                'đ',
                'þ',
                'ð' ->
            s[OTHER] += 0.8f;
        default -> {
          char c = raw.charAt(i);
          if (c >= 0x0370 && Character.isLetter(c)) {
            s[OTHER] += 1.0f; // Greek, Cyrillic, Arabic, Hebrew, Asian scripts ...
          }
        }
      }
    }
  }
}
