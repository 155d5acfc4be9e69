package io.rapport.text;

/** Weights of the sentiment rules. Package-private: defaults are what the product uses. */
final class Tuning {
  /** compound = S / sqrt(S² + alpha). */
  float alpha = 15f;

  /** Intensifier scalar decay with distance 1, 2, 3. */
  float[] boostDecay = {1f, 0.95f, 0.9f};

  /** Emphasis from an ALL-CAPS word in mixed-case text. */
  float caps = 0.733f;

  /** Emphasis from an elongated word ("geniaaal"). */
  float elongation = 0.3f;

  /** Valence multiplier under negation. */
  float negation = -0.74f;

  /** Valence multiplier under weak negation ("poco", "barely"). */
  float weakNegation = -0.5f;

  /** Valence multiplier of "never so good". */
  float neverSo = 1.25f;

  /** Negation scope in words before the sentiment word: English, Spanish. */
  int scopeEn = 3;

  int scopeEs = 4;

  /** Whether clause punctuation (, ; : ...) ends a negation scope. */
  boolean negationStopsAtPunctuation = true;

  /** Adversatives weigh the whole text before/after them (true) or only their sentence. */
  boolean butGlobal = true;

  /** Split unknown lower-case hashtags into two known words ("#careerfail"). */
  boolean splitHashtags = true;

  /** Before and after an adversative ("pero", "but"). */
  float beforeBut = 0.5f;

  float afterBut = 1.5f;

  /** Inside a concessive clause ("aunque", "although"). */
  float concessive = 0.5f;

  /** Per '!' (at most 4), and per '?' when there are several (at most 3). */
  float exclamation = 0.292f;

  float question = 0.18f;

  /** Sentiment inside a question ("Is it a bad thing?") counts this much. */
  float questionDamp = 0.5f;

  /**
   * Intensifiers that also have a valence ("pretty", "super"): 0 = always intensifiers, 1 =
   * sentiment words unless a sentiment word or intensifier follows, 2 = always sentiment words.
   */
  int boosterValence = 1;

  /**
   * A negator's own valence ("no" -1.2): 0 never counts, 1 only when no word follows, 2 always
   * (unless it negates a sentiment word), 3 not before punctuation ("oh no. there's variety").
   */
  int negatorOwnValence = 2;

  /** Valence weight of a word inside a hyphenated compound ("tax-the-rich"). */
  float compoundPart = 0.5f;

  /** Same emoji repeated in a row: at most this many count. */
  int emojiRepeat = 3;

  /** English valence used in Spanish text for loanwords missing from the Spanish lexicon. */
  float loanword = 0.7f;

  /** Long texts: S × (refWords / words)^lengthPower when words > refWords. */
  float refWords = 14f;

  float lengthPower = 0.5f;

  /** Evidence below this total magnitude is shrunk towards neutral (soft threshold). */
  float deadZone = 0f;
}
