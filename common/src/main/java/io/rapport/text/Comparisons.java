package io.rapport.text;

import java.util.List;
import java.util.Set;

/**
 * Comparisons between two named parties: "Vela es mucho mejor que @lumen", "Lumen is way worse than
 * Vela", "superior a #Lumen", "mejor Vela que Lumen", "Vela supera a Lumen", "Vela beats Lumen".
 * What the comparison's sentence says of its subject it says the other way round of the party after
 * "que"/"than"/"a"/"to" (the comparison's object): see {@link TextAnalyzer#analyzeAsCompared}; a
 * party held up as another's model is the object of a put-down of the other ({@link #LEARNING}). No
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
    "outperforms",
    "wins",
    "gana"
  };

  /**
   * Phrases that hold the party after them up as the model of the one before ("@vela could learn a
   * thing or two from @lumen", "@vela debería aprender de @lumen"): a comparison whose object is
   * that model. Followed by a party, the phrase is a put-down of the other ({@link
   * #LEARNING_VALENCE}), and so the model, reading it the other way round, reads praise; without
   * one ("podría aprender de mis errores") it says nothing. Folded words; the party comes right
   * after the phrase (an article may come between). "Why can't @vela be more like @lumen" is left
   * out: its negator would turn the put-down round.
   */
  static final String[][] LEARNING = {
    {"could", "learn", "a", "thing", "or", "two", "from"},
    {"should", "learn", "a", "thing", "or", "two", "from"},
    {"could", "learn", "from"},
    {"should", "learn", "from"},
    {"need", "to", "learn", "from"},
    {"needs", "to", "learn", "from"},
    {"could", "take", "notes", "from"},
    {"should", "take", "notes", "from"},
    {"deberia", "aprender", "de"},
    {"deberian", "aprender", "de"},
    {"podria", "aprender", "de"},
    {"podrian", "aprender", "de"},
    {"tiene", "que", "aprender", "de"},
    {"tienen", "que", "aprender", "de"},
    {"tiene", "mucho", "que", "aprender", "de"},
    {"tienen", "mucho", "que", "aprender", "de"},
    {"deberia", "tomar", "nota", "de"},
    {"deberian", "tomar", "nota", "de"},
    {"parecerse", "mas", "a"},
    {"aprendiera", "de"},
    {"aprendieran", "de"}
  };

  /**
   * Marks the comparatives' entries and the first words of {@link #LEARNING} (creating entries
   * where the lexicon has none), so that finding a comparison costs one field read per word. Before
   * the lexicon is frozen.
   */
  static void mark(Lexicon lex) {
    for (String w : COMPARATIVES) {
      lex.entry(w).comparative = true;
    }
    for (String[] p : LEARNING) {
      lex.entry(p[0]).learning = true;
    }
    for (String w : PREFERS) {
      lex.entry(w).prefers = true;
    }
    lex.entry("que").degreeLinker = true;
    lex.entry("than").degreeLinker = true;
    for (String w : COMPARED) {
      lex.entry(w).degreeLinker = true;
    }
  }

  /** Verbs of preference: see {@link #preferredOver}. */
  static final String[] PREFERS = {
    "prefiero", "preferimos", "prefiere", "prefieren", "prefer", "prefers", "preferred"
  };

  /**
   * The index of the party a verb of preference at word token {@code i} prefers another to, or -1:
   * "Prefiero Lumen antes que Vela", "prefiero mil veces Lumen a @vela", "I prefer Lumen over
   * Vela", "prefer @lumen to #vela". The preferred party is a handle, a hashtag or a capitalized
   * word within three tokens of the verb; then "a", "al", "antes que", "que", "over", "to" or
   * "than", an optional article, and the other party, named the same way. The verb then praises the
   * first ({@link #BEATS_VALENCE}) and the other reads it the other way round; without two parties
   * ("prefiero no opinar", "I prefer email") it says nothing.
   */
  static int preferredOver(List<Token> tokens, int i) {
    int n = tokens.size();
    int first = -1;
    for (int j = i + 1; j < n && j <= i + 3; j++) {
      Token t = tokens.get(j);
      if (t.type == Token.BOUND || t.sentenceEnd) {
        return -1;
      }
      if (isParty(t)) {
        first = j;
        break;
      }
    }
    if (first < 0 || first + 2 >= n) {
      return -1;
    }
    int at = first + 1;
    Token l = tokens.get(at);
    if (l.type != Token.WORD) {
      return -1;
    }
    String k = l.baseKey();
    if (k.equals("antes") && isWord(tokens.get(at + 1), "que")) {
      at += 2;
    } else if (k.equals("a")
        || k.equals("al")
        || k.equals("que")
        || k.equals("over")
        || k.equals("to")
        || k.equals("than")) {
      at++;
    } else {
      return -1;
    }
    if (at < n && tokens.get(at).type == Token.WORD && isArticle(tokens.get(at).baseKey())) {
      at++;
    }
    return at < n && isParty(tokens.get(at)) ? at : -1;
  }

  /**
   * A statement of loyalty: a negator, a verb of leaving and the party not left ("No cambio Lumen
   * por nada", "no me cambio de @lumen ni loco", "I'd never trade Lumen for anything", "I would not
   * switch from Lumen"): {@code end} is the index after it, {@code object} that of the party it is
   * not left for ("No cambio Lumen por Vela": vela), or -1.
   */
  record Loyalty(int end, int object) {}

  /** Valence of a {@link Loyalty}: praise of the party not left, as strong as "lo recomiendo". */
  static final float LOYALTY_VALENCE = 2.0f;

  private static final Set<String> LEAVING =
      Set.of(
          "cambio",
          "cambiaria",
          "cambiare",
          "cambiamos",
          "dejo",
          "dejaria",
          "dejare",
          "trade",
          "swap",
          "switch",
          "leave",
          "exchange");

  /** Words between the negator and the verb: "no me cambio", "I would never ever trade". */
  private static final Set<String> BEFORE_LEAVING = Set.of("me", "nos", "ever", "would", "will");

  private static final Set<String> NOTHING_ELSE =
      Set.of("nada", "nadie", "ninguno", "ninguna", "nothing", "anything", "anyone", "anybody");

  /** "ni loco", "ni muerta": a refusal's emphasis, part of the statement. */
  private static final Set<String> NOT_EVEN = Set.of("loco", "loca", "muerto", "muerta");

  /**
   * The {@link Loyalty} whose negator is word token {@code i}, or null. The party is a handle, a
   * hashtag or a capitalized word; after "por"/"for" comes what it is not left for, nothing else
   * ("nada", "anything", "nada del mundo") or another party; a refusal's emphasis may close it ("ni
   * loco", "ni de coña"). "No dejo de recomendar Lumen" and "no cambio de compañía" are none.
   */
  static Loyalty loyalty(List<Token> tokens, int i) {
    int n = tokens.size();
    int j = i + 1;
    while (j < n && j <= i + 2 && isWordIn(tokens.get(j), BEFORE_LEAVING)) {
      j++;
    }
    if (j >= n || !isWordIn(tokens.get(j), LEAVING)) {
      return null;
    }
    boolean shouted = tokens.get(j).caps; // "YOU CAN NEVER LEAVE LMAO": no capital names a party
    j++;
    if (j < n && (isWord(tokens.get(j), "de") || isWord(tokens.get(j), "from"))) {
      j++;
    }
    if (j >= n || !isParty(tokens.get(j)) || shouted && tokens.get(j).type == Token.WORD) {
      return null;
    }
    j++;
    int object = -1;
    if (j + 1 < n && (isWord(tokens.get(j), "por") || isWord(tokens.get(j), "for"))) {
      Token what = tokens.get(j + 1);
      if (isWordIn(what, NOTHING_ELSE)) {
        j += 2;
        if (j + 1 < n && isWord(tokens.get(j), "del") && isWord(tokens.get(j + 1), "mundo")) {
          j += 2;
        }
      } else if (j + 2 < n && isWord(what, "the") && isWord(tokens.get(j + 2), "world")) {
        j += 3; // "for the world"
      } else if (isParty(what)) {
        object = j + 1;
        j += 2;
      } else {
        return null; // "no cambio Lumen por el precio que tiene": no statement of loyalty
      }
    }
    if (j + 1 < n && isWord(tokens.get(j), "ni")) {
      if (isWordIn(tokens.get(j + 1), NOT_EVEN)) {
        j += 2;
      } else if (j + 2 < n
          && isWord(tokens.get(j + 1), "de")
          && (isWord(tokens.get(j + 2), "cona") || isWord(tokens.get(j + 2), "broma"))) {
        j += 3;
      }
    }
    return new Loyalty(j, object);
  }

  private static boolean isWordIn(Token t, Set<String> words) {
    return t.type == Token.WORD && words.contains(t.baseKey());
  }

  /** Valence of a {@link #LEARNING} phrase followed by a party: a put-down of the other party. */
  static final float LEARNING_VALENCE = -1.5f;

  /**
   * The index of the party a {@link #LEARNING} phrase starting at word token {@code i} holds up as
   * a model ("@lumen" in "could learn from @lumen": a handle, hashtag or capitalized word), or -1.
   */
  static int modelAt(List<Token> tokens, int i) {
    int end = learningEnd(tokens, i);
    return end < 0 ? -1 : modelAfter(tokens, end);
  }

  /**
   * The index of the model right after a {@link #LEARNING} phrase that ends at {@code end}, or -1.
   */
  static int modelAfter(List<Token> tokens, int end) {
    int n = tokens.size();
    int at = end;
    if (at < n && tokens.get(at).type == Token.WORD && isArticle(tokens.get(at).key)) {
      at++;
    }
    return at < n && tokens.get(at).partyName(true) != null ? at : -1;
  }

  /**
   * The index after the {@link #LEARNING} phrase starting at word token {@code i}, or -1 (handles
   * do not come between its words).
   */
  static int learningEnd(List<Token> tokens, int i) {
    int n = tokens.size();
    for (String[] p : LEARNING) {
      if (i + p.length > n) {
        continue;
      }
      int k = 0;
      while (k < p.length) {
        Token w = tokens.get(i + k);
        if (w.type != Token.WORD || !(w.key.equals(p[k]) || w.baseKey().equals(p[k]))) {
          break;
        }
        k++;
      }
      if (k == p.length) {
        return i + k;
      }
    }
    return -1;
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
      if (t.type == Token.GREATER && greaterBetween(tokens, i)) {
        a.comparedWith = tokens.get(i + 1).partyName(true); // "Lumen > @vela": vela
        a.comparisonSentence = t.sentence;
        return;
      }
      if (t.type != Token.WORD || t.entry == null) {
        continue;
      }
      // "@vela could learn from @lumen", "Prefiero Lumen antes que Vela", "más caro que Vela"
      int party = t.entry.learning ? modelAt(tokens, i) : -1;
      if (party < 0 && t.entry.has(Entry.NEG, -1)) {
        Loyalty loyal = loyalty(tokens, i); // "No cambio Lumen por Vela"
        party = loyal == null ? -1 : loyal.object();
      }
      if (party < 0 && t.entry.prefers) {
        party = preferredOver(tokens, i);
      }
      if (party < 0 && t.entry.degreeLinker) {
        party = degreeObject(tokens, i);
      }
      if (party >= 0) {
        a.comparedWith = tokens.get(party).partyName(true);
        a.comparisonSentence = t.sentence;
        return;
      }
      if (!t.entry.comparative) {
        continue;
      }
      int l = i + 1;
      if (t.baseKey().equals("wins")
          && l + 2 < n
          && isWord(tokens.get(l), "hands")
          && isWord(tokens.get(l + 1), "down")) {
        l += 2; // "Lumen wins hands down over Vela"
      }
      Token linker = tokens.get(l);
      int after = l + 1;
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
   * The index of the object of a comparison of degree whose "que" or "than" is token {@code i}, or
   * whose {@link #COMPARED} word is ("compared to Lumen", "comparado con @lumen"), or -1: "más caro
   * que Vela", "cobra más que Vela", "menos fiable que @vela", "more reliable than Vela", "costs
   * more than Vela", "faster than @vela" (an English comparative in "-er"). Up to two words between
   * "más"/"more" and the linker, words only. The object is a handle, a hashtag or a capitalized
   * word, after an optional article: "más que nunca", "more than enough" and "faster than the rest"
   * compare no party (nor does a brand's name written in lower case). Nor do "nada más rápido que
   * Lumen" and "nothing is faster than Lumen" (praise of it), "rather than" and "other than".
   * "Mejor que" and "better than" are {@link #COMPARATIVES}.
   */
  static int degreeObject(List<Token> tokens, int i) {
    int n = tokens.size();
    String linker = tokens.get(i).baseKey();
    if (COMPARED_SET.contains(linker)) {
      int at = i + 1;
      if (at < n && isWord(tokens.get(at), "to")
          || at < n && isWord(tokens.get(at), "with")
          || at < n && isWord(tokens.get(at), "con")) {
        return partyAfter(tokens, at + 1);
      }
      return -1;
    }
    boolean than = linker.equals("than");
    int degree = -1;
    for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
      Token w = tokens.get(j);
      if (w.type != Token.WORD) {
        break;
      }
      String k = w.baseKey();
      if (than ? k.equals("more") || k.equals("less") : k.equals("mas") || k.equals("menos")) {
        degree = j;
        break;
      }
    }
    if (degree < 0 && than && i > 0) {
      Token w = tokens.get(i - 1);
      String k = w.key;
      if (w.type == Token.WORD
          && k.length() >= 5
          && k.endsWith("er")
          && !k.equals("rather")
          && !k.equals("other")
          && !k.equals("never")
          && !k.equals("whether")) {
        degree = i - 1; // "faster than", "cheaper than"
      }
    }
    if (degree < 0 || nothing(tokens, degree)) {
      return -1;
    }
    return partyAfter(tokens, i + 1);
  }

  /**
   * The index of the party at {@code at}, after an optional article (a handle, a hashtag or a
   * capitalized word, not "I"), or -1; -1 too when the words after it say that nothing compares.
   */
  private static int partyAfter(List<Token> tokens, int at) {
    int n = tokens.size();
    if (at < n && tokens.get(at).type == Token.WORD && isArticle(tokens.get(at).baseKey())) {
      at++;
    }
    return at < n && isParty(tokens.get(at)) && !noneAfter(tokens, at + 1) ? at : -1;
  }

  /**
   * Words that bring in the object of a comparison with "to", "with" or "con" after them: "Vela's
   * support is a joke compared to Lumen", "comparado con @lumen", "en comparación con Lumen", "in
   * comparison with Lumen".
   */
  static final String[] COMPARED = {
    "compared", "comparado", "comparada", "comparados", "comparadas", "comparacion", "comparison"
  };

  private static final Set<String> COMPARED_SET = Set.of(COMPARED);

  /**
   * Whether token {@code t} names a party: a handle, a hashtag or a capitalized word, but not "I",
   * "I'd", "I'm" ("more times than I'd care to count").
   */
  static boolean isParty(Token t) {
    String p = t.partyName(true);
    return p != null && !p.equals("i") && !p.startsWith("i'");
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
      case "wins" -> {
        return linker.equals("over") || linker.equals("against"); // "Lumen wins over Vela"
      }
      case "gana" -> {
        return linker.equals("a") || linker.equals("al"); // "Lumen le gana a Vela"
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
   * Whether the '>' run at token {@code i} stands between two named parties, a handle, hashtag or
   * capitalized word on each side ("Lumen > Vela", "@lumen >>> @vela"): a comparison that praises
   * the first as "beats" does ({@link #BEATS_VALENCE}); "price > quality" and "2 > 1" compare no
   * parties, and a chain ("Play > Stop > Rewind > Repeat") is a sequence of steps.
   */
  static boolean greaterBetween(List<Token> tokens, int i) {
    int n = tokens.size();
    return i > 0
        && i + 1 < n
        && tokens.get(i - 1).partyName(true) != null
        && tokens.get(i + 1).partyName(true) != null
        && !(i >= 2 && tokens.get(i - 2).type == Token.GREATER)
        && !(i + 2 < n && tokens.get(i + 2).type == Token.GREATER);
  }

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
