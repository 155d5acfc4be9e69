package io.rapport.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-pass tokenizer for social-media text: words, #hashtags, @handles, URLs, emoji, emoticons,
 * '!' and '?' and clause boundaries. Work is capped at {@link #MAX_CHARS} characters and {@link
 * #MAX_TOKENS} tokens.
 */
final class Tokenizer {
  static final int MAX_CHARS = 2000;
  static final int MAX_TOKENS = 300;

  private final Lexicon lex;

  /** The capped text's characters (indices are those of the text). */
  private final char[] s = new char[MAX_CHARS];

  /** Folded key of the current word. */
  private final char[] key = new char[MAX_CHARS];

  private final ArrayList<Token> out = new ArrayList<>(64);
  private Token[] pool = new Token[64];
  private int used;

  /** In use by a call on this thread (see TextAnalyzer). */
  boolean busy;

  /** Sentence number of the token being read. */
  private int sentence;

  /**
   * A tokenizer with its own buffers and tokens, reused from one text to the next: one instance
   * must be confined to one thread (the analyzer keeps one per thread).
   */
  Tokenizer(Lexicon lex) {
    this.lex = lex;
  }

  /** Tokens of a text in a new list (tests, language detection on its own). */
  static List<Token> tokenize(String text, Lexicon lex) {
    return new ArrayList<>(new Tokenizer(lex).run(text));
  }

  private Token next(int type, int from, int to, int sentence, String text) {
    if (used == pool.length) {
      pool = java.util.Arrays.copyOf(pool, used * 2);
    }
    Token t = pool[used];
    if (t == null) {
      t = new Token();
      pool[used] = t;
    }
    used++;
    return t.reset(type, text, from, to, sentence);
  }

  /**
   * Tokens of {@code text}. The list and its tokens belong to this tokenizer: they are valid until
   * the next call.
   */
  List<Token> run(String text) {
    List<Token> out = this.out;
    out.clear();
    used = 0;
    if (text == null) {
      return out;
    }
    int n = Math.min(text.length(), MAX_CHARS);
    if (n < text.length() && n > 0 && Character.isHighSurrogate(text.charAt(n - 1))) {
      n--;
    }
    char[] s = this.s;
    text.getChars(0, n, s, 0);
    Lexicon lex = this.lex;
    sentence = 0;
    int i = 0;
    while (i < n && out.size() < MAX_TOKENS) {
      char c = s[i];
      // emoticons first: they are made of punctuation and a few letters
      if (lex.isEmoticonStart(c)
          && lex.emoticonPrefix(text, i, n)
          && (i == 0 || emoticonMayFollow(s[i - 1], c))) {
        int len = lex.matchEmoticon(text, i, n);
        if (len > 0) {
          Token t = next(Token.EMOTICON, i, i + len, sentence, text);
          t.emo = lex.emoticon(t.raw());
          out.add(t);
          i += len;
          continue;
        }
      }
      if (c < 128
          ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          : Character.isLetterOrDigit(c) || Character.isSurrogate(c) && isLetterAt(s, i, n)) {
        if ((c == 'h' || c == 'w') && isUrlStart(text, i, n)) {
          i = skipNonSpace(s, i, n);
          out.add(next(Token.URL, i, i, sentence, text));
          continue;
        }
        Token t = word(s, i, n, true, Token.WORD, sentence, text);
        int end = t.end;
        // part of a hyphenated compound ("tax-the-rich", "well-known")
        t.compound =
            i > 1 && s[i - 1] == '-' && Character.isLetterOrDigit(s[i - 2])
                || end + 1 < n && s[end] == '-' && Character.isLetterOrDigit(s[end + 1]);
        out.add(t);
        i = end;
        continue;
      }
      if ((c == '#' || c == '@') && i + 1 < n && isWordStart(s, i + 1, n)) {
        int end = wordEnd(s, i + 1, n);
        while (end < n && s[end] == '_') {
          end = end + 1 < n && isWordStart(s, end + 1, n) ? wordEnd(s, end + 1, n) : end + 1;
        }
        if (c == '@') {
          out.add(next(Token.HANDLE, i + 1, end, sentence, text)); // the name, without '@'
        } else {
          out.add(word(s, i + 1, end, false, Token.HASHTAG, sentence, text));
        }
        i = end;
        continue;
      }
      if (c < 128) {
        ascii(c, s, i, n, text);
        i++;
        continue;
      }
      int cp = Character.codePointAt(s, i, n);
      int cpLen = Character.charCount(cp);
      if (isEmoji(cp)) {
        Token t = next(Token.EMOJI, i, i + cpLen, sentence, text);
        t.emo = lex.emoji(cp);
        out.add(t);
        i += cpLen;
        continue;
      }
      switch (c) {
        case '¿':
          out.add(next(Token.OPEN_MARK, i, i, sentence, text));
          out.add(next(Token.QUEST, i, i, sentence, text));
          break;
        case '¡':
          out.add(next(Token.OPEN_MARK, i, i, sentence, text));
          break;
        case '…':
          sentenceBound(i, text);
          break;
        case '“':
        case '”':
          clauseBound(i, text);
          break;
        default:
          // other symbols, variation selectors: ignored
      }
      i += cpLen;
    }
    return out;
  }

  /** An ASCII character that is not a word start: punctuation and boundaries. */
  private void ascii(char c, char[] s, int i, int n, String text) {
    List<Token> out = this.out;
    switch (c) {
      case '!':
      case '?':
        {
          Token t = next(c == '!' ? Token.EXCL : Token.QUEST, i, i, sentence, text);
          out.add(t);
          // a run of marks ("?!", "!!!") ends the sentence once, at its last mark
          if (!(i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?'))) {
            t.sentenceEnd = true;
            sentence++;
          }
        }
        break;
      case '.':
        if (i > 0 && i + 1 < n && isDigit(s[i - 1]) && isDigit(s[i + 1])) {
          clauseBound(i, text); // a decimal point ("8.5/10", "22.50"), not a sentence's end
        } else {
          sentenceBound(i, text);
        }
        break;
      case '\n':
        sentenceBound(i, text);
        break;
      case '>':
        // one token for a run ("Lumen >>> Vela"); emoticons (">:(") were matched before
        if (!(i > 0 && s[i - 1] == '>')) {
          out.add(next(Token.GREATER, i, i + 1, sentence, text));
        }
        break;
      case ',':
      case ';':
      case ':':
      case '(':
      case ')':
      case '"':
      case '|':
      case '/':
        clauseBound(i, text);
        break;
      default:
        // other punctuation, symbols, controls: ignored
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** '.', line break, '…': ends the sentence (once for a run of them). */
  private void sentenceBound(int i, String text) {
    List<Token> out = this.out;
    if (!out.isEmpty() && out.get(out.size() - 1).type == Token.BOUND) {
      Token last = out.get(out.size() - 1);
      if (!last.sentenceEnd) {
        last.sentenceEnd = true;
        sentence++;
      }
    } else {
      Token t = next(Token.BOUND, i, i, sentence, text);
      out.add(t);
      t.sentenceEnd = true;
      sentence++;
    }
  }

  /** Clause punctuation: one BOUND for a run of boundaries. */
  private void clauseBound(int i, String text) {
    List<Token> out = this.out;
    if (out.isEmpty() || out.get(out.size() - 1).type != Token.BOUND) {
      out.add(next(Token.BOUND, i, i, sentence, text));
    }
  }

  private static boolean emoticonMayFollow(char prev, char c) {
    if (Character.isWhitespace(prev)) {
      return true;
    }
    // "genial:)" is an emoticon; "10:30", "xD" inside a word and "[Florida]:" are not
    return !Character.isLetter(c)
        && !Character.isDigit(prev)
        && prev != ':'
        && c != ')'
        && c != ']'
        && c != '}'
        && c != '>';
  }

  private static boolean isLetterAt(char[] s, int i, int n) {
    return Character.isLetterOrDigit(Character.codePointAt(s, i, n));
  }

  private static boolean isWordStart(char[] s, int i, int n) {
    char c = s[i];
    return Character.isLetterOrDigit(c)
        || c == '_'
        || Character.isSurrogate(c) && isLetterAt(s, i, n);
  }

  private static boolean isUrlStart(String s, int i, int n) {
    return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i);
  }

  private static int skipNonSpace(char[] s, int i, int n) {
    while (i < n && !Character.isWhitespace(s[i])) {
      i++;
    }
    return i;
  }

  /** End of a word: letters, digits, combining marks, and an apostrophe between letters. */
  private static int wordEnd(char[] s, int i, int n) {
    while (i < n) {
      char c = s[i];
      if (c < 128) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          i++;
          continue;
        }
        if (c == '\'' && i + 1 < n && Character.isLetter(s[i + 1]) && i > 0) {
          i++;
          continue;
        }
        return i;
      }
      if (c == '’' && i + 1 < n && Character.isLetter(s[i + 1])) {
        i++;
        continue;
      }
      int cp = Character.codePointAt(s, i, n);
      int type = Character.getType(cp);
      if (Character.isLetterOrDigit(cp)
          || type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK) {
        i += Character.charCount(cp);
        continue;
      }
      return i;
    }
    return i;
  }

  /**
   * A word or hashtag token: with {@code scan}, the word starting at {@code from} (letters, digits,
   * combining marks, an apostrophe between letters: its end is found in the same pass), else the
   * span {@code s[from, to)}. Case and elongation flags, and the folded key ({@link Lexicon#fold},
   * with '’' as '\'') built in one pass with its hash, looked up in the lexicon without building a
   * String; the key String is the lexicon's own when the word is known. The token's entry is the
   * base entry: the key's, else (elongated words) that of the key with runs cut to two or one
   * letters; aliases resolved.
   */
  private Token word(
      char[] s, int from, int to, boolean scan, int type, int sentence, String text) {
    char[] key = this.key;
    int upper = 0;
    int lower = 0;
    boolean ascii = true;
    boolean elong = false;
    char prev = 0;
    int run = 1;
    int h = 0;
    int kl = 0;
    int k = from;
    int taking = 0; // characters of an accepted non-ASCII code point still to take
    while (k < to) {
      char c = s[k];
      char lc;
      if (c < 128) {
        if (c >= 'a' && c <= 'z') {
          lower++;
          lc = c;
        } else if (c >= 'A' && c <= 'Z') {
          upper++;
          lc = (char) (c + 32);
        } else if (!scan
            || c >= '0' && c <= '9'
            || c == '\'' && k + 1 < to && Character.isLetter(s[k + 1]) && k > 0) {
          lc = c;
        } else {
          break;
        }
        key[kl++] = lc;
        h = 31 * h + lc;
      } else {
        if (taking == 0) {
          taking = 1;
          if (scan && !(c == '’' && k + 1 < to && Character.isLetter(s[k + 1]))) {
            int cp = Character.codePointAt(s, k, to);
            int ct = Character.getType(cp);
            if (!Character.isLetterOrDigit(cp)
                && ct != Character.NON_SPACING_MARK
                && ct != Character.COMBINING_SPACING_MARK) {
              break;
            }
            taking = Character.charCount(cp);
          }
        }
        taking--;
        ascii = false;
        if (Character.isUpperCase(c)) {
          upper++;
        } else if (Character.isLowerCase(c)) {
          lower++;
        }
        lc = Character.toLowerCase(c);
        char kc = foldLower(lc);
        if (kc != 0) {
          key[kl++] = kc;
          h = 31 * h + kc;
        }
      }
      if (lc == prev && lc >= 'a') {
        if (++run == 3) {
          elong = true;
        }
      } else {
        run = 1;
      }
      prev = lc;
      k++;
    }
    Token t = next(type, from, k, sentence, text);
    t.caps = upper >= 2 && lower == 0;
    t.elongated = elong;
    t.nonAscii = !ascii;
    char first = s[from];
    t.letterWord = k - from >= 2 && Character.isLetter(first);
    t.upperFirst = Character.isUpperCase(first);
    Entry e = lex.get(key, kl, h);
    t.keyEntry = e;
    t.key = e != null ? e.key : new String(key, 0, kl);
    t.keyLength = kl;
    t.digitFirst = kl > 0 && Character.isDigit(key[0]);
    if (e == null && elong) {
      e = lex.get(TextAnalyzer.collapse(t.key, 2));
      if (e == null || !e.active(-1) && e.alias == null) {
        Entry one = lex.get(TextAnalyzer.collapse(t.key, 1));
        if (one != null) {
          e = one;
        }
      }
    }
    t.entry = e != null && e.alias != null ? e.alias : e;
    return t;
  }

  /**
   * The key character of a lower-cased non-ASCII character as {@link Lexicon#fold} gives it, or 0
   * for a combining accent (dropped).
   */
  static char foldLower(char c) {
    switch (c) {
      case 'á', 'à', 'â', 'ä' -> {
        return 'a';
      }
      case 'é', 'è', 'ê', 'ë' -> {
        return 'e';
      }
      case 'í', 'ì', 'î', 'ï' -> {
        return 'i';
      }
      case 'ó', 'ò', 'ô', 'ö' -> {
        return 'o';
      }
      case 'ú', 'ù', 'û', 'ü' -> {
        return 'u';
      }
      case '\u0301', '\u0300', '\u0308', '\u0302' -> {
        return 0;
      }
      case '’' -> {
        return '\'';
      }
      default -> {
        return c;
      }
    }
  }

  /** Pictographic code points (emoji and dingbats); modifiers and joiners are not emoji. */
  static boolean isEmoji(int cp) {
    if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
      return false; // skin tones
    }
    return (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x2300 && cp <= 0x23FF)
        || (cp >= 0x2B00 && cp <= 0x2BFF)
        || cp == 0x2665
        || cp == 0x2661;
  }

  /** Lower-cased form with accents kept (for terms). */
  static String lowerKeepAccents(String raw) {
    return raw.toLowerCase(Locale.ROOT).replace('’', '\'');
  }
}
