package io.rapport.text;

import java.util.List;
import java.util.Set;

/**
 * Comparisons between two named parties: "Vela es mucho mejor que @lumen", "Lumen is way worse than
 * Vela", "superior a #Lumen", "mejor Vela que Lumen", "Vela supera a Lumen", "Vela beats Lumen".
 * What the comparison's sentence says of its subject it says the other way round of the party after
 * "que"/"than"/"a"/"to" (the comparison's object): see {@link TextAnalyzer#analyzeAsCompared}. No
 * comparison where nothing compares: "no hay nada mejor que Lumen", "nothing beats Lumen", "mejor
 * que Lumen no hay". Stateless.
 */
final class Comparisons {
  private Comparisons() {}

  /** The words that may open a comparison. */
  static final String[] COMPARATIVES = {
    "mejor",
    "peor",
    "better",
    "worse",
    "superior",
    "inferior",
    "supera",
    "superan",
    "beats",
    "outperforms"
  };

  /**
   * Marks the comparatives' entries (creating them where the lexicon has none), so that finding a
   * comparison costs one field read per word. Before the lexicon is frozen.
   */
  static void mark(Lexicon lex) {
    for (String w : COMPARATIVES) {
      lex.entry(w).comparative = true;
    }
  }

  /**
   * Sets the first comparison's object and sentence in {@code a} ({@link Analysis#comparedWith},
   * {@link Analysis#comparisonSentence}), or clears them when the text makes none.
   */
  static void find(List<Token> tokens, Analysis a) {
    a.comparedWith = null;
    a.comparisonSentence = -1;
    int n = tokens.size();
    for (int i = 0; i + 1 < n; i++) {
      Token t = tokens.get(i);
      if (t.type != Token.WORD || t.entry == null || !t.entry.comparative) {
        continue;
      }
      Token linker = tokens.get(i + 1);
      int after = i + 2;
      if (t.baseKey().equals("beats") || t.baseKey().equals("outperforms")) {
        after = i + 1; // "Lumen beats @vela every time"
      } else if (linker.type != Token.WORD || !links(t.baseKey(), linker.baseKey())) {
        // Spanish puts the subject between: "mejor Lumen que @vela", "peor servicio que Vela"
        if (i + 3 < n
            && isNamed(linker)
            && tokens.get(i + 2).type == Token.WORD
            && tokens.get(i + 2).baseKey().equals("que")
            && (t.baseKey().equals("mejor") || t.baseKey().equals("peor"))) {
          after = i + 3;
        } else {
          continue;
        }
      }
      if (opensClause(tokens, i)) {
        continue; // "es mejor que @lumen me devuelva el dinero": no comparison of lumen
      }
      if (nothing(tokens, i)) {
        continue; // "no hay nada mejor que @lumen", "nothing is better than Lumen": praise of it
      }
      int at = after;
      if (at < n && tokens.get(at).type == Token.WORD && isArticle(tokens.get(at).baseKey())) {
        at++; // "mejor que la de @vela" is beyond this; "mejor que el Lumen" is not
      }
      if (at >= n) {
        return;
      }
      String object = tokens.get(at).partyName(false);
      if (object != null && !noneAfter(tokens, at + 1)) {
        a.comparedWith = object;
        a.comparisonSentence = t.sentence;
      }
      return;
    }
  }

  /**
   * Whether {@code comparative linker} opens a comparison's object ("mejor que", "worse than",
   * "supera a").
   */
  private static boolean links(String comparative, String linker) {
    switch (comparative) {
      case "mejor", "peor" -> {
        return linker.equals("que");
      }
      case "better", "worse" -> {
        return linker.equals("than");
      }
      case "superior", "inferior", "supera", "superan" -> {
        return linker.equals("a") || linker.equals("al") || linker.equals("to");
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Whether one of the two words before the comparative at {@code i} says that nothing compares:
   * "nada", "nadie", "ninguno", "nothing", "nobody", "none", "no one" ("nothing beats Lumen", "nada
   * supera a Lumen").
   */
  private static boolean nothing(List<Token> tokens, int i) {
    for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
      Token t = tokens.get(j);
      if (t.type != Token.WORD) {
        return false;
      }
      switch (t.baseKey()) {
        case "nada", "nadie", "ninguno", "ninguna", "ningun", "nothing", "nobody", "none" -> {
          return true;
        }
        case "one" -> {
          if (j > 0 && tokens.get(j - 1).type == Token.WORD && tokens.get(j - 1).key.equals("no")) {
            return true;
          }
        }
        default -> {}
      }
    }
    return false;
  }

  /**
   * Whether the words after the object say that nothing compares to it: "mejor que @lumen no hay",
   * "mejor que Lumen, ninguno", "better than Lumen? None".
   */
  private static boolean noneAfter(List<Token> tokens, int from) {
    for (int j = from; j < tokens.size() && j <= from + 2; j++) {
      Token t = tokens.get(j);
      if (t.type == Token.WORD) {
        return switch (t.baseKey()) {
          case "nada", "nadie", "ninguno", "ninguna", "ningun", "none", "nothing" -> true;
          case "no" -> // "no hay", not "Lumen, no lo recomiendo"
              j + 1 < tokens.size()
                  && tokens.get(j + 1).type == Token.WORD
                  && tokens.get(j + 1).baseKey().equals("hay");
          default -> false;
        };
      }
    }
    return false;
  }

  /**
   * The valence of "beats" and "outperforms" when they compare with a named party ("Vela beats
   *
   * @lumen", "Vela outperforms Lumen on price"), as the lexicon gives "supera": they have none
   *     elsewhere ("my heart beats faster", "he beats the deadline").
   */
  static final float BEATS_VALENCE = 1.6f;

  /**
   * Whether token {@code i} is "beats" or "outperforms" followed directly by a named party (a
   * handle, a hashtag or a capitalized word: brands take no article, and "that beats the
   * Kreayshawn…" is no praise), and nothing says that nothing compares ("Nothing beats Lumen" is a
   * lexicon phrase of its own).
   */
  static boolean beatsNamed(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    String k = t.baseKey();
    if (!k.equals("beats") && !k.equals("outperforms")) {
      return false;
    }
    int at = i + 1;
    int n = tokens.size();
    if (at >= n) {
      return false;
    }
    Token o = tokens.get(at);
    boolean named =
        o.type == Token.HANDLE || o.type == Token.HASHTAG || o.type == Token.WORD && o.upperFirst;
    return named && !nothing(tokens, i) && !noneAfter(tokens, at + 1);
  }

  /** Spanish clitic pronouns that start the clause after "mejor que" ("… que me devuelvan"). */
  private static final Set<String> CLITICS = Set.of("me", "te", "se", "nos", "os", "le", "les");

  /**
   * Whether the comparative at {@code i} opens a clause instead of a comparison: "mejor que" or
   * "peor que", then a clitic pronoun, directly or after one party (a handle, a hashtag, a
   * capitalized or unknown word) and an optional "no": "es mejor que me devuelvan el dinero",
   * "mejor que @lumen me lo arregle hoy", "peor que Lumen no te conteste". What is better there is
   * that something happens: the word compares no one and says nothing good or bad itself ({@link
   * SentimentScorer} gives it no valence).
   */
  static boolean opensClause(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.type != Token.WORD || t.entry == null || !t.entry.comparative) {
      return false;
    }
    String k = t.baseKey();
    int n = tokens.size();
    if (!(k.equals("mejor") || k.equals("peor"))
        || i + 2 >= n
        || !isWord(tokens.get(i + 1), "que")) {
      return false;
    }
    int j = i + 2;
    if (isClitic(tokens.get(j))) {
      return true;
    }
    Token party = tokens.get(j);
    if (party.type == Token.HANDLE
        || party.type == Token.HASHTAG
        || party.type == Token.WORD && (party.upperFirst || party.entry == null)) {
      j++;
    } else {
      return false;
    }
    if (j < n && isWord(tokens.get(j), "no")) {
      j++;
    }
    return j < n && isClitic(tokens.get(j));
  }

  private static boolean isWord(Token t, String w) {
    return t.type == Token.WORD && t.baseKey().equals(w);
  }

  private static boolean isClitic(Token t) {
    return t.type == Token.WORD && CLITICS.contains(t.baseKey());
  }

  private static boolean isNamed(Token t) {
    return t.type == Token.HANDLE || t.type == Token.HASHTAG || t.type == Token.WORD;
  }

  private static boolean isArticle(String w) {
    return w.equals("el")
        || w.equals("la")
        || w.equals("los")
        || w.equals("las")
        || w.equals("the");
  }
}
