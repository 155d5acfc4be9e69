package io.rapport.text;

/**
 * Everything the analyzer knows about one folded lexicon key (a word, or a phrase when reached
 * through {@link Phrase}): valence and rule roles per language, language-id evidence, and the
 * phrases and intent patterns that start with it. Mutable only while {@link Lexicon} loads.
 */
final class Entry {
  static final int ES = 0;
  static final int EN = 1;

  static final int NEG = 1; // negator: flips the valence of words in its scope
  static final int NEG_WEAK = 1 << 1; // "poco", "barely": weaker flip
  static final int NEVER = 1 << 2; // "nunca", "never": "never so good" intensifies instead
  static final int SO = 1 << 3; // "tan", "so", "such": cancels NEVER's flip
  static final int BUT = 1 << 4; // adversative contrast: the later clause weighs more
  static final int CONCESSIVE = 1 << 5; // "aunque", "although": its own clause weighs less
  static final int STOP = 1 << 6; // stop word (terms)
  static final int DOMAIN = 1 << 7; // customer-service / retail domain word (complaint intent)
  static final int THIS = 1 << 8; // "haven't been this sore": degree, not negated
  static final int UNNEG = 1 << 9; // "no solo", "sin duda": ends the hold of the negator before it
  static final int MARKER = 1 << 10; // "Bueno,", "Well,": opening a sentence, a discourse marker
  static final int MODAL = 1 << 11; // "can't", "couldn't": the negator of "can't thank you enough"

  static final Phrase[] NO_PHRASES = new Phrase[0];

  final String key;
  // per-language fields kept flat (no arrays): one object to touch per lookup
  private float valEs = Float.NaN;
  private float valEn = Float.NaN;
  private float boostEs;
  private float boostEn;
  private int flagsEs;
  private int flagsEn;

  /** Normalized spelling this key stands for ("q" → "que"), or null. */
  Entry alias;

  Phrase[] phrases = NO_PHRASES;

  /** Phrases by their second word (built by {@link #indexPhrases()}), longest first. */
  private java.util.Map<String, Phrase[]> phrasesBySecond;

  /** Language-id evidence per {@link LanguageDetector} language index, or null. */
  float[] langWeights;

  /**
   * A comparative that may open a comparison ("mejor", "worse", "supera"): see {@link Comparisons}.
   */
  boolean comparative;

  /**
   * The first word of a phrase that holds a party up as the model of another ("@vela could learn
   * from @lumen", "@vela debería aprender de @lumen"): see {@link Comparisons#LEARNING}.
   */
  boolean learning;

  /**
   * "que", "than" or a {@link Comparisons#COMPARED} word: the word that may bring in the object of
   * a comparison ("más caro que Vela", "faster than @vela", "compared to Lumen"): see {@link
   * Comparisons#degreeObject}.
   */
  boolean degreeLinker;

  /**
   * A verb of preference ("prefiero", "prefer") that may compare two named parties ("Prefiero Lumen
   * antes que Vela"): see {@link Comparisons#preferredOver}.
   */
  boolean prefers;

  /** Topics this word points to, one bit per {@link Topics#TOPICS} index (0: none). */
  int topics;

  /** Intent patterns whose first token is this key, or null. */
  IntentDetector.Pattern[] intents;

  /**
   * {@link #intents} whose second word is a wildcard or absent, and the others by their second word
   * (built by {@link IntentDetector}): a word of many cues ("me", "no") tries only those that can
   * match the next word.
   */
  IntentDetector.Pattern[] intentsAnySecond;

  java.util.Map<String, IntentDetector.Pattern[]> intentsBySecond;

  Entry(String key) {
    this.key = key;
  }

  float val(int l) {
    return l == ES ? valEs : valEn;
  }

  void setVal(int l, float v) {
    if (l == ES) {
      valEs = v;
    } else {
      valEn = v;
    }
  }

  void setBoost(int l, float b) {
    if (l == ES) {
      boostEs = b;
    } else {
      boostEn = b;
    }
  }

  void addFlags(int l, int f) {
    if (l == ES) {
      flagsEs |= f;
    } else {
      flagsEn |= f;
    }
  }

  /** Valence in language {@code l} (ES, EN) or, for l < 0 (undetermined), English then Spanish. */
  float valence(int l) {
    if (l == ES) {
      return valEs;
    }
    if (l == EN) {
      return valEn;
    }
    return Float.isNaN(valEn) ? valEs : valEn;
  }

  boolean has(int flag, int l) {
    int f = l == ES ? flagsEs : l == EN ? flagsEn : flagsEs | flagsEn;
    return (f & flag) != 0;
  }

  float boost(int l) {
    if (l == ES) {
      return boostEs;
    }
    if (l == EN) {
      return boostEn;
    }
    return boostEn != 0 ? boostEn : boostEs;
  }

  /** True when this entry plays any role in language l (or either language when l < 0). */
  boolean active(int l) {
    return !Float.isNaN(valence(l)) || boost(l) != 0 || has(~0, l);
  }

  /** Indexes the phrases by their second word (after loading, before use). */
  void indexPhrases() {
    if (phrases.length == 0) {
      return;
    }
    java.util.Map<String, java.util.List<Phrase>> m = new java.util.HashMap<>();
    for (Phrase p : phrases) { // already longest first
      m.computeIfAbsent(p.rest[0], k -> new java.util.ArrayList<>()).add(p);
    }
    java.util.Map<String, Phrase[]> idx = new java.util.HashMap<>(m.size() * 2);
    m.forEach((k, v) -> idx.put(k, v.toArray(NO_PHRASES)));
    phrasesBySecond = idx;
  }

  /** Phrases starting with this key whose second word is {@code second}, longest first. */
  Phrase[] phrasesAfter(String second) {
    if (phrasesBySecond == null) {
      return NO_PHRASES;
    }
    Phrase[] p = phrasesBySecond.get(second);
    return p == null ? NO_PHRASES : p;
  }

  /** A multi-word key continuing after this entry's key. */
  static final class Phrase {
    final String[] rest;
    final Entry entry;

    Phrase(String[] rest, Entry entry) {
      this.rest = rest;
      this.entry = entry;
    }
  }
}
