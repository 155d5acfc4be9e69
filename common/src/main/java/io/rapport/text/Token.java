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

  int type;

  /** Text as written (words, hashtags without '#'; the emoji or emoticon itself). */
  String raw;

  /** Lower-cased, accents folded, elongations left as written: the lexicon key. */
  String key;

  /** Lexicon entry for key (after alias resolution), or null. */
  Entry entry;

  boolean caps;
  boolean elongated;
  boolean nonAscii;

  /** Part of a hyphenated compound. */
  boolean compound;

  /** Valence of an emoji or emoticon. */
  float emo;

  /** Sentence number (for intents). */
  int sentence;

  /** 1 when '.', 2 when '?' ends a sentence: set on BOUND/QUEST tokens. */
  boolean sentenceEnd;
}
