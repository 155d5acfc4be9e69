package io.rapport.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Intent tags beyond polarity, for Spanish and English: complaint, question, recommendation,
 * purchase_intent, churn_threat. Cue phrases ({@code lexicons/intents.tsv}, '*' matches any one
 * word) are matched on folded, normalized words ("q" = "que", accents optional); complaints also
 * follow from clearly negative text about a service, order or brand. Thread-safe and immutable.
 */
public final class IntentDetector {
  public static final String COMPLAINT = "complaint";
  public static final String QUESTION = "question";
  public static final String RECOMMENDATION = "recommendation";
  public static final String PURCHASE_INTENT = "purchase_intent";
  public static final String CHURN_THREAT = "churn_threat";

  static final List<String> INTENTS =
      List.of(COMPLAINT, QUESTION, RECOMMENDATION, PURCHASE_INTENT, CHURN_THREAT);

  // indices in INTENTS (a pattern's intent, the detector's hits)
  private static final int I_COMPLAINT = 0;
  private static final int I_QUESTION = 1;
  private static final int I_RECOMMENDATION = 2;
  private static final int I_CHURN_THREAT = 4;

  /**
   * Advice against ("recomiendo no comprar", "I recommend against"; cues tagged {@code against}):
   * not an intent of its own, it turns the recommendation its words hold into a warning, hence a
   * complaint.
   */
  private static final int I_AGAINST = 5;

  /** The '*' wildcard of a pattern (identity matters). */
  private static final String ANY = new String("*");

  /**
   * The '@brand' wildcard: a handle, a hashtag or a capitalized word that is no given name ("me voy
   * a Movistar", not "me voy con Ana").
   */
  private static final String BRAND = new String("@brand");

  /**
   * Given names ({@code first_names.txt}, folded): a capitalized word that is one is a person, not
   * the brand an '@brand' wildcard expects ("me voy con Ana a comer").
   */
  private static final java.util.Set<String> PEOPLE = people();

  private static java.util.Set<String> people() {
    java.util.Set<String> names = new java.util.HashSet<>();
    Lexicon.lines("first_names.txt", line -> names.add(Lexicon.fold(line.trim())));
    return java.util.Set.copyOf(names);
  }

  /**
   * The '@place' wildcard, for churn cues whose words also go before places ("moving to @place",
   * "me mudo a @place"): an @handle names a brand there; a hashtag or a capitalized word may be a
   * brand or a place ("moving to Lumen", "moving to #Austin"), so it is only a candidate ({@link
   * Analysis#placeWord()}), which the job takes as the destination, with the churn threat, when it
   * is a tracked brand's name.
   */
  private static final String PLACE = new String("@place");

  /** Compound at or below which a text about a service/order/brand counts as a complaint. */
  static final double COMPLAINT_COMPOUND = -0.3;

  IntentDetector(Lexicon lex) {
    java.util.Set<Entry> heads = new java.util.LinkedHashSet<>();
    Lexicon.lines(
        "intents.tsv",
        line -> {
          String[] f = line.split("\t");
          int intent = f[0].equals("against") ? I_AGAINST : INTENTS.indexOf(f[0]);
          if (intent < 0 || f.length < 2) {
            throw new IllegalArgumentException("intents.tsv: bad line " + line);
          }
          String[] words = Lexicon.fold(f[1].trim()).split("\\s+");
          for (int i = 0; i < words.length; i++) {
            if (words[i].equals("*")) {
              words[i] = ANY; // compared by reference when matching
            } else if (words[i].equals("@brand")) {
              words[i] = BRAND;
            } else if (words[i].equals("@place")) {
              words[i] = PLACE;
            }
          }
          Entry head = lex.entry(words[0]);
          Pattern p = new Pattern(intent, Arrays.copyOfRange(words, 1, words.length));
          Pattern[] ps =
              head.intents == null
                  ? new Pattern[1]
                  : Arrays.copyOf(head.intents, head.intents.length + 1);
          ps[ps.length - 1] = p;
          head.intents = ps;
          heads.add(head);
        });
    for (Entry head : heads) {
      List<Pattern> any = new ArrayList<>();
      java.util.Map<String, List<Pattern>> bySecond = new java.util.HashMap<>();
      for (Pattern p : head.intents) {
        if (p.rest.length == 0 || p.rest[0] == ANY || p.rest[0] == BRAND || p.rest[0] == PLACE) {
          any.add(p);
        } else {
          bySecond.computeIfAbsent(p.rest[0], k -> new ArrayList<>()).add(p);
        }
      }
      head.intentsAnySecond = any.toArray(NO_PATTERNS);
      java.util.Map<String, Pattern[]> index = new java.util.HashMap<>();
      bySecond.forEach((k, v) -> index.put(k, v.toArray(NO_PATTERNS)));
      head.intentsBySecond = index;
    }
  }

  private static final Pattern[] NO_PATTERNS = new Pattern[0];

  /** One cue: its first word is the entry holding it. */
  static final class Pattern {
    final int intent;
    final String[] rest;

    Pattern(int intent, String[] rest) {
      this.intent = intent;
      this.rest = rest;
    }
  }

  /** Last words of a churn cue after which comes where the author is going. */
  private static final java.util.Set<String> TOWARDS =
      java.util.Set.of("a", "al", "con", "por", "to", "for", "with");

  /**
   * Sets the intents of a text ({@code a.intents}) and, for a churn threat that names where the
   * author is going, its destination ({@code a.switchingTo}).
   */
  void detect(List<Token> tokens, double compound, Analysis a) {
    a.switchingTo = null;
    a.switchEnd = -1;
    a.switchUntil = -1;
    a.switchWord = null;
    a.placeWord = null;
    boolean[] hit = new boolean[I_AGAINST + 1];
    boolean handle = false;
    boolean domain = false;
    int n = tokens.size();
    boolean[] questionSentence = null;
    boolean warned = false;
    for (int i = 0; i < n; i++) {
      Token t = tokens.get(i);
      if (t.type == Token.QUEST) {
        hit[I_QUESTION] = true;
        if (questionSentence == null) {
          questionSentence = new boolean[tokens.get(n - 1).sentence + 1];
        }
        questionSentence[t.sentence] = true;
      } else if (t.type == Token.HANDLE) {
        handle = true;
      } else if (t.type == Token.WORD && t.entry != null) {
        Entry e = t.entry;
        if (e.has(Entry.DOMAIN, -1)) {
          domain = true;
        }
        if (e.intents != null) {
          String next = nextWordKey(tokens, i + 1);
          // without a next word (a handle may come first) every cue is tried; else only those
          // whose second word is a wildcard or that word
          Pattern[] wild = next == null ? e.intents : e.intentsAnySecond;
          Pattern[] exact = next == null ? NO_PATTERNS : e.intentsBySecond.get(next);
          int nWild = wild.length;
          int n2 = nWild + (exact == null ? 0 : exact.length);
          for (int k = 0; k < n2; k++) {
            Pattern p = k < nWild ? wild[k] : exact[k - nWild];
            if (hit[p.intent] && (p.intent != I_CHURN_THREAT || a.switchingTo != null)) {
              continue; // (a churn cue naming where to may still come: "I'm leaving you for X")
            }
            int end = matchEnd(tokens, i + 1, p.rest);
            if (end >= 0) {
              if (p.intent == I_RECOMMENDATION && "que".equals(nextWordKey(tokens, end))) {
                continue; // "te recomiendo que leas las condiciones": advice, not a recommendation
              }
              // a cue headed by its own negator ("nadie contesta") agrees with one before it in
              // Spanish ("no sirve y nadie contesta", "no me contesta nadie"): not negated
              if (p.intent != I_QUESTION && !e.has(Entry.NEG, -1) && negated(tokens, i)) {
                // "no lo recomiendo", "I'm not switching", "I don't want to buy": not the cue's
                // intent; a recommendation withheld outside a question is a complaint
                if (p.intent == I_RECOMMENDATION
                    && (questionSentence == null || !isQuestion(tokens, i))) {
                  warned = true;
                }
                continue;
              }
              if (p.rest.length > 0
                  && p.rest[p.rest.length - 1] == PLACE
                  && tokens.get(end - 1).type != Token.HANDLE) {
                // "moving to Lumen", "#Austin": a brand or a place, which only the job can tell
                if (a.placeWord == null && a.switchingTo == null && a.switchWord == null) {
                  Token d = tokens.get(end - 1);
                  a.placeWord = d.partyName(false);
                  a.switchEnd = d.end; // unused unless the job takes the place as destination
                  a.switchUntil = destinationEnd(tokens, end - 1);
                }
                continue;
              }
              if (p.intent == I_CHURN_THREAT && a.switchingTo == null) {
                int at = destinationAt(tokens, p.rest, end);
                Token d = at >= 0 ? tokens.get(at) : null;
                String to = d == null ? null : d.partyName(true);
                // else a plain word ("me cambio a vela"): a brand only the job can tell, kept
                // unless an earlier cue kept one
                if (to != null || d != null && a.switchWord == null && d.letterWord) {
                  a.switchingTo = to;
                  a.switchWord = to == null ? d.key : null;
                  a.switchEnd = d.end;
                  a.switchUntil = destinationEnd(tokens, at);
                }
              }
              if (p.intent == I_RECOMMENDATION && questionSentence != null) {
                // asking for a recommendation is not giving one: decided below
                hit[p.intent] = !isQuestion(tokens, i);
              } else {
                hit[p.intent] = p.intent != I_RECOMMENDATION || !isQuestion(tokens, i);
              }
            }
          }
        }
      }
    }
    if (hit[I_AGAINST]) {
      hit[I_RECOMMENDATION] = false;
      warned = true;
    }
    if (!hit[I_COMPLAINT]) {
      hit[I_COMPLAINT] =
          compound <= COMPLAINT_COMPOUND && (domain || handle)
              || hit[I_CHURN_THREAT] && compound < 0
              || warned && !hit[I_RECOMMENDATION];
    }
    List<String> out = new ArrayList<>(0);
    for (int k = 0; k < INTENTS.size(); k++) {
      if (hit[k]) {
        out.add(INTENTS.get(k));
      }
    }
    a.intents = out;
  }

  /**
   * {@code intents} with a churn threat, and with a complaint when {@code compound} is negative (as
   * {@link #detect} adds one to a churn threat), in the order of {@link #INTENTS}: for a churn cue
   * whose destination the job confirms ({@link Analysis#placeWord()}).
   */
  public static List<String> withChurnThreat(List<String> intents, double compound) {
    List<String> out = new ArrayList<>(intents.size() + 2);
    for (String intent : INTENTS) {
      if (intents.contains(intent)
          || intent.equals(CHURN_THREAT)
          || intent.equals(COMPLAINT) && compound < 0) {
        out.add(intent);
      }
    }
    return out;
  }

  /**
   * The token where a churn cue that matched up to {@code end} says the author is going: the
   * '@brand' or '@place' token it ends with, or the token right after a cue ending in "a", "to",
   * "con", "with" ... ("me cambio a @vela", "switching to Verizon"); -1 otherwise ({@code "me doy
   * de baja @lumen"} names what is left, not where to).
   */
  private static int destinationAt(List<Token> tokens, String[] rest, int end) {
    if (rest.length == 0) {
      return -1;
    }
    String last = rest[rest.length - 1];
    if (last == BRAND || last == PLACE) {
      return end - 1;
    }
    return TOWARDS.contains(last) && end < tokens.size() ? end : -1;
  }

  /**
   * Where what the text says of the destination at token {@code at} ends: at the end of its
   * sentence (after the mark that ends it: '.', a run of '!' and '?', a line break; else at the end
   * of the tokens read), or before a clause of that sentence that names another party (a handle, a
   * hashtag, a capitalized word not in capitals): "Me mudo a Vela, harta de Lumen" says nothing of
   * vela after "Vela".
   */
  private static int destinationEnd(List<Token> tokens, int at) {
    String destination = tokens.get(at).partyName(false);
    int clause = -1; // where the clause being read starts: its mark or conjunction
    for (int j = at + 1; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.sentenceEnd) {
        return t.start + 1;
      }
      if (t.type == Token.BOUND || t.type == Token.WORD && CLAUSE_OPENERS.contains(t.key)) {
        clause = t.start;
      }
      boolean other = // not a word in capitals ("ES GENIAL"), nor "I"
          !(t.type == Token.WORD && t.caps)
              && Comparisons.isParty(t)
              && !t.partyName(true).equals(destination);
      if (other) {
        // "Me mudo a Vela, harta de Lumen": that clause is about another party
        return clause >= 0 ? clause : t.start;
      }
    }
    Token last = tokens.get(tokens.size() - 1);
    return last.end;
  }

  /** Words that open a clause after a destination ("y", "pero", "porque", "and", "because"). */
  private static final java.util.Set<String> CLAUSE_OPENERS =
      java.util.Set.of("y", "pero", "porque", "que", "and", "but", "because", "since");

  /**
   * Words a cue may be this far behind its negator and still be negated ("no se lo recomiendo").
   */
  static final int NEGATION_SCOPE = 3;

  /**
   * True when a negator governs the cue starting at token i: one of the {@link #NEGATION_SCOPE}
   * words before it, in the same clause, with no contrast word ("pero", "but") or negation ender
   * ("no solo", "sin duda": {@link Entry#UNNEG}) between. A cue that starts with its own negator
   * ("no compren", "nadie contesta") is not checked: the caller skips it.
   */
  private static boolean negated(List<Token> tokens, int i) {
    int words = 0;
    for (int j = i - 1; j >= 0 && words < NEGATION_SCOPE; j--) {
      Token t = tokens.get(j);
      if (t.type == Token.BOUND || t.type == Token.EXCL || t.type == Token.QUEST) {
        return false;
      }
      if (t.type != Token.WORD) {
        continue;
      }
      words++;
      Entry e = t.entry;
      if (e == null) {
        continue;
      }
      if (e.has(Entry.BUT | Entry.CONCESSIVE | Entry.UNNEG, -1)) {
        return false;
      }
      if (e.has(Entry.NEG, -1)) { // "nunca", "never" carry NEG too
        return true;
      }
    }
    return false;
  }

  /** Normalized key of the word at token index i, or null when it is not a word. */
  private static String nextWordKey(List<Token> tokens, int i) {
    if (i >= tokens.size()) {
      return null;
    }
    Token t = tokens.get(i);
    return t.type == Token.WORD ? t.baseKey() : null;
  }

  /** True when the sentence holding token i ends with '?' or starts with '¿'. */
  private static boolean isQuestion(List<Token> tokens, int i) {
    int s = tokens.get(i).sentence;
    for (int k = 0; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.sentence == s && t.type == Token.QUEST) {
        return true;
      }
      if (t.sentence > s) {
        break;
      }
    }
    return false;
  }

  /**
   * Index after the pattern's {@code rest} matched from token {@code from} (handles before a word
   * are skipped), or -1.
   */
  private static int matchEnd(List<Token> tokens, int from, String[] rest) {
    int i = from;
    for (String w : rest) {
      while (i < tokens.size()
          && tokens.get(i).type == Token.HANDLE
          && w != ANY
          && w != BRAND
          && w != PLACE) {
        i++;
      }
      if (i >= tokens.size()) {
        return -1;
      }
      Token t = tokens.get(i);
      if (w == PLACE) {
        boolean place =
            t.type == Token.HANDLE
                || t.type == Token.HASHTAG
                || t.type == Token.WORD && t.upperFirst && t.letterWord;
        if (!place) {
          return -1;
        }
      } else if (w == BRAND) {
        boolean brand =
            t.type == Token.HANDLE
                || t.type == Token.HASHTAG
                || t.type == Token.WORD && t.upperFirst && !PEOPLE.contains(t.key);
        if (!brand) {
          return -1;
        }
      } else if (w == ANY) {
        if (t.type != Token.WORD && t.type != Token.HANDLE && t.type != Token.HASHTAG) {
          return -1;
        }
      } else {
        if (t.type != Token.WORD) {
          return -1;
        }
        if (!t.baseKey().equals(w) && !t.key.equals(w)) {
          return -1;
        }
      }
      i++;
    }
    return i;
  }
}
