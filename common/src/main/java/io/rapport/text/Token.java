package io.rapport.text;

/** One token of a text; created by {@link Tokenizer}, filled in by the analyzer. */
final class Token {
  static final int WORD = 0;
  static final int HASHTAG = 1;
  static final int HANDLE = 2;
  static final int URL = 3;
  static final int EMOJI = 4;
  static final int EMOTICON = 5;
  static final int EXCL = 6;
  static final int QUEST = 7;

  /** Clause or sentence boundary: . , ; : … and line breaks. */
  static final int BOUND = 8;

  /** Spanish opening marks '¿' and '¡' (language evidence; '¿' also gives a QUEST token). */
  static final int OPEN_MARK = 9;

  /** A run of '>' ("Lumen > Vela", "@lumen >>> @vela"): see {@link Comparisons#greaterBetween}. */
  static final int GREATER = 10;

  int type;

  /** The (entity-decoded) text this token is a span of, and the span: see {@link #raw()}. */
  String text;

  int start;
  int end;

  /** {@link #raw()} once built. */
  private String raw;

  /** Lower-cased, accents folded, elongations left as written: the lexicon key. */
  String key;

  /** Length of {@link #key}, and whether its first character is a digit (without reading it). */
  int keyLength;

  boolean digitFirst;

  /** Lexicon entry for key (after alias resolution), or null. */
  Entry entry;

  /** Lexicon entry whose key is exactly {@link #key} (before alias resolution), or null. */
  Entry keyEntry;

  /** A word of two or more characters starting with a letter (ALL-CAPS emphasis counts these). */
  boolean letterWord;

  /** The first character is an upper-case letter (the '@brand' intent wildcard). */
  boolean upperFirst;

  boolean caps;
  boolean elongated;
  boolean nonAscii;

  /** Part of a hyphenated compound. */
  boolean compound;

  /** Valence of an emoji or emoticon. */
  float emo;

  /** Sentence number (for intents). */
  int sentence;

  /** This token ends its sentence ('.', a line break, '…', the last of a run of '!' and '?'). */
  boolean sentenceEnd;

  /** The normalized key: its lexicon entry's (aliases resolved: "q" gives "que"), else its own. */
  String baseKey() {
    return entry != null ? entry.key : key;
  }

  /**
   * The party this token names: a handle or hashtag folded, without its mark ("@Lumen_ES" →
   * "lumen_es"), or a word's key (with {@code capitalizedOnly}, only a capitalized word's: "me voy
   * a Movistar"; else a word of letters); null otherwise.
   */
  String partyName(boolean capitalizedOnly) {
    return switch (type) {
      case HANDLE, HASHTAG -> Lexicon.fold(raw());
      case WORD -> (capitalizedOnly ? upperFirst : letterWord) ? key : null;
      default -> null;
    };
  }

  /** Text as written (words, hashtags without '#'; the emoji or emoticon itself), built lazily. */
  String raw() {
    String r = raw;
    if (r == null) {
      r = text.substring(start, end);
      raw = r;
    }
    return r;
  }

  /** Whether this token's text equals that of {@code o} (no allocation). */
  boolean sameRaw(Token o) {
    int n = end - start;
    return o.end - o.start == n && text.regionMatches(start, o.text, o.start, n);
  }

  /** Back to a fresh token (tokens are reused from one text to the next). */
  Token reset(int type, String text, int start, int end, int sentence) {
    this.type = type;
    this.text = text;
    this.start = start;
    this.end = end;
    this.raw = null;
    this.key = null;
    this.keyLength = 0;
    this.digitFirst = false;
    this.entry = null;
    this.keyEntry = null;
    this.letterWord = false;
    this.upperFirst = false;
    this.caps = false;
    this.elongated = false;
    this.nonAscii = false;
    this.compound = false;
    this.emo = 0f;
    this.sentence = sentence;
    this.sentenceEnd = false;
    return this;
  }
}
