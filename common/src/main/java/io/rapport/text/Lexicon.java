package io.rapport.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The lexicons and rule words, loaded once from classpath resources under {@code lexicons/}. All
 * word keys are lower-cased with accents folded ({@link #fold}); phrases hang off their first word.
 * Immutable after {@link #load()}.
 */
final class Lexicon {
  static final String BASE = "/lexicons/";

  private final Map<String, Entry> words = new HashMap<>(32_768);

  /** Read-only open-addressing copy of {@link #words} for the hot path, built after loading. */
  private WordTable table;

  private final Map<String, Float> emoticons = new HashMap<>(512);
  private final Map<Integer, Float> emoji = new HashMap<>(4096);
  private final boolean[] emoticonStart = new boolean[128];

  /** Two-character emoticon prefixes (both characters ASCII). */
  private final boolean[] emoticonPrefix = new boolean[128 * 128];

  private int maxEmoticon;

  private Lexicon() {}

  static Lexicon load() {
    Lexicon lx = new Lexicon();
    lx.loadVader("en/vader_lexicon.txt");
    lx.loadValences("en/rapport_en.tsv", Entry.EN);
    lx.loadValences("es/afinn_es_curated.tsv", Entry.ES);
    lx.loadValences("es/rapport_es.tsv", Entry.ES);
    lx.loadValences("emoticons_rapport.tsv", -1);
    lx.loadRules("rules.tsv");
    lx.loadStopwords("es/stopwords.txt", Entry.ES);
    lx.loadStopwords("en/stopwords.txt", Entry.EN);
    lx.loadLangId("langid.tsv");
    lx.loadEmoji("en/emoji_utf8_lexicon.txt");
    lx.loadEmojiOverrides("emoji_rapport.tsv");
    lx.expandInflections();
    return lx;
  }

  /** Freezes the word map into the lookup table (after every entry, phrase and pattern exists). */
  void freeze() {
    for (Entry e : words.values()) {
      e.indexPhrases();
    }
    table = new WordTable(words);
  }

  /**
   * Open addressing with linear probing, laid out for few cache misses: a slot is three adjacent
   * ints (the key's hash, where its characters are in one shared pool, the entry's index), so a
   * probe reads one cache line, an unknown word usually no other, and a known word's characters are
   * compared in the pool without touching its Entry or String.
   */
  private static final class WordTable {
    /** Per slot: hash, pool offset << 8 | length, entry index + 1 (0: empty slot). */
    private final int[] slots;

    private final char[] pool;
    private final Entry[] entries;
    private final int mask;

    WordTable(Map<String, Entry> words) {
      int cap = Integer.highestOneBit(Math.max(16, words.size() * 2) - 1) << 1;
      slots = new int[cap * 3];
      entries = new Entry[words.size()];
      mask = cap - 1;
      int chars = 0;
      for (String k : words.keySet()) {
        chars += k.length();
      }
      if (chars >= 1 << 23) {
        throw new IllegalStateException("lexicon keys too long for the table: " + chars);
      }
      pool = new char[chars];
      int at = 0;
      int n = 0;
      for (Map.Entry<String, Entry> me : words.entrySet()) {
        String k = me.getKey();
        if (k.length() > 255) {
          throw new IllegalStateException("lexicon key over 255 characters: " + k);
        }
        int h = k.hashCode();
        int i = spread(h) & mask;
        while (slots[3 * i + 2] != 0) {
          i = (i + 1) & mask;
        }
        k.getChars(0, k.length(), pool, at);
        entries[n] = me.getValue();
        slots[3 * i] = h;
        slots[3 * i + 1] = at << 8 | k.length();
        slots[3 * i + 2] = ++n;
        at += k.length();
      }
    }

    private static int spread(int h) {
      return (h ^ (h >>> 16)) * 0x9E3779B9;
    }

    Entry get(char[] key, int off, int len, int h) {
      int[] sl = slots;
      int i = spread(h) & mask;
      int idx;
      while ((idx = sl[3 * i + 2]) != 0) {
        int where = sl[3 * i + 1];
        if (sl[3 * i] == h && (where & 0xFF) == len && equal(where >>> 8, key, off, len)) {
          return entries[idx - 1];
        }
        i = (i + 1) & mask;
      }
      return null;
    }

    private boolean equal(int at, char[] key, int off, int len) {
      char[] p = pool;
      for (int j = 0; j < len; j++) {
        if (p[at + j] != key[off + j]) {
          return false;
        }
      }
      return true;
    }

    Entry get(String key) {
      int h = key.hashCode();
      int[] sl = slots;
      int i = spread(h) & mask;
      int idx;
      while ((idx = sl[3 * i + 2]) != 0) {
        if (sl[3 * i] == h) {
          Entry e = entries[idx - 1];
          if (e.key.equals(key)) {
            return e;
          }
        }
        i = (i + 1) & mask;
      }
      return null;
    }
  }

  // ---------------------------------------------------------------- lookups

  /**
   * Entry of the folded key {@code key[0, len)} whose {@link String#hashCode} is {@code h}, without
   * building a String.
   */
  Entry get(char[] key, int len, int h) {
    return get(key, 0, len, h);
  }

  /** As {@link #get(char[], int, int)} for the key {@code key[off, off + len)}. */
  Entry get(char[] key, int off, int len, int h) {
    WordTable t = table;
    return t != null ? t.get(key, off, len, h) : words.get(new String(key, off, len));
  }

  Entry get(String foldedKey) {
    WordTable t = table;
    return t != null ? t.get(foldedKey) : words.get(foldedKey);
  }

  boolean isEmoticonStart(char c) {
    return c < 128 && emoticonStart[c];
  }

  /** Whether an emoticon may start with the two characters at i (cheap pre-check). */
  boolean emoticonPrefix(String s, int i, int n) {
    if (i + 1 >= n) {
      return false;
    }
    char a = s.charAt(i);
    char b = s.charAt(i + 1);
    return a < 128 && b < 128 && emoticonPrefix[a * 128 + b];
  }

  /** Length of the longest emoticon at {@code s[i..]}, or 0. */
  int matchEmoticon(String s, int i, int n) {
    for (int len = Math.min(maxEmoticon, n - i); len >= 2; len--) {
      String cand = s.substring(i, i + len);
      if (emoticons.containsKey(cand) || emoticons.containsKey(cand.toLowerCase(Locale.ROOT))) {
        char last = s.charAt(i + len - 1);
        if (i + len < n && Character.isLetterOrDigit(last)) {
          char next = s.charAt(i + len);
          if (Character.isLetterOrDigit(next)) {
            continue;
          }
        }
        if (Character.isLetter(s.charAt(i)) && i + len < n && s.charAt(i + len) == '\'') {
          continue;
        }
        return len;
      }
    }
    return 0;
  }

  float emoticon(String e) {
    Float v = emoticons.get(e);
    if (v == null) {
      v = emoticons.get(e.toLowerCase(Locale.ROOT));
    }
    return v == null ? 0f : v;
  }

  float emoji(int cp) {
    Float v = emoji.get(cp);
    return v == null ? 0f : v;
  }

  Iterable<Entry> entries() {
    return words.values();
  }

  /** Lower-case (ROOT) and strip acute, grave, circumflex and diaeresis from vowels; keep ñ. */
  static String fold(String s) {
    int n = s.length();
    int k = 0;
    while (k < n && s.charAt(k) < 128 && !Character.isUpperCase(s.charAt(k))) {
      k++;
    }
    if (k == n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n);
    b.append(s, 0, k);
    for (; k < n; k++) {
      char c = s.charAt(k);
      if (c < 128) {
        b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        continue;
      }
      c = Character.toLowerCase(c);
      switch (c) {
        case 'á', 'à', 'â', 'ä' -> b.append('a');
        case 'é', 'è', 'ê', 'ë' -> b.append('e');
        case 'í', 'ì', 'î', 'ï' -> b.append('i');
        case 'ó', 'ò', 'ô', 'ö' -> b.append('o');
        case 'ú', 'ù', 'û', 'ü' -> b.append('u');
        case '\u0301', '\u0300', '\u0308', '\u0302' -> {} // combining accents
        case '’' -> b.append('\'');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- loading

  Entry entry(String foldedKey) {
    return words.computeIfAbsent(foldedKey, Entry::new);
  }

  /** Entry for a key that may be a phrase ("una pasada"): phrases hang off their first word. */
  Entry entryForKey(String rawKey) {
    String key = fold(rawKey.trim().replaceAll("\\s+", " "));
    int sp = key.indexOf(' ');
    if (sp < 0) {
      return entry(key);
    }
    String[] parts = key.split(" ");
    Entry first = entry(parts[0]);
    String[] rest = Arrays.copyOfRange(parts, 1, parts.length);
    for (Entry.Phrase p : first.phrases) {
      if (Arrays.equals(p.rest, rest)) {
        return p.entry;
      }
    }
    Entry pe = new Entry(key);
    Entry.Phrase[] ps = Arrays.copyOf(first.phrases, first.phrases.length + 1);
    ps[ps.length - 1] = new Entry.Phrase(rest, pe);
    Arrays.sort(ps, (a, b) -> b.rest.length - a.rest.length); // longest first
    first.phrases = ps;
    return pe;
  }

  static boolean isEmoticonKey(String k) {
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '\'' && c != '-' && c != ' ') {
        return k.length() >= 2;
      }
    }
    return false;
  }

  private void addEmoticon(String k, float v) {
    if (k.length() > 6 || k.length() < 2) {
      return;
    }
    emoticons.put(k, v);
    String lower = k.toLowerCase(Locale.ROOT);
    if (!lower.equals(k)) {
      emoticons.putIfAbsent(lower, v); // ":-P" is looked up as ":-p"
    }
    char c = k.charAt(0);
    if (c < 128 && !Character.isDigit(c) && c != '.' && c != ',') {
      char b = k.charAt(1);
      for (char x : new char[] {c, Character.toUpperCase(c), Character.toLowerCase(c)}) {
        if (x < 128) {
          emoticonStart[x] = true;
          for (char y : new char[] {b, Character.toUpperCase(b), Character.toLowerCase(b)}) {
            if (y < 128) {
              emoticonPrefix[x * 128 + y] = true;
            }
          }
        }
      }
    }
    maxEmoticon = Math.max(maxEmoticon, k.length());
  }

  private void loadVader(String res) {
    lines(
        res,
        line -> {
          String[] f = line.split("\t");
          if (f.length < 2) {
            return;
          }
          float v = Float.parseFloat(f[1]);
          if (isEmoticonKey(f[0])) {
            addEmoticon(f[0], v);
          } else {
            entryForKey(f[0]).setVal(Entry.EN, v);
          }
        });
  }

  /** {@code key<TAB>valence[<TAB>source]}; lang -1 = emoticons (both languages). */
  private void loadValences(String res, int lang) {
    lines(
        res,
        line -> {
          String[] f = line.split("\t");
          if (f.length < 2) {
            return;
          }
          float v = Float.parseFloat(f[1].trim());
          if (lang < 0 || isEmoticonKey(f[0])) {
            addEmoticon(f[0], v);
            if (lang < 0 && !f[0].equals(f[0].toLowerCase(Locale.ROOT))) {
              addEmoticon(f[0].toLowerCase(Locale.ROOT), v);
            }
          } else {
            entryForKey(f[0]).setVal(lang, v);
          }
        });
  }

  private static int langIndex(String l) {
    return switch (l) {
      case "es" -> Entry.ES;
      case "en" -> Entry.EN;
      default -> throw new IllegalArgumentException("rules.tsv: unknown language " + l);
    };
  }

  /**
   * {@code lang<TAB>kind<TAB>key[<TAB>value]}, lang "es", "en" or "*"; kinds: neg, negweak, never,
   * so, but, concessive, boost (value: scalar, negative for dampeners), alias (value: target),
   * domain.
   */
  private void loadRules(String res) {
    List<String[]> aliases = new ArrayList<>();
    lines(
        res,
        line -> {
          String[] f = line.split("\t");
          if (f.length < 3) {
            throw new IllegalArgumentException("rules.tsv: bad line " + line);
          }
          int[] langs =
              f[0].equals("*") ? new int[] {Entry.ES, Entry.EN} : new int[] {langIndex(f[0])};
          if (f[1].equals("alias")) {
            aliases.add(new String[] {f[2], f[3]});
            return;
          }
          Entry e = entryForKey(f[2]);
          for (int l : langs) {
            switch (f[1]) {
              case "neg" -> e.addFlags(l, Entry.NEG);
              case "negweak" -> e.addFlags(l, Entry.NEG | Entry.NEG_WEAK);
              case "never" -> e.addFlags(l, Entry.NEG | Entry.NEVER);
              case "so" -> e.addFlags(l, Entry.SO);
              case "this" -> e.addFlags(l, Entry.THIS);
              case "unneg" -> e.addFlags(l, Entry.UNNEG);
              case "marker" -> e.addFlags(l, Entry.MARKER);
              case "modal" -> e.addFlags(l, Entry.MODAL);
              case "but" -> e.addFlags(l, Entry.BUT);
              case "concessive" -> e.addFlags(l, Entry.CONCESSIVE);
              case "domain" -> e.addFlags(l, Entry.DOMAIN);
              case "boost" -> {
                // a booster that also has a valence ("pretty") is only sentiment when it does
                // not modify a following word: decided by the scorer
                e.setBoost(l, Float.parseFloat(f[3]));
              }
              default -> throw new IllegalArgumentException("rules.tsv: unknown kind " + f[1]);
            }
          }
        });
    for (String[] a : aliases) {
      Entry from = entryForKey(a[0]);
      from.alias = entryForKey(a[1]);
    }
  }

  private void loadStopwords(String res, int lang) {
    lines(
        res,
        line -> {
          for (String w : line.trim().split("\\s+")) {
            if (!w.isEmpty()) {
              entry(fold(w)).addFlags(lang, Entry.STOP);
            }
          }
        });
  }

  /**
   * Adds inflected forms of valenced words that the lexicons lack, so that a lookup is one hash
   * probe at run time. Spanish: gender and number of adjectives (bueno → buena, buenos, buenas;
   * amable → amables; feliz → felices), -ísimo superlatives with extra emphasis (rico → riquísimo)
   * and -mente adverbs. English: -s, -ed, -er, -est, -ly, -y → -ier/-iest/-ily, -ble → -bly and the
   * dropped g of -ing ("lovin"). Existing entries are never overridden.
   */
  private void expandInflections() {
    List<String[]> es = new ArrayList<>();
    List<String[]> en = new ArrayList<>();
    for (Entry e : words.values()) {
      String k = e.key;
      if (k.length() < 3 || !k.chars().allMatch(Character::isLetter)) {
        continue;
      }
      if (!Float.isNaN(e.val(Entry.ES))) {
        float v = e.val(Entry.ES);
        String sup = Float.toString(v + Math.signum(v) * SUPERLATIVE);
        char last = k.charAt(k.length() - 1);
        String stem = k.substring(0, k.length() - 1);
        if (last == 'o') {
          add(es, stem + "a", v, stem + "os", v, stem + "as", v, stem + "amente", v);
          String sst =
              stem.endsWith("c")
                  ? stem.substring(0, stem.length() - 1) + "qu"
                  : stem.endsWith("g") ? stem + "u" : stem;
          addSuperlatives(es, sst, sup);
        } else if (last == 'e') {
          add(es, k + "s", v, k + "mente", v);
          String sst = k.endsWith("ble") ? k.substring(0, k.length() - 3) + "bil" : stem;
          addSuperlatives(es, sst, sup);
        } else if (last == 'z') {
          add(es, stem + "ces", v, k + "mente", v);
          addSuperlatives(es, stem + "c", sup);
        } else if (last == 'l' || last == 'n' || last == 'r') {
          add(es, k + "es", v, k + "mente", v);
          addSuperlatives(es, k, sup);
        } else if (last == 'a') {
          add(es, k + "s", v);
        }
      }
      if (!Float.isNaN(e.val(Entry.EN)) && k.chars().allMatch(c -> c < 128)) {
        float v = e.val(Entry.EN);
        int n = k.length();
        String stem = k.substring(0, n - 1);
        if (k.endsWith("ing")) {
          add(en, stem, v); // "lovin"
        }
        if (k.endsWith("y") && n > 3) {
          add(
              en,
              stem + "ier",
              v,
              stem + "iest",
              v,
              stem + "ily",
              v,
              stem + "ies",
              v,
              stem + "ied",
              v);
        } else if (k.endsWith("ble")) {
          add(en, stem + "y", v);
        } else if (k.endsWith("e")) {
          add(en, k + "s", v, k + "d", v, k + "st", v);
        } else if (k.endsWith("s") || k.endsWith("x") || k.endsWith("sh") || k.endsWith("ch")) {
          add(en, k + "es", v, k + "ed", v, k + "ly", v);
        } else {
          add(en, k + "s", v, k + "ed", v, k + "est", v, k + "ly", v);
        }
      }
    }
    for (String[] f : es) {
      addDerived(f[0], Float.parseFloat(f[1]), Entry.ES);
    }
    for (String[] f : en) {
      addDerived(f[0], Float.parseFloat(f[1]), Entry.EN);
    }
  }

  /** Extra emphasis of a Spanish -ísimo superlative. */
  static final float SUPERLATIVE = 0.6f;

  private static void addSuperlatives(List<String[]> out, String stem, String v) {
    for (String suf : new String[] {"isimo", "isima", "isimos", "isimas"}) {
      out.add(new String[] {stem + suf, v});
    }
  }

  private static void add(List<String[]> out, Object... kv) {
    for (int i = 0; i < kv.length; i += 2) {
      out.add(new String[] {(String) kv[i], Float.toString((Float) kv[i + 1])});
    }
  }

  private void addDerived(String key, float v, int lang) {
    Entry e = words.get(key);
    if (e == null) {
      e = new Entry(key);
      words.put(key, e);
    } else if (e.active(lang) || e.alias != null) {
      return;
    }
    e.setVal(lang, v);
  }

  /** {@code lang<TAB>weight<TAB>word word ...}: language-id evidence of frequent words. */
  private void loadLangId(String res) {
    lines(
        res,
        line -> {
          String[] f = line.split("\t");
          int l = java.util.Arrays.asList(LanguageDetector.LANGS).indexOf(f[0]);
          if (l < 0 || f.length < 3) {
            throw new IllegalArgumentException("langid.tsv: bad line " + line);
          }
          float w = Float.parseFloat(f[1]);
          for (String word : f[2].trim().split("\\s+")) {
            Entry e = entry(fold(word));
            if (e.langWeights == null) {
              e.langWeights = new float[LanguageDetector.NLANG];
            }
            e.langWeights[l] = Math.max(e.langWeights[l], w);
          }
        });
  }

  /**
   * VADER's emoji file gives descriptions; an emoji's valence is the summed English valence of its
   * description words (negators ignored), damped and clamped to [-3, 3].
   */
  private void loadEmoji(String res) {
    lines(
        res,
        line -> {
          int tab = line.indexOf('\t');
          if (tab <= 0) {
            return;
          }
          String e = line.substring(0, tab);
          int cp = e.codePointAt(0);
          int len = Character.charCount(cp);
          // single code point, optionally followed by the emoji variation selector
          if (e.length() > len && !(e.length() == len + 1 && e.charAt(len) == '\uFE0F')) {
            return;
          }
          float sum = 0;
          for (String w : line.substring(tab + 1).toLowerCase(Locale.ROOT).split("[^a-z']+")) {
            Entry en = words.get(w);
            if (en != null && !Float.isNaN(en.val(Entry.EN))) {
              sum += en.val(Entry.EN);
            }
          }
          if (sum != 0) {
            emoji.put(cp, Math.max(-3f, Math.min(3f, sum * 0.8f)));
          }
        });
  }

  private void loadEmojiOverrides(String res) {
    lines(
        res,
        line -> {
          String[] f = line.split("\t");
          if (f.length >= 2) {
            emoji.put(f[0].codePointAt(0), Float.parseFloat(f[1].trim()));
          }
        });
  }

  static void lines(String res, Consumer<String> each) {
    try (InputStream in = Lexicon.class.getResourceAsStream(BASE + res)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BASE + res);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") && !line.startsWith("#\t")) {
          continue;
        }
        each.accept(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
