package io.rapport.listening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Space-Saving heavy hitters (Metwally, Agrawal and El Abbadi, 2005) in at most {@link #capacity}
 * counters: exact while fewer distinct items than counters were seen; beyond that each kept count
 * over-estimates the true count by at most its {@link #errors} entry. Mergeable (Agarwal et al.,
 * "Mergeable summaries", 2012): the merge adds counts and, for an item one side lacks, that side's
 * smallest count when it is full.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class SpaceSaving {
  public int capacity;
  public Map<String, Long> counts;
  public Map<String, Long> errors;

  public SpaceSaving() {
    this(100);
  }

  public SpaceSaving(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.counts = new HashMap<>();
    this.errors = new HashMap<>();
  }

  /** Counts one occurrence of {@code item}. */
  public void add(String item) {
    add(item, 1);
  }

  /** Counts {@code n} occurrences of {@code item}. */
  public void add(String item, long n) {
    Long c = counts.get(item);
    if (c != null) {
      counts.put(item, c + n);
      return;
    }
    if (counts.size() < capacity) {
      counts.put(item, n);
      errors.put(item, 0L);
      return;
    }
    String min = minItem();
    long minCount = counts.remove(min);
    errors.remove(min);
    counts.put(item, minCount + n);
    errors.put(item, minCount);
  }

  /** Adds {@code other}'s counts into this summary (which keeps its capacity). */
  public void merge(SpaceSaving other) {
    long thisMin = counts.size() >= capacity ? counts.get(minItem()) : 0;
    long otherMin = other.counts.size() >= other.capacity ? other.counts.get(other.minItem()) : 0;
    Set<String> items = new HashSet<>(counts.keySet());
    items.addAll(other.counts.keySet());
    Map<String, Long> c = new HashMap<>();
    Map<String, Long> e = new HashMap<>();
    for (String item : items) {
      Long a = counts.get(item);
      Long b = other.counts.get(item);
      long count = (a == null ? thisMin : a) + (b == null ? otherMin : b);
      long error =
          (a == null ? thisMin : errors.getOrDefault(item, 0L))
              + (b == null ? otherMin : other.errors.getOrDefault(item, 0L));
      c.put(item, count);
      e.put(item, error);
    }
    if (c.size() > capacity) {
      List<String> keep = new ArrayList<>(c.keySet());
      keep.sort(order(c));
      for (String drop : keep.subList(capacity, keep.size())) {
        c.remove(drop);
        e.remove(drop);
      }
    }
    counts = c;
    errors = e;
  }

  /** The {@code k} items with the highest counts, highest first (ties by item), with counts. */
  public List<Map.Entry<String, Long>> top(int k) {
    List<String> items = new ArrayList<>(counts.keySet());
    items.sort(order(counts));
    List<Map.Entry<String, Long>> out = new ArrayList<>();
    for (String item : items.subList(0, Math.min(k, items.size()))) {
      out.add(Map.entry(item, counts.get(item)));
    }
    return out;
  }

  /** Highest count first, then item order: deterministic. */
  private static Comparator<String> order(Map<String, Long> counts) {
    return Comparator.<String>comparingLong(counts::get).reversed().thenComparing(s -> s);
  }

  private String minItem() {
    String min = null;
    long minCount = Long.MAX_VALUE;
    for (Map.Entry<String, Long> en : counts.entrySet()) {
      long c = en.getValue();
      if (c < minCount || (c == minCount && en.getKey().compareTo(min) > 0)) {
        min = en.getKey();
        minCount = c;
      }
    }
    return min;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SpaceSaving)) {
      return false;
    }
    SpaceSaving t = (SpaceSaving) o;
    return capacity == t.capacity && counts.equals(t.counts) && errors.equals(t.errors);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(capacity, counts);
  }
}
