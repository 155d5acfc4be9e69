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

  private Tokenizer() {}

  static List<Token> tokenize(String text, Lexicon lex) {
    List<Token> out = new ArrayList<>(24);
    if (text == null) {
      return out;
    }
    int n = Math.min(text.length(), MAX_CHARS);
    if (n < text.length() && n > 0 && Character.isHighSurrogate(text.charAt(n - 1))) {
      n--;
    }
    int sentence = 0;
    int i = 0;
    while (i < n && out.size() < MAX_TOKENS) {
      char c = text.charAt(i);
      // emoticons first: they are made of punctuation and a few letters
      if (lex.isEmoticonStart(c)
          && lex.emoticonPrefix(text, i, n)
          && (i == 0 || emoticonMayFollow(text.charAt(i - 1), c))) {
        int len = lex.matchEmoticon(text, i, n);
        if (len > 0) {
          Token t = new Token();
          t.type = Token.EMOTICON;
          t.raw = text.substring(i, i + len);
          t.emo = lex.emoticon(t.raw);
          t.sentence = sentence;
          out.add(t);
          i += len;
          continue;
        }
      }
      if (Character.isLetterOrDigit(c) || Character.isSurrogate(c) && isLetterAt(text, i)) {
        if ((c == 'h' || c == 'w') && isUrlStart(text, i, n)) {
          i = skipNonSpace(text, i, n);
          addSimple(out, Token.URL, sentence);
          continue;
        }
        int end = wordEnd(text, i, n);
        Token t = word(text, i, end, Token.WORD);
        t.sentence = sentence;
        // part of a hyphenated compound ("tax-the-rich", "well-known")
        t.compound =
            i > 1 && text.charAt(i - 1) == '-' && Character.isLetterOrDigit(text.charAt(i - 2))
                || end + 1 < n
                    && text.charAt(end) == '-'
                    && Character.isLetterOrDigit(text.charAt(end + 1));
        out.add(t);
        i = end;
        continue;
      }
      if ((c == '#' || c == '@') && i + 1 < n && isWordStart(text, i + 1)) {
        int end = wordEnd(text, i + 1, n);
        while (end < n && text.charAt(end) == '_') {
          end = end + 1 < n && isWordStart(text, end + 1) ? wordEnd(text, end + 1, n) : end + 1;
        }
        if (c == '@') {
          addSimple(out, Token.HANDLE, sentence);
        } else {
          Token t = word(text, i + 1, end, Token.HASHTAG);
          t.sentence = sentence;
          out.add(t);
        }
        i = end;
        continue;
      }
      int cp = Character.codePointAt(text, i);
      int cpLen = Character.charCount(cp);
      if (isEmoji(cp)) {
        float v = lex.emoji(cp);
        Token t = new Token();
        t.type = Token.EMOJI;
        t.raw = new String(Character.toChars(cp));
        t.emo = v;
        t.sentence = sentence;
        out.add(t);
        i += cpLen;
        continue;
      }
      switch (c) {
        case '!':
          addSimple(out, Token.EXCL, sentence);
          if (!(i + 1 < n && (text.charAt(i + 1) == '!' || text.charAt(i + 1) == '?'))) {
            out.get(out.size() - 1).sentenceEnd = true;
            sentence++;
          }
          break;
        case '?':
          addSimple(out, Token.QUEST, sentence);
          if (!(i + 1 < n && (text.charAt(i + 1) == '?' || text.charAt(i + 1) == '!'))) {
            out.get(out.size() - 1).sentenceEnd = true;
            sentence++;
          }
          break;
        case '¿':
          addSimple(out, Token.OPEN_MARK, sentence);
          addSimple(out, Token.QUEST, sentence);
          break;
        case '¡':
          addSimple(out, Token.OPEN_MARK, sentence);
          break;
        case '.':
        case '\n':
        case '…':
          if (!out.isEmpty() && out.get(out.size() - 1).type == Token.BOUND) {
            Token last = out.get(out.size() - 1);
            if (!last.sentenceEnd) {
              last.sentenceEnd = true;
              sentence++;
            }
          } else {
            addSimple(out, Token.BOUND, sentence).sentenceEnd = true;
            sentence++;
          }
          break;
        case ',':
        case ';':
        case ':':
        case '(':
        case ')':
        case '"':
        case '“':
        case '”':
        case '|':
        case '/':
          if (out.isEmpty() || out.get(out.size() - 1).type != Token.BOUND) {
            addSimple(out, Token.BOUND, sentence);
          }
          break;
        default:
          // other punctuation, symbols, controls, variation selectors: ignored
      }
      i += cpLen;
    }
    return out;
  }

  private static Token addSimple(List<Token> out, int type, int sentence) {
    Token t = new Token();
    t.type = type;
    t.sentence = sentence;
    out.add(t);
    return t;
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

  private static boolean isLetterAt(String s, int i) {
    return Character.isLetterOrDigit(Character.codePointAt(s, i));
  }

  private static boolean isWordStart(String s, int i) {
    char c = s.charAt(i);
    return Character.isLetterOrDigit(c) || c == '_' || Character.isSurrogate(c) && isLetterAt(s, i);
  }

  private static boolean isUrlStart(String s, int i, int n) {
    return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i);
  }

  private static int skipNonSpace(String s, int i, int n) {
    while (i < n && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** End of a word: letters, digits, combining marks, and an apostrophe between letters. */
  private static int wordEnd(String s, int i, int n) {
    while (i < n) {
      char c = s.charAt(i);
      if (c < 128) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          i++;
          continue;
        }
        if (c == '\'' && i + 1 < n && Character.isLetter(s.charAt(i + 1)) && i > 0) {
          i++;
          continue;
        }
        return i;
      }
      if (c == '’' && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
        i++;
        continue;
      }
      int cp = Character.codePointAt(s, i);
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

  private static Token word(String s, int from, int to, int type) {
    Token t = new Token();
    t.type = type;
    String raw = s.substring(from, to);
    t.raw = raw;
    int n = raw.length();
    int upper = 0;
    int lower = 0;
    boolean ascii = true;
    boolean elong = false;
    boolean apostrophe = false;
    char prev = 0;
    int run = 1;
    for (int k = 0; k < n; k++) {
      char c = raw.charAt(k);
      char lc;
      if (c < 128) {
        if (c >= 'A' && c <= 'Z') {
          upper++;
          lc = (char) (c + 32);
        } else {
          if (c >= 'a' && c <= 'z') {
            lower++;
          }
          lc = c;
        }
      } else {
        ascii = false;
        if (Character.isUpperCase(c)) {
          upper++;
        } else if (Character.isLowerCase(c)) {
          lower++;
        }
        apostrophe |= c == '’';
        lc = Character.toLowerCase(c);
      }
      if (lc == prev && lc >= 'a') {
        if (++run == 3) {
          elong = true;
        }
      } else {
        run = 1;
      }
      prev = lc;
    }
    t.caps = upper >= 2 && lower == 0;
    t.elongated = elong;
    t.nonAscii = !ascii;
    if (ascii) {
      if (upper == 0) {
        t.key = raw;
      } else {
        char[] k = new char[n];
        for (int i = 0; i < n; i++) {
          char c = raw.charAt(i);
          k[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        t.key = new String(k);
      }
    } else {
      t.key = Lexicon.fold(apostrophe ? raw.replace('’', '\'') : raw);
    }
    return t;
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
