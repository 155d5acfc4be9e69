package io.rapport.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text analysis of Spanish and English social mentions: language, sentiment (compound and
 * pos/neg/neu proportions), intents, hashtags and salient terms. Loaded once from classpath
 * resources under {@code lexicons/}; thread-safe and immutable after construction. Work per text is
 * capped (first {@value Tokenizer#MAX_CHARS} characters, {@value Tokenizer#MAX_TOKENS} tokens).
 */
public final class TextAnalyzer {
  /** Most terms reported per text. */
  public static final int MAX_TERMS = 10;

  private final Lexicon lex;
  private final LanguageDetector detector;
  private final SentimentScorer scorer;
  private final IntentDetector intents;

  /**
   * Each thread's tokenizer (its buffers and tokens are reused from one text to the next): one
   * analyzer serves several Flink subtasks or threads, each with its own tokenizer.
   */
  private final ThreadLocal<Tokenizer> tokenizers;

  private TextAnalyzer(Tuning tuning) {
    this.lex = Lexicon.load();
    this.intents = new IntentDetector(lex);
    Topics.load(lex);
    Comparisons.mark(lex);
    lex.freeze();
    this.detector = new LanguageDetector(lex);
    this.scorer = new SentimentScorer(lex, tuning);
    Lexicon l = lex;
    this.tokenizers = ThreadLocal.withInitial(() -> new Tokenizer(l));
  }

  private static final class Holder {
    static final TextAnalyzer SHARED = load();
  }

  /** The process-wide instance (loaded on first use). */
  public static TextAnalyzer shared() {
    return Holder.SHARED;
  }

  /** A new instance loaded from the classpath (prefer {@link #shared()}). */
  public static TextAnalyzer load() {
    return new TextAnalyzer(new Tuning());
  }

  static TextAnalyzer load(Tuning tuning) {
    return new TextAnalyzer(tuning);
  }

  public LanguageDetector languageDetector() {
    return detector;
  }

  /** Analyzes a text of unknown language. */
  public Analysis analyze(String text) {
    return analyze(text, null);
  }

  /**
   * Analyzes a text; {@code langHint} "es" or "en" (from the source) skips detection, anything else
   * (null, "und", "pt") detects.
   */
  public Analysis analyze(String text, String langHint) {
    return analyze(text, langHint, true);
  }

  /**
   * As {@link #analyze(String, String)}; without terms, hashtags and topics when {@code full} is
   * false.
   */
  Analysis analyze(String text, String langHint, boolean full) {
    return analyze(text, langHint, full, -1, null);
  }

  /**
   * The analysis of a text with every valence of sentence {@code mirrorSentence} (-1: none) the
   * other way round, on this thread's tokenizer.
   */
  private Analysis analyze(
      String text, String langHint, boolean full, int mirrorSentence, BrandNames brands) {
    Analysis a = new Analysis(false);
    text = decoded(text == null ? "" : text);
    Tokenizer tokenizer = acquire();
    try {
      List<Token> tokens = tokenizer.run(text);
      analyze(text, langHint, full, tokens, a, mirrorSentence, null);
      a.brandsApart = brands != null && clausesAbout(tokens, null, brands) != null;
      return a;
    } finally {
      tokenizer.busy = false;
    }
  }

  /**
   * This thread's tokenizer, marked busy (the caller clears {@code busy} when done with its
   * tokens); a new one when re-entered on this thread: never share the buffers.
   */
  private Tokenizer acquire() {
    Tokenizer tokenizer = tokenizers.get();
    if (tokenizer.busy) {
      tokenizer = new Tokenizer(lex);
    }
    tokenizer.busy = true;
    return tokenizer;
  }

  /** The text with its HTML entities decoded, as every analysis reads it. */
  private static String decoded(String text) {
    return hasAmpersand(text) ? decodeEntities(text) : text;
  }

  /**
   * The brands a caller tracks, as the analyzer meets their names: {@link #brandOfParty} for a
   * handle or hashtag (without its mark, folded: "lumen_es"), {@link #isBrandWord} for a word's
   * folded key ("lumen", "vela").
   */
  public interface BrandNames {
    /** The brand a handle or hashtag names ("lumen_es" → "lumen"), or null. */
    String brandOfParty(String foldedName);

    /** Whether a word (its folded key) is a brand's name. */
    boolean isBrandWord(String foldedKey);
  }

  /**
   * As {@link #analyze(String, String)}, and {@link Analysis#brandsApart}: whether the text names
   * two or more of {@code brands} in different clauses (clauses end at ',', ';', ':', '.', '!',
   * '?', line breaks ...).
   */
  public Analysis analyze(String text, String langHint, BrandNames brands) {
    return analyze(text, langHint, true, -1, brands);
  }

  /**
   * The text as {@code brand} reads it when it names brands in different clauses ({@code whole}'s
   * {@link Analysis#brandsApart}): a clause that names another brand and not {@code brand} says
   * nothing of it ("Lumen genial, @vela un desastre" is praise as lumen reads it, a put-down as
   * vela does); a clause that names {@code brand} counts, and so does one that names no brand but
   * is about it ({@link #antecedent}: "Lumen genial, @vela un desastre. Todo llegó roto" says
   * nothing of lumen), for the sentiment, the intents and the topics alike ("Lumen genial, @vela no
   * contesta nadie" is no complaint as lumen reads it); terms and hashtags stay the whole text's.
   * With {@code asCompared}, also as the object of the text's comparison reads it ({@link
   * #analyzeAsCompared}); the comparison itself is the whole text's. Null when no clause is left
   * out ({@code brand} is named in no clause of its own, or every clause names it).
   */
  public Analysis analyzeAbout(
      String text, Analysis whole, String brand, BrandNames brands, boolean asCompared) {
    if (text == null || whole == null || !whole.brandsApart || brands == null) {
      return null;
    }
    String decoded = decoded(text);
    Tokenizer tokenizer = acquire();
    try {
      List<Token> tokens = tokenizer.run(decoded);
      boolean[] leftOut = clausesAbout(tokens, brand, brands);
      int mirror = asCompared && whole.comparedWith != null ? whole.comparisonSentence : -1;
      if (leftOut != null && mirror >= 0 && !keepSentence(tokens, leftOut, mirror)) {
        leftOut = null; // "Compared to Lumen, Vela is terrible": the object reads it all
      }
      if (leftOut == null) {
        return null;
      }
      Analysis a = analyze(decoded, whole.lang, true, tokens, new Analysis(false), mirror, leftOut);
      a.brandsApart = true;
      return a;
    } finally {
      tokenizer.busy = false;
    }
  }

  /**
   * Clears {@code leftOut} in sentence {@code sentence} (a comparison's: its object reads all of
   * it, the other way round); whether any token is still left out.
   */
  private static boolean keepSentence(List<Token> tokens, boolean[] leftOut, int sentence) {
    boolean any = false;
    for (int i = 0; i < leftOut.length; i++) {
      if (tokens.get(i).sentence == sentence) {
        leftOut[i] = false;
      }
      any |= leftOut[i];
    }
    return any;
  }

  /**
   * With {@code brand} null: non-null when two or more brands are named in different clauses. Else
   * the tokens to leave out for {@code brand} (those of the clauses that name another brand and not
   * it), or null when there are none or {@code brand} is named nowhere.
   */
  static boolean[] clausesAbout(List<Token> tokens, String brand, BrandNames brands) {
    int n = tokens.size();
    String first = null;
    boolean two = false;
    for (int i = 0; i < n && !two; i++) {
      String b = brandAt(tokens.get(i), brands);
      if (b != null) {
        if (first == null) {
          first = b;
        } else if (!first.equals(b)) {
          two = true;
        }
      }
    }
    if (!two) {
      return null; // most texts: one brand or none, found without allocating
    }
    String[] brandOf = new String[n]; // the brand each token names, or null
    for (int i = 0; i < n; i++) {
      brandOf[i] = brandAt(tokens.get(i), brands);
    }
    int[] clause = new int[n];
    int[] sentenceOf = new int[n + 1]; // per clause
    int c = 0;
    String clauseBrand = null; // the last brand the current clause names
    int clauseWords = 0; // the clause's words after it
    for (int i = 0; i < n; i++) {
      Token t = tokens.get(i);
      if (clauseBrand != null
          && clauseWords > 0
          && t.type == Token.WORD
          && (CONJUNCTIONS.contains(t.key) || relativeOfOther(tokens, brandOf, i, clauseBrand))
          && otherBrandAhead(tokens, brandOf, i + 1, clauseBrand)) {
        c++; // "Dejé Vela porque me cobraban de más y en Lumen estoy encantado"
        sentenceOf[c] = t.sentence;
        clauseBrand = null;
        clauseWords = 0;
      }
      String b = brandOf[i];
      if (b != null) {
        clauseBrand = b;
        clauseWords = 0;
      } else if (t.type == Token.WORD) {
        clauseWords++;
      }
      clause[i] = c;
      sentenceOf[c] = t.sentence;
      if (t.type == Token.BOUND || t.sentenceEnd) {
        c++;
        sentenceOf[c] = t.sentenceEnd ? t.sentence + 1 : t.sentence;
        clauseBrand = null;
        clauseWords = 0;
      }
    }
    // the brands each clause names, as a set of names per clause
    List<Set<String>> named = new ArrayList<>(c + 1);
    for (int k = 0; k <= c; k++) {
      named.add(null);
    }
    Set<String> all = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String b = brandOf[i];
      if (b != null) {
        Set<String> s = named.get(clause[i]);
        if (s == null) {
          s = new HashSet<>(2);
          named.set(clause[i], s);
        }
        s.add(b);
        all.add(b);
      }
    }
    if (all.size() < 2) {
      return null;
    }
    boolean apart = false;
    for (Set<String> s : named) {
      if (s != null && s.size() < all.size()) {
        apart = true;
      }
    }
    if (!apart) {
      return null;
    }
    boolean[] leftOut = new boolean[n];
    if (brand == null) {
      return leftOut;
    }
    if (!all.contains(brand)) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      Set<String> s = named.get(clause[i]);
      Token t = tokens.get(i);
      if (s != null && s.contains(brand) && t.type == Token.WORD && ELLIPSIS.contains(t.key)) {
        return null; // "@vela cada día mejor, y Lumen también": lumen's clause says it of lumen
      }
    }
    List<Set<String>> about = new ArrayList<>(c + 1);
    for (int k = 0; k <= c; k++) {
      about.add(named.get(k) != null ? named.get(k) : antecedent(named, sentenceOf, k));
    }
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Set<String> s = about.get(clause[i]);
      if (s != null && !s.contains(brand) && tokens.get(i).type != Token.BOUND) {
        leftOut[i] = true;
        any = true;
      }
    }
    return any ? leftOut : null;
  }

  /**
   * The brands a clause that names none is about: those of the nearest clause of its sentence that
   * names one, before it, else after it ("Qué desastre, @vela"), else those of the nearest earlier
   * sentence's ("@vela tardó un mes. Todo llegó roto"); null (every brand named) when no clause
   * before it or in its sentence names one ("Qué semana. Vela tardó un mes, Lumen dos días").
   */
  private static Set<String> antecedent(List<Set<String>> named, int[] sentenceOf, int k) {
    for (int j = k - 1; j >= 0 && sentenceOf[j] == sentenceOf[k]; j--) {
      if (named.get(j) != null) {
        return named.get(j);
      }
    }
    for (int j = k + 1; j < named.size() && sentenceOf[j] == sentenceOf[k]; j++) {
      if (named.get(j) != null) {
        return named.get(j);
      }
    }
    for (int j = k - 1; j >= 0; j--) {
      if (named.get(j) != null) {
        return named.get(j);
      }
    }
    return null;
  }

  /**
   * Conjunctions that join two clauses, each naming its brand and saying something of it ("Dejé
   * Vela porque me cobraban de más y en Lumen estoy encantado", "Lumen's prices are fine but Vela's
   * service is way better"): each brand reads its own. Where nothing follows the first name ("Lumen
   * y Vela son malos", "Both Lumen and Vela lost my package") they join the names, and both brands
   * read the clause.
   */
  private static final Set<String> CONJUNCTIONS =
      Set.of("y", "e", "pero", "mientras", "and", "but", "while", "whereas");

  /**
   * Whether token {@code i} is "what" or "lo que"'s "que" right before another brand than {@code
   * brand} ({@code brandOf}: the brand each token names), which then opens a clause of its own:
   * "Thanks @lumen for fixing what @vela broke", "Gracias @lumen por arreglar lo que @vela rompió".
   */
  private static boolean relativeOfOther(
      List<Token> tokens, String[] brandOf, int i, String brand) {
    String k = tokens.get(i).key;
    boolean relative =
        k.equals("what") || k.equals("que") && i > 0 && tokens.get(i - 1).key.equals("lo");
    if (!relative || i + 1 >= tokens.size()) {
      return false; // "más caro que Vela" is a comparison, not a clause of vela's
    }
    String b = brandOf[i + 1];
    return b != null && !b.equals(brand);
  }

  /**
   * Whether the words from {@code from} to the end of the clause name a brand other than {@code
   * brand} ({@code brandOf}: the brand each token names) and a word that names none.
   */
  private static boolean otherBrandAhead(
      List<Token> tokens, String[] brandOf, int from, String brand) {
    boolean other = false;
    boolean words = false;
    for (int i = from; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.type == Token.BOUND || t.sentenceEnd) {
        break;
      }
      String b = brandOf[i];
      if (b != null) {
        other |= !b.equals(brand);
      } else if (t.type == Token.WORD) {
        words = true;
      }
    }
    return other && words;
  }

  /**
   * Words by which a clause says of its brand what another clause said of another ("y Lumen
   * también", "Vela igual", "and Lumen too"): that brand reads the whole text.
   */
  private static final Set<String> ELLIPSIS =
      Set.of("tambien", "tampoco", "igual", "too", "also", "either");

  /** The tokens {@code leftOut} does not mark. */
  private static List<Token> kept(List<Token> tokens, boolean[] leftOut) {
    List<Token> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      if (!leftOut[i]) {
        out.add(tokens.get(i));
      }
    }
    return out;
  }

  /** The brand token {@code t} names (a handle, a hashtag, a brand's name as a word), or null. */
  private static String brandAt(Token t, BrandNames brands) {
    if (t.type == Token.HANDLE || t.type == Token.HASHTAG) {
      return brands.brandOfParty(Lexicon.fold(t.raw()));
    }
    if (t.type == Token.WORD && t.letterWord) {
      String k = t.key;
      if (k.endsWith("'s") && k.length() > 2) {
        k = k.substring(0, k.length() - 2); // "Lumen's prices"
      }
      return brands.isBrandWord(k) ? k : null;
    }
    return null;
  }

  /**
   * What a switching text says of its destination: the rest of the destination's sentence ("harta
   * de @vela, me cambio a @lumen, que tiene fibra. Vela es lo peor" → ", que tiene fibra.";
   * "switching to @lumen" → ""), analyzed in the language found for the whole text; null when
   * {@code whole} (this text's analysis) names no destination (a {@link Analysis#destinationWord()}
   * counts once the caller has set it as {@code switchingTo}).
   */
  public Analysis analyzeAfterSwitch(String text, Analysis whole) {
    String decoded = text == null ? null : decoded(text);
    int[] span = destinationSpan(decoded, whole);
    return span == null ? null : analyze(decoded.substring(span[0], span[1]), whole.lang);
  }

  /**
   * Where, in the decoded text, a switch's destination's rest of sentence starts and ends ({@link
   * Analysis#switchEnd}, {@link Analysis#switchUntil}, within the text); null when {@code whole}
   * names no destination.
   */
  private static int[] destinationSpan(String decoded, Analysis whole) {
    if (decoded == null || whole == null || whole.switchingTo == null || whole.switchEnd < 0) {
      return null;
    }
    int from = Math.min(whole.switchEnd, decoded.length());
    return new int[] {from, Math.max(from, Math.min(whole.switchUntil, decoded.length()))};
  }

  /**
   * What a switching text says without what it says of its destination: the text with {@link
   * #analyzeAfterSwitch}'s span left out ("Me pasé de @vela a @lumen y no me arrepiento" → "Me pasé
   * de @vela a @lumen"), analyzed in the language found for the whole text, as the brands it leaves
   * or names otherwise read it; null when {@code whole} names no destination or says nothing after
   * it in its sentence.
   */
  public Analysis analyzeWithoutDestination(String text, Analysis whole) {
    String decoded = text == null ? null : decoded(text);
    int[] span = destinationSpan(decoded, whole);
    if (span == null || span[0] == span[1]) {
      return null;
    }
    // a space where the span was: it may end right before a word ("... a @vela porque @lumen ...")
    return analyze(decoded.substring(0, span[0]) + " " + decoded.substring(span[1]), whole.lang);
  }

  /**
   * The text as the object of its comparison reads it ("Vela es mucho mejor que @lumen", as lumen
   * reads it): the comparison's sentence ({@code whole}'s {@link Analysis#comparedWith}) with every
   * valence the other way round, the rest of the text as it is, in the language found for the whole
   * text; intents as the analyzer finds them with that sentiment. Null when {@code whole} (this
   * text's analysis) makes no comparison.
   */
  public Analysis analyzeAsCompared(String text, Analysis whole) {
    if (text == null
        || whole == null
        || whole.comparedWith == null
        || whole.comparisonSentence < 0) {
      return null;
    }
    return analyze(text, whole.lang, true, whole.comparisonSentence, null);
  }

  private Analysis analyze(
      String text,
      String langHint,
      boolean full,
      List<Token> tokens,
      Analysis a,
      int mirrorSentence,
      boolean[] leftOut) {
    int l = hint(langHint);
    if (l == -2) {
      int detected = detector.detect(text, tokens);
      a.lang = LanguageDetector.name(detected);
      l = LanguageDetector.rules(detected);
    } else {
      a.lang = LanguageDetector.name(l);
    }
    scorer.score(tokens, l, a, mirrorSentence, leftOut);
    intents.detect(leftOut == null ? tokens : kept(tokens, leftOut), a.compound, a);
    Comparisons.find(tokens, a);
    if (full) {
      collectTermsTagsAndTopics(tokens, leftOut, a);
    } else {
      a.hashtags = new ArrayList<>(0);
      a.terms = new ArrayList<>(0);
      a.topics = new ArrayList<>(0);
    }
    return a;
  }

  private static final String[][] ENTITIES = {
    {"&lt;", "<"},
    {"&gt;", ">"},
    {"&amp;", "&"},
    {"&quot;", "\""},
    {"&#39;", "'"},
    {"&apos;", "'"},
    {"&nbsp;", " "}
  };

  /** An '&' where {@link #decodeEntities} looks for entities (not the whole of a huge text). */
  private static boolean hasAmpersand(String text) {
    int n = Math.min(text.length(), Tokenizer.MAX_CHARS + 8);
    if (text.length() <= 4 * n) { // String.indexOf is vectorized, but scans to the end
      int i = text.indexOf('&');
      return i >= 0 && i < n;
    }
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) == '&') {
        return true;
      }
    }
    return false;
  }

  /** Decodes the HTML entities that social-media exports leave in texts ("&lt;3" is a heart). */
  static String decodeEntities(String text) {
    int n = Math.min(text.length(), Tokenizer.MAX_CHARS + 8);
    StringBuilder b = null;
    int last = 0;
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) != '&') {
        continue;
      }
      for (String[] e : ENTITIES) {
        if (text.startsWith(e[0], i)) {
          if (b == null) {
            b = new StringBuilder(Math.min(text.length(), Tokenizer.MAX_CHARS + 64));
          }
          b.append(text, last, i).append(e[1]);
          last = i + e[0].length();
          break;
        }
      }
    }
    if (b == null) {
      return text;
    }
    // the analyzer reads the first MAX_CHARS characters (and a few beyond): no need to copy a
    // huge rest
    int end = Math.min(text.length(), last + Tokenizer.MAX_CHARS + 16);
    return b.append(text, last, end).toString();
  }

  private static int hint(String h) {
    if (h == null) {
      return -2;
    }
    String s = h.trim().toLowerCase(Locale.ROOT);
    if (s.equals("es") || s.startsWith("es-") || s.startsWith("es_") || s.equals("spa")) {
      return Entry.ES;
    }
    if (s.equals("en") || s.startsWith("en-") || s.startsWith("en_") || s.equals("eng")) {
      return Entry.EN;
    }
    return -2;
  }

  /** Runs of three or more equal letters cut to {@code max}. */
  static String collapse(String s, int max) {
    StringBuilder b = new StringBuilder(s.length());
    int run = 0;
    char prev = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = c == prev ? run + 1 : 1;
      prev = c;
      if (run <= max || !Character.isLetter(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Terms, hashtags and topics of the tokens; topics only of those {@code leftOut} (null: none)
   * does not mark (what a brand's clauses are about), terms and hashtags of all (a hashtag names
   * the brands a mention is about).
   */
  private static void collectTermsTagsAndTopics(List<Token> tokens, boolean[] leftOut, Analysis a) {
    List<String> terms = new ArrayList<>(MAX_TERMS);
    int[] termHashes = new int[MAX_TERMS];
    int nTerms = 0;
    List<String> tags = new ArrayList<>(0);
    int topics = 0;
    for (int i = 0, n = tokens.size(); i < n; i++) {
      Token t = tokens.get(i);
      if (t.entry != null && (leftOut == null || !leftOut[i])) {
        topics |= t.entry.topics; // words and hashtags ("#envios")
      }
      if (t.type == Token.HASHTAG) {
        String tag = Tokenizer.lowerKeepAccents(t.raw());
        if (!tags.contains(tag)) {
          tags.add(tag);
        }
      } else if (t.type == Token.WORD && terms.size() < MAX_TERMS) {
        Entry e = t.entry;
        if (e != null
            && (e.has(Entry.STOP | Entry.NEG | Entry.BUT | Entry.CONCESSIVE, -1)
                || e.boost(-1) != 0)) {
          continue;
        }
        String w = t.nonAscii ? Tokenizer.lowerKeepAccents(t.raw()) : t.key;
        if (w.length() < 3 || Character.isDigit(w.charAt(0)) || isLaughter(t.key)) {
          continue;
        }
        if (t.elongated) {
          w = e != null && !e.key.equals(t.key) ? e.key : collapse(w, 2);
        }
        int h = w.hashCode();
        boolean seen = false;
        for (int k = 0; k < nTerms; k++) {
          if (termHashes[k] == h && terms.get(k).equals(w)) {
            seen = true;
            break;
          }
        }
        if (!seen) {
          termHashes[nTerms++] = h;
          terms.add(w);
        }
      }
    }
    a.terms = terms;
    a.hashtags = tags;
    a.topics = Topics.names(topics);
  }

  private static boolean isLaughter(String k) {
    if (k.length() < 3) {
      return false;
    }
    return switch (k.charAt(0)) {
      case 'j' -> k.startsWith("jaja") || k.startsWith("jeje");
      case 'h' -> k.startsWith("haha");
      case 'l' -> k.startsWith("lol");
      default -> false;
    };
  }
}
