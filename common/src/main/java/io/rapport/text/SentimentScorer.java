package io.rapport.text;

import java.util.List;

/**
 * Rule engine over lexicon valences: phrase matching, intensifiers and dampeners, negation scope,
 * ALL-CAPS and elongation emphasis, adversative and concessive contrast, exclamation marks, emoji,
 * emoticons and hashtags, then a squashing normalization to [-1, 1]. Stateless.
 */
final class SentimentScorer {
  private static final int NONE = 0;
  private static final int WORD = 1;
  private static final int EMO = 2;
  private static final int TAG = 3;
  private static final int BOUND = 4;

  private final Lexicon lex;
  private final Tuning tu;

  /** Per-thread work arrays (reset for each text), to spare allocations on the hot path. */
  private static final class Scratch {
    int[] kind = new int[64];
    Entry[] ent = new Entry[64];
    float[] v = new float[64];
    boolean[] caps = new boolean[64];
    int[] tok = new int[64];

    Scratch ensure(int n) {
      if (n > kind.length) {
        int c = Math.max(n, kind.length * 2);
        kind = new int[c];
        ent = new Entry[c];
        v = new float[c];
        caps = new boolean[c];
        tok = new int[c];
      } else {
        java.util.Arrays.fill(ent, 0, n, null);
        java.util.Arrays.fill(v, 0, n, 0f);
        java.util.Arrays.fill(caps, 0, n, false);
      }
      return this;
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Development aid: print per-word contributions to stderr. */
  static boolean trace;

  SentimentScorer(Lexicon lex, Tuning tu) {
    this.lex = lex;
    this.tu = tu;
  }

  /** Scores tokens (base entries looked up) in language l (Entry.ES, Entry.EN, -1) into a. */
  void score(List<Token> tokens, int l, Analysis a) {
    score(tokens, l, a, -1);
  }

  /**
   * As {@link #score(List, int, Analysis)}, with every valence of sentence {@code mirrorSentence}
   * (-1: none) the other way round: a comparison as its object reads it.
   */
  void score(List<Token> tokens, int l, Analysis a, int mirrorSentence) {
    score(tokens, l, a, mirrorSentence, null);
  }

  /**
   * As {@link #score(List, int, Analysis, int)}, without the tokens {@code leftOut} marks (null:
   * none): they count neither as sentiment, nor as words, nor as marks.
   */
  void score(List<Token> tokens, int l, Analysis a, int mirrorSentence, boolean[] leftOut) {
    int n = tokens.size();
    Scratch sc = SCRATCH.get().ensure(n);
    int[] kind = sc.kind;
    Entry[] ent = sc.ent;
    float[] v = sc.v;
    boolean[] caps = sc.caps;
    int[] tok = sc.tok; // first token of the unit
    int u = 0;
    int lettersWords = 0;
    int capsWords = 0;
    int words = 0;
    int excl = 0;
    int quest = 0;
    for (int i = 0; i < n; i++) {
      Token t = tokens.get(i);
      if (leftOut != null && leftOut[i]) {
        continue;
      }
      if (t.type == Token.WORD && t.letterWord) {
        lettersWords++;
        if (t.caps) {
          capsWords++;
        }
      }
    }
    boolean capsEmphasis = capsWords < lettersWords;

    for (int i = 0; i < n; i++) {
      Token t = tokens.get(i);
      tok[u] = i;
      if (leftOut != null && leftOut[i]) {
        kind[u] = NONE;
        v[u] = 0f;
        u++;
        continue;
      }
      switch (t.type) {
        case Token.WORD -> {
          words++;
          Entry e = t.entry;
          Fixed fixed = fixedAt(tokens, i, e, l);
          if (fixed != null && !anyLeftOut(leftOut, i, fixed.end() - i)) {
            kind[u] = WORD; // one sentiment word of its own valence, whatever its words say
            v[u] = fixed.valence();
            words += fixed.extraWords();
            i = fixed.end() - 1;
            break;
          }
          int span = 1;
          int extraWords = 0;
          Entry.Phrase phrase = e != null && e.phrases.length > 0 ? phraseAt(tokens, i, l) : null;
          if (phrase != null) {
            e = phrase.entry;
            span = afterHandles(tokens, i) - i + phrase.rest.length;
            extraWords = phrase.rest.length;
          }
          kind[u] = WORD;
          boolean cp = t.caps;
          for (int k = 1; k < span; k++) {
            cp |= tokens.get(i + k).caps;
          }
          caps[u] = cp && capsEmphasis;
          float val = Float.NaN;
          if (span == 1) {
            val = valence(e, l, t);
            if (!Float.isNaN(val) && discourseMarker(tokens, i)) {
              val = Float.NaN; // "Bueno, ni una más", "Well, that was a mess": not praise
            }
            if (!Float.isNaN(val) && e.comparative && Comparisons.opensClause(tokens, i)) {
              val = Float.NaN; // "mejor que me devuelvan el dinero": what should happen
            }
            if (Float.isNaN(val)
                && e != null
                && e.comparative
                && Comparisons.beatsNamed(tokens, i)) {
              val = Comparisons.BEATS_VALENCE; // "Vela beats @lumen": praise of vela
            }
            if (Float.isNaN(val)
                && e != null
                && e.prefers
                && Comparisons.preferredOver(tokens, i) >= 0) {
              val = Comparisons.BEATS_VALENCE; // "Prefiero Lumen antes que Vela": praise of lumen
            }
            if (!Float.isNaN(val)
                && e.has(Entry.NEG, l)
                && (tu.negatorOwnValence == 0
                    || tu.negatorOwnValence == 1
                        && i + 1 < n
                        && tokens.get(i + 1).type == Token.WORD
                    || tu.negatorOwnValence == 3
                        && i + 1 < n
                        && tokens.get(i + 1).type != Token.WORD)) {
              val = Float.NaN; // "no idea", "no other way": a determiner, not "No."
            }
            if (!Float.isNaN(val)
                && e.boost(l) != 0
                && (tu.boosterValence == 0
                    || tu.boosterValence == 1 && modifiesNext(tokens, i, l))) {
              val = Float.NaN; // "pretty good": an intensifier here, not "pretty"
            }
          } else {
            val = e.valence(l);
          }
          ent[u] = e;
          if (!Float.isNaN(val) && val != 0) {
            if (t.compound && span == 1) {
              val *= tu.compoundPart;
            }
            if (t.elongated) {
              val = emphasize(val, tu.elongation);
            }
            v[u] = val;
          }
          i += span - 1;
          words += extraWords;
        }
        case Token.HASHTAG -> {
          kind[u] = TAG;
          v[u] = hashtag(t, l);
        }
        case Token.EMOJI, Token.EMOTICON -> {
          kind[u] = EMO;
          int same = 0;
          // stop counting at the repeat limit: a flood of one emoji costs linear time
          for (int k = u - 1; k >= 0 && kind[k] == EMO && same < tu.emojiRepeat; k--) {
            if (tokens.get(tok[k]).sameRaw(t)) {
              same++;
            } else {
              break;
            }
          }
          v[u] = same >= tu.emojiRepeat ? 0f : t.emo;
        }
        case Token.EXCL -> {
          excl++;
          kind[u] = BOUND;
        }
        case Token.QUEST -> {
          quest++;
          kind[u] = BOUND;
        }
        case Token.BOUND -> kind[u] = BOUND;
        case Token.GREATER -> {
          boolean compares = Comparisons.greaterBetween(tokens, i);
          kind[u] = compares ? WORD : NONE; // "Lumen > @vela": praise of lumen, as "beats"
          v[u] = compares ? Comparisons.BEATS_VALENCE : 0f;
        }
        default -> kind[u] = NONE; // handles, URLs: ignored for sentiment
      }
      u++;
    }

    // rules that look back from a sentiment word: intensifiers, caps, negation
    int scope = l == Entry.EN ? tu.scopeEn : tu.scopeEs;
    for (int k = 0; k < u; k++) {
      float val = v[k];
      if (val == 0 || kind[k] != WORD && kind[k] != TAG) {
        continue;
      }
      float sign = Math.signum(val);
      if (kind[k] == WORD) {
        int dist = 0;
        for (int j = k - 1; j >= 0 && dist < 3; j--) {
          if (kind[j] == BOUND) {
            break;
          }
          if (kind[j] != WORD) {
            continue;
          }
          Entry b = ent[j];
          float bs = b == null ? 0 : b.boost(l);
          if (bs < 0 && dist == 0 && v[j] == 0 && lessThan(tokens, tok[j], tok[k])) {
            val *= tu.negation; // "menos caro que Vela", "less reliable than Vela": the opposite
            sign = -sign;
            dist++;
            continue;
          }
          if (bs != 0 && v[j] == 0) {
            bs *= tu.boostDecay[dist];
            if (caps[j]) {
              bs += Math.signum(bs) * tu.caps;
            }
            val += sign * bs;
          }
          dist++;
        }
        int last = (k + 1 < u ? tok[k + 1] : n) - 1; // the unit's last token
        if (lessThan(tokens, last + 1, last)) {
          val *= tu.negation; // "Lumen falla menos que Vela", "sucks less than @vela"
          sign = -sign;
        }
        if (caps[k]) {
          val += sign * tu.caps;
        }
        int neg = ent[k] != null && ent[k].has(Entry.NEG, l) ? -1 : negator(kind, ent, k, l, scope);
        if (neg >= 0) {
          val *= negationFactor(tokens, tok, kind, ent, neg, k, l, u);
          v[neg] = 0; // a negator with a valence of its own ("no") only negates
        }
      }
      v[k] = val;
    }

    // contrast: adversatives weigh the clause after them more, concessive clauses less
    for (int k = 0; k < u; k++) {
      if (kind[k] != WORD || ent[k] == null) {
        continue;
      }
      if (ent[k].has(Entry.BUT, l)) {
        int start = tu.butGlobal ? 0 : sentenceStart(tokens, tok, kind, k);
        int end = tu.butGlobal ? u : sentenceEnd(tokens, tok, kind, k, u);
        for (int j = start; j < k; j++) {
          v[j] *= tu.beforeBut;
        }
        for (int j = k + 1; j < end; j++) {
          v[j] *= tu.afterBut;
        }
      } else if (ent[k].has(Entry.CONCESSIVE, l)) {
        for (int j = k + 1; j < u && kind[j] != BOUND; j++) {
          v[j] *= tu.concessive;
        }
      }
    }

    if (quest > 0 && tu.questionDamp != 1f) {
      int sentences = tokens.get(n - 1).sentence + 1;
      boolean[] q = new boolean[sentences];
      for (int i = 0; i < n; i++) {
        Token t = tokens.get(i);
        if (t.type == Token.QUEST) {
          q[t.sentence] = true;
        }
      }
      for (int k = 0; k < u; k++) {
        if (v[k] != 0 && q[tokens.get(tok[k]).sentence]) {
          v[k] *= tu.questionDamp;
        }
      }
    }
    if (mirrorSentence >= 0) {
      for (int k = 0; k < u; k++) {
        if (v[k] != 0 && tokens.get(tok[k]).sentence == mirrorSentence) {
          v[k] = -v[k];
        }
      }
    }
    if (trace) {
      StringBuilder b = new StringBuilder("trace:");
      for (int k = 0; k < u; k++) {
        if (v[k] != 0) {
          Token t = tokens.get(tok[k]);
          b.append(' ').append(t.raw()).append('=').append(v[k]);
        }
      }
      System.err.println(b);
    }
    float sum = 0;
    float pos = 0;
    float neg = 0;
    float neu = 0;
    for (int k = 0; k < u; k++) {
      float val = v[k];
      sum += val;
      if (val > 0) {
        pos += val + 1;
      } else if (val < 0) {
        neg += -val + 1;
      } else if (kind[k] == WORD) {
        neu += 1;
      }
    }
    if (sum != 0) {
      float emph = Math.min(excl, 4) * tu.exclamation;
      if (quest > 1) {
        emph += Math.min(quest, 3) * tu.question;
      }
      if (sum > 0) {
        sum += emph;
        pos += emph;
      } else {
        sum -= emph;
        neg += emph;
      }
      float mag = Math.abs(sum);
      sum = mag <= tu.deadZone ? 0f : Math.signum(sum) * (mag - tu.deadZone);
      if (words > tu.refWords) {
        sum *= (float) Math.pow(tu.refWords / words, tu.lengthPower);
      }
    }
    double compound = sum / Math.sqrt(sum * sum + tu.alpha);
    a.compound = Math.max(-1, Math.min(1, compound));
    float total = pos + neg + neu;
    if (total <= 0) {
      a.pos = 0;
      a.neg = 0;
      a.neu = 1;
    } else {
      a.pos = pos / total;
      a.neg = neg / total;
      a.neu = neu / total;
    }
  }

  private static boolean anyLeftOut(boolean[] leftOut, int from, int n) {
    if (leftOut != null) {
      for (int k = from; k < from + n; k++) {
        if (leftOut[k]) {
          return true;
        }
      }
    }
    return false;
  }

  private static float emphasize(float val, float by) {
    return Float.isNaN(val) || val == 0 ? val : val + Math.signum(val) * by;
  }

  private float valence(Entry e, int l, Token t) {
    if (e == null) {
      return Float.NaN;
    }
    float val = e.valence(l);
    if (Float.isNaN(val) && l == Entry.ES && t.key.length() >= 3 && !e.active(Entry.ES)) {
      float en = e.val(Entry.EN);
      if (!Float.isNaN(en)) {
        val = en * tu.loanword;
      }
    }
    return val;
  }

  /** Unit index of the negator whose scope covers unit k, or -1. */
  private int negator(int[] kind, Entry[] ent, int k, int l, int scope) {
    int dist = 0;
    for (int j = k - 1; j >= 0 && dist < scope; j--) {
      if (kind[j] == BOUND) {
        if (tu.negationStopsAtPunctuation) {
          return -1;
        }
        continue;
      }
      if (kind[j] != WORD) {
        continue;
      }
      dist++;
      Entry e = ent[j];
      if (e == null) {
        continue;
      }
      if (e.has(Entry.BUT, l) || e.has(Entry.CONCESSIVE, l) || e.has(Entry.UNNEG, l)) {
        return -1;
      }
      if (e.has(Entry.NEG, l)) {
        return j;
      }
    }
    return -1;
  }

  /** Multiplier of a word at unit k negated by the negator at unit j. */
  /**
   * Tokens {@code [i, end)} that read as one sentiment word of a valence of their own, and how many
   * words they count beyond the first.
   */
  private record Fixed(int end, float valence, int extraWords) {}

  /**
   * The {@link Fixed} unit starting at word token {@code i} (entry {@code e}), or null: a score
   * given ("10/10", "un 2 de 10": {@link Ratings}, one word), a party held up as another's model
   * ("@vela could learn from @lumen": a put-down of vela, praise of lumen as it reads it), a
   * statement of loyalty ("No cambio Lumen por nada": praise of lumen, which its negator does not
   * turn round).
   */
  private static Fixed fixedAt(List<Token> tokens, int i, Entry e, int l) {
    if (tokens.get(i).digitFirst) {
      Ratings.Rating rating = Ratings.at(tokens, i);
      return rating == null ? null : new Fixed(i + rating.span(), rating.valence(), 0);
    }
    if (e == null) {
      return null;
    }
    if (e.learning) {
      int end = Comparisons.learningEnd(tokens, i);
      if (end > 0 && Comparisons.modelAfter(tokens, end) >= 0) {
        return new Fixed(end, Comparisons.LEARNING_VALENCE, end - i - 1);
      }
    }
    if (e.has(Entry.NEG, l)) {
      Comparisons.Loyalty loyal = Comparisons.loyalty(tokens, i);
      if (loyal != null) {
        return new Fixed(loyal.end(), Comparisons.LOYALTY_VALENCE, loyal.end() - i - 1);
      }
    }
    return null;
  }

  /**
   * Whether the word at token {@code w} and the dampener at token {@code d}, next to each other,
   * make a comparison of degree downwards: "menos" or "less" right before the word or right after
   * it, then "que" or "than" ("menos caro que Vela", "less reliable than @vela", "falla menos que
   * Vela"). The word then says its opposite, as after a negator ("less expensive": cheaper), where
   * a dampener elsewhere only weakens it ("un poco caro").
   */
  private static boolean lessThan(List<Token> tokens, int d, int w) {
    int linker = Math.max(d, w) + 1;
    if (Math.abs(w - d) != 1 || linker >= tokens.size()) {
      return false;
    }
    Token dampener = tokens.get(d);
    if (dampener.type != Token.WORD) {
      return false;
    }
    String k = dampener.baseKey();
    Token after = tokens.get(linker);
    return (k.equals("menos") || k.equals("less"))
        && after.type == Token.WORD
        && (after.baseKey().equals("que") || after.baseKey().equals("than"));
  }

  private float negationFactor(
      List<Token> tokens, int[] tok, int[] kind, Entry[] ent, int j, int k, int l, int u) {
    Entry e = ent[j];
    if (l != Entry.ES && cannotEnough(tokens, tok, kind, ent, j, k, u)) {
      return tu.neverSo; // "can't thank you enough", "couldn't recommend it more": praise
    }
    if (k > 0 && kind[k - 1] == WORD && ent[k - 1] != null && ent[k - 1].has(Entry.THIS, l)) {
      return tu.neverSo; // "haven't been this sore in a while": emphasis, not negation
    }
    if (e.has(Entry.NEVER, l)) {
      for (int x = j + 1; x < k; x++) {
        if (kind[x] == WORD && ent[x] != null && ent[x].has(Entry.SO, l)) {
          return tu.neverSo; // "never so good", "nunca tan bueno"
        }
      }
    }
    return e.has(Entry.NEG_WEAK, l) ? tu.weakNegation : tu.negation;
  }

  /**
   * Whether word token i opens its sentence and is a discourse marker ({@code marker} in rules.tsv:
   * "Bueno, ...", "Honestly, ...") followed by a comma.
   */
  private static boolean discourseMarker(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (i + 1 >= tokens.size()
        || tokens.get(i + 1).type != Token.BOUND
        || tokens.get(i + 1).sentenceEnd
        || t.entry == null
        || !t.entry.has(Entry.MARKER, -1)) {
      return false;
    }
    for (int j = i - 1; j >= 0; j--) {
      Token p = tokens.get(j);
      if (p.sentence != t.sentence) {
        return true;
      }
      if (p.type == Token.WORD || p.type == Token.HASHTAG || p.type == Token.EMOJI) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether negator j ({@code modal} in rules.tsv) and the sentiment word k are the idiom "can't V
   * ... enough" (later in the clause) or "couldn't V ... more" (ending it), which praises: not
   * "can't be good enough", "couldn't resist more of it" or "can't recommend it any more", where
   * the negation stands.
   */
  private static boolean cannotEnough(
      List<Token> tokens, int[] tok, int[] kind, Entry[] ent, int j, int k, int u) {
    if (!ent[j].has(Entry.MODAL, -1)
        || j + 1 < u && kind[j + 1] == WORD && tokens.get(tok[j + 1]).baseKey().equals("be")) {
      return false;
    }
    for (int x = k + 1; x < u && kind[x] != BOUND; x++) {
      if (kind[x] != WORD) {
        continue;
      }
      String w = tokens.get(tok[x]).baseKey();
      if (w.equals("enough")
          || w.equals("more")
              && (x + 1 == u || kind[x + 1] == BOUND)
              && !(kind[x - 1] == WORD && tokens.get(tok[x - 1]).baseKey().equals("any"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word after token i carries sentiment or is itself an intensifier. */
  private static boolean modifiesNext(List<Token> tokens, int i, int l) {
    if (i + 1 >= tokens.size()) {
      return false;
    }
    Token t = tokens.get(i + 1);
    if (t.type != Token.WORD || t.entry == null) {
      return false;
    }
    return !Float.isNaN(t.entry.valence(l))
        || t.entry.boost(l) != 0
        || t.entry.phrases.length > 0 && phraseAt(tokens, i + 1, l) != null;
  }

  /** Index of the first token after word token i that is not a handle. */
  private static int afterHandles(List<Token> tokens, int i) {
    int after = i + 1;
    while (after < tokens.size() && tokens.get(after).type == Token.HANDLE) {
      after++;
    }
    return after;
  }

  /**
   * The lexicon phrase (active in language l) that starts at word token i, or null; handles right
   * after its first word are skipped ("thanks @Delta for nothing").
   */
  private static Entry.Phrase phraseAt(List<Token> tokens, int i, int l) {
    Entry e = tokens.get(i).entry;
    int after = afterHandles(tokens, i);
    Token nt = after < tokens.size() ? tokens.get(after) : null;
    if (e == null || nt == null || nt.type != Token.WORD) {
      return null;
    }
    String next = nt.baseKey();
    Entry.Phrase[] cand = e.phrasesAfter(next);
    if (cand.length == 0 && !next.equals(nt.key)) {
      cand = e.phrasesAfter(nt.key);
    }
    for (Entry.Phrase p : cand) {
      if (matches(tokens, after, p.rest) && p.entry.active(l)) {
        return p;
      }
    }
    return null;
  }

  private static boolean matches(List<Token> tokens, int from, String[] rest) {
    if (from + rest.length > tokens.size()) {
      return false;
    }
    for (int k = 0; k < rest.length; k++) {
      Token t = tokens.get(from + k);
      if (t.type != Token.WORD) {
        return false;
      }
      if (!t.baseKey().equals(rest[k]) && !t.key.equals(rest[k])) {
        return false;
      }
    }
    return true;
  }

  private static int sentenceStart(List<Token> tokens, int[] tok, int[] kind, int k) {
    int s = tokens.get(tok[k]).sentence;
    int j = k;
    while (j > 0 && tokens.get(tok[j - 1]).sentence == s) {
      j--;
    }
    boolean first = true;
    for (int x = j; x < k; x++) {
      if (kind[x] == WORD || kind[x] == EMO || kind[x] == TAG) {
        first = false;
        break;
      }
    }
    if (first && s > 0) { // "... . But ..." weighs down the previous sentence
      while (j > 0 && tokens.get(tok[j - 1]).sentence >= s - 1) {
        j--;
      }
    }
    return j;
  }

  private static int sentenceEnd(List<Token> tokens, int[] tok, int[] kind, int k, int u) {
    int s = tokens.get(tok[k]).sentence;
    int j = k + 1;
    while (j < u && tokens.get(tok[j]).sentence == s) {
      j++;
    }
    return j;
  }

  /** Valence of a hashtag: the whole tag, its camelCase parts, or a split into two known words. */
  private float hashtag(Token t, int l) {
    Entry e = t.entry;
    float v = e == null ? Float.NaN : e.valence(l);
    if (Float.isNaN(v) && e != null) {
      v = e.valence(l == Entry.ES ? Entry.EN : Entry.ES);
    }
    if (!Float.isNaN(v)) {
      return v;
    }
    String raw = t.raw();
    // camelCase: #EpicFail, #MuyMal
    float sum = 0;
    boolean split = false;
    int start = 0;
    for (int i = 1; i <= raw.length(); i++) {
      if (i == raw.length()
          || Character.isUpperCase(raw.charAt(i)) && Character.isLowerCase(raw.charAt(i - 1))) {
        if (start > 0 || i < raw.length()) {
          split = true;
          break;
        }
        start = i;
      }
    }
    if (split) {
      return phraseValence(Lexicon.fold(CAMEL.matcher(raw).replaceAll(" ")), l);
    }
    String k = t.key;
    // only all-lower-case tags: "#Godwins" is a name, not "god wins"
    if (tu.splitHashtags && k.length() >= 6 && k.length() <= 30 && noUpperCase(raw)) {
      int n = k.length();
      char[] kc = k.toCharArray();
      int prefixHash = 31 * kc[0] + kc[1];
      for (int i = 2; i <= n - 2; i++, prefixHash = 31 * prefixHash + kc[i - 1]) {
        int suffixHash = 0;
        for (int j = i; j < n; j++) {
          suffixHash = 31 * suffixHash + kc[j];
        }
        // lex.get(k.substring(0, i)) and lex.get(k.substring(i)) without the substrings
        Entry a = lex.get(kc, 0, i, prefixHash);
        Entry b = lex.get(kc, i, n - i, suffixHash);
        if (a != null
            && b != null
            && (a.active(l) || a.active(-1))
            && (b.active(l) || b.active(-1))) {
          float s = phraseValence(k.substring(0, i) + " " + k.substring(i), l);
          if (s != 0) {
            return s;
          }
        }
      }
    }
    return sum;
  }

  /** Between a lower-case and an upper-case letter: the word breaks of a camelCase hashtag. */
  private static final java.util.regex.Pattern CAMEL =
      java.util.regex.Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");

  private static boolean noUpperCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isUpperCase((int) s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Valence of a short space-separated word sequence: sum with negation of the next word. */
  private float phraseValence(String words, int l) {
    String[] w = words.split(" ");
    float sum = 0;
    boolean neg = false;
    for (String x : w) {
      Entry e = lex.get(x);
      if (e == null) {
        continue;
      }
      if (e.has(Entry.NEG, l < 0 ? -1 : l) || e.has(Entry.NEG, -1)) {
        neg = true;
        continue;
      }
      float v = e.valence(l);
      if (Float.isNaN(v)) {
        v = e.valence(-1);
      }
      if (!Float.isNaN(v)) {
        sum += neg ? v * tu.negation : v;
        neg = false;
      }
    }
    return sum;
  }
}
