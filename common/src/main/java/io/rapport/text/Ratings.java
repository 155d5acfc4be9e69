package io.rapport.text;

import java.util.List;
import java.util.Set;

/**
 * Scores that customers give: "10/10", "0/10 would not recommend", "le pongo un 2 de 10", "4/5", "a
 * 3 out of 10", "1 estrella", "5 stars", with tenths too ("8.5/10", "un 4,5 de 5"). A rating reads
 * as a sentiment word whose valence grows with the score ({@link Rating#valence}); negation before
 * it applies ("no es un 10/10"). A number that is a proportion ("9 out of 10 have less", "3 de 10
 * clientes"), a date ("el 5/10 me llegó", "llega el 4/5.", "1/10/2024") or a class ("a 5 star
 * hotel") is no rating: after the rating comes the end of the text, a mark, an emoji, a handle, or
 * a word of {@link #AFTER}; a "de" or "out of" rating also needs a word of {@link #BEFORE} or no
 * word before it.
 */
final class Ratings {
  private Ratings() {}

  /** Words that may follow a rating ("10/10 would order again", "un 2 de 10 para Lumen"). */
  static final Set<String> AFTER =
      Set.of("would", "will", "para", "pa", "a", "al", "for", "to", "sin", "without", "y", "and");

  /**
   * Words after which "N de D" and "N out of D" are ratings ("un 2 de 10", "le doy un 3 de 10",
   * "I'd give it a 3 out of 10", "rated 4 out of 5"); "like 8 out of 10, he's white" is a
   * proportion.
   */
  static final Set<String> BEFORE =
      Set.of(
          "un",
          "una",
          "a",
          "nota",
          "puntuacion",
          "pongo",
          "doy",
          "damos",
          "ponemos",
          "it",
          "them",
          "rate",
          "rated",
          "rating",
          "score",
          "solid",
          "strong",
          "easy",
          "honest",
          "honestly",
          "sinceramente",
          "solo",
          "only",
          "just");

  private static final Set<String> STARS = Set.of("estrella", "estrellas", "star", "stars");

  /** Words after which "N/D" is a date ("llega el 4/5.", "del 1/10", "on 4/5"). */
  static final Set<String> DATE_BEFORE =
      Set.of(
          "el", "del", "al", "desde", "hasta", "dia", "fecha", "on", "the", "from", "until", "by",
          "date", "since");

  /**
   * A rating: the tokens it spans, and its valence, from -3.3 (none out of ten) through -0.3 (five
   * out of ten) to +2.7 (full marks), linear in the score's share.
   */
  record Rating(int span, float valence) {}

  /** The rating starting at word token {@code i}, or null when none starts there. */
  static Rating at(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    int n = number(t);
    if (n < 0 || i + 1 >= tokens.size()) {
      return null;
    }
    if (t.start >= 2) {
      char before = t.text.charAt(t.start - 1);
      if ((before == '/' || before == '.' || before == ',')
          && Character.isDigit(t.text.charAt(t.start - 2))) {
        return null; // "2024/5/10", the "5" of "8.5/10"
      }
    }
    float score = n;
    int j = i + 1; // the token after the score
    int tenths = decimal(tokens, i);
    if (tenths >= 0) {
      score += tenths / 10f; // "8.5/10", "un 4,5 de 5"
      j = i + 3;
      if (j >= tokens.size()) {
        return null;
      }
    }
    Token last = tokens.get(j - 1); // the score's last token
    Token next = tokens.get(j);
    int end; // index after the rating's last token
    int denominator;
    if (next.type == Token.BOUND && next.start == last.end && t.text.charAt(last.end) == '/') {
      Token d = j + 1 < tokens.size() ? tokens.get(j + 1) : null;
      if (d == null || d.start != next.start + 1) {
        return null;
      }
      denominator = number(d);
      end = j + 2;
      if (i > 0
          && tokens.get(i - 1).type == Token.WORD
          && DATE_BEFORE.contains(tokens.get(i - 1).key)) {
        return null; // "llega el 4/5.": a date
      }
    } else if (next.type == Token.WORD && STARS.contains(next.key)) {
      denominator = score <= 5 ? 5 : -1;
      end = j + 1;
    } else {
      int at;
      if (next.type == Token.WORD && next.key.equals("de")) {
        at = j + 1;
      } else if (next.type == Token.WORD
          && next.key.equals("out")
          && j + 1 < tokens.size()
          && tokens.get(j + 1).type == Token.WORD
          && tokens.get(j + 1).key.equals("of")) {
        at = j + 2;
      } else {
        return null;
      }
      if (at >= tokens.size() || !ratedBefore(tokens, i)) {
        return null;
      }
      denominator = number(tokens.get(at));
      end = at + 1;
    }
    if (denominator != 5 && denominator != 10 || score > denominator || !endsRating(tokens, end)) {
      return null;
    }
    return new Rating(end - i, (score / denominator - 0.55f) * 6f);
  }

  /**
   * The tenths of a score written with a decimal point or comma right after word token {@code i}
   * ("8.5", "4,5": 5), or -1.
   */
  private static int decimal(List<Token> tokens, int i) {
    if (i + 2 >= tokens.size()) {
      return -1;
    }
    Token t = tokens.get(i);
    Token mark = tokens.get(i + 1);
    Token d = tokens.get(i + 2);
    if (mark.type != Token.BOUND || mark.start != t.end || d.start != t.end + 1) {
      return -1;
    }
    char c = t.text.charAt(t.end);
    return (c == '.' || c == ',') && d.keyLength == 1 ? number(d) : -1;
  }

  /** The value of a token of one or two digits, else -1. */
  private static int number(Token t) {
    if (t.type != Token.WORD || !t.digitFirst || t.keyLength > 2) {
      return -1;
    }
    String k = t.key;
    int v = 0;
    for (int j = 0; j < k.length(); j++) {
      char c = k.charAt(j);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean ratedBefore(List<Token> tokens, int i) {
    if (i == 0) {
      return true;
    }
    Token b = tokens.get(i - 1);
    return b.type != Token.WORD || BEFORE.contains(b.key);
  }

  private static boolean endsRating(List<Token> tokens, int end) {
    if (end >= tokens.size()) {
      return true;
    }
    Token a = tokens.get(end);
    if (a.type == Token.BOUND) {
      // "1/10/2024": a date
      return !(a.start == tokens.get(end - 1).end
          && a.text.charAt(a.start) == '/'
          && end + 1 < tokens.size()
          && tokens.get(end + 1).digitFirst);
    }
    return a.type != Token.WORD || AFTER.contains(a.key);
  }
}
