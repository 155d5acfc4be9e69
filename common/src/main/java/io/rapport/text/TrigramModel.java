package io.rapport.text;

import java.util.Arrays;

/**
 * Character-trigram log-probabilities of Spanish versus English words, estimated at load time from
 * the project's own word lists (Spanish and English lexicon and stop-word keys). Trigrams of
 * "^word$" are packed into longs in an open-addressing table.
 */
final class TrigramModel {
  private final long[] keys;
  private final float[] es;
  private final float[] en;

  /** es[s] - en[s] per slot (what lookups need: one array to touch). */
  private float[] diff;

  private final int mask;
  private final float esUnseen;
  private final float enUnseen;

  private TrigramModel(int capacity, float esUnseen, float enUnseen) {
    int cap = Integer.highestOneBit(capacity * 2 - 1) << 1;
    keys = new long[cap];
    Arrays.fill(keys, -1L);
    es = new float[cap];
    en = new float[cap];
    mask = cap - 1;
    this.esUnseen = esUnseen;
    this.enUnseen = enUnseen;
  }

  static TrigramModel build(Lexicon lex) {
    java.util.HashMap<Long, int[]> counts = new java.util.HashMap<>();
    long[] total = new long[2];
    for (Entry e : lex.entries()) {
      String k = e.key;
      if (k.length() < 2 || k.indexOf(' ') >= 0) {
        continue;
      }
      boolean esWord = !Float.isNaN(e.val(Entry.ES)) || e.has(Entry.STOP, Entry.ES);
      boolean enWord = !Float.isNaN(e.val(Entry.EN)) || e.has(Entry.STOP, Entry.EN);
      if (esWord == enWord) {
        continue; // shared or neither: not evidence
      }
      int l = esWord ? 0 : 1;
      String w = "^" + k + "$";
      for (int i = 0; i + 3 <= w.length(); i++) {
        long key = pack(w, i);
        counts.computeIfAbsent(key, x -> new int[2])[l]++;
        total[l]++;
      }
    }
    int v = counts.size() + 1;
    float esUnseen = (float) Math.log(1.0 / (total[0] + v));
    float enUnseen = (float) Math.log(1.0 / (total[1] + v));
    TrigramModel m = new TrigramModel(counts.size() + 1, esUnseen, enUnseen);
    counts.forEach(
        (key, c) -> {
          int slot = m.slot(key);
          m.keys[slot] = key;
          m.es[slot] = (float) Math.log((c[0] + 1.0) / (total[0] + v));
          m.en[slot] = (float) Math.log((c[1] + 1.0) / (total[1] + v));
        });
    m.diff = new float[m.keys.length];
    for (int s = 0; s < m.keys.length; s++) {
      m.diff[s] = m.es[s] - m.en[s];
    }
    return m;
  }

  private static long pack(String w, int i) {
    return ((long) w.charAt(i) << 32) | ((long) w.charAt(i + 1) << 16) | w.charAt(i + 2);
  }

  private int slot(long key) {
    int h = (int) (key ^ (key >>> 29) ^ (key >>> 17)) * 0x9E3779B9;
    int s = h & mask;
    while (keys[s] != -1L && keys[s] != key) {
      s = (s + 1) & mask;
    }
    return s;
  }

  /** Mean per-trigram log-likelihood ratio (Spanish minus English) of a folded word. */
  float esMinusEn(String word) {
    int n = word.length() + 2;
    float sum = 0;
    int count = 0;
    for (int i = 0; i + 3 <= n; i++) {
      char a = i == 0 ? '^' : word.charAt(i - 1);
      char b = word.charAt(i); // i + 1 - 1
      char c = i + 2 == n - 1 ? '$' : word.charAt(i + 1);
      long key = ((long) a << 32) | ((long) b << 16) | c;
      int s = slot(key);
      if (keys[s] == key) {
        sum += diff[s];
      } else {
        sum += esUnseen - enUnseen;
      }
      count++;
    }
    return count == 0 ? 0 : sum / count;
  }
}
