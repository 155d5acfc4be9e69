package io.rapport.listening;

import io.rapport.identity.Identifiers;
import io.rapport.model.EnrichedMention;
import io.rapport.model.SocialMention;
import io.rapport.profile.ProfileLogic;
import io.rapport.text.Analysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running aggregate of one brand's window: add mentions, merge two accumulators of the same
 * window (partial aggregates), and read the {@link ListeningAggregate}. Bounded: hashtags, terms
 * and cities in {@link SpaceSaving} counters of {@link #capacity}; authors kept only while among
 * the {@link #authorCapacity} with most followers (exact: an author's reach is their largest
 * follower count seen).
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class ListeningAccumulator {
  public int capacity;
  public int authorCapacity;
  public long total;
  public long positive;
  public long negative;
  public long neutral;
  public double sentimentSum;
  public Map<String, Long> byPlatform = new HashMap<>();
  public Map<String, Long> byLanguage = new HashMap<>();
  public Map<String, Long> byCountry = new HashMap<>();

  /** Mentions per topic (a mention counts for each of its topics), and the negative ones. */
  public Map<String, Long> byTopic = new HashMap<>();

  public Map<String, Long> byTopicNegative = new HashMap<>();

  /** Mentions per intent (complaint, question ...; a mention counts for each of its intents). */
  public Map<String, Long> byIntent = new HashMap<>();

  public SpaceSaving cities;
  public SpaceSaving hashtags;
  public SpaceSaving terms;
  public Map<String, Long> authors = new HashMap<>();

  public ListeningAccumulator() {
    this(100, 10);
  }

  /**
   * @param capacity counters kept for hashtags, terms and cities
   * @param authorCapacity authors kept (the top-K published)
   */
  public ListeningAccumulator(int capacity, int authorCapacity) {
    this.capacity = capacity;
    this.authorCapacity = authorCapacity;
    this.cities = new SpaceSaving(capacity);
    this.hashtags = new SpaceSaving(capacity);
    this.terms = new SpaceSaving(capacity);
  }

  /** Counts one mention. */
  public void add(EnrichedMention em) {
    withMapsOfLaterVersions();
    SocialMention m = em.mention;
    Analysis a = em.analysis;
    total++;
    double compound = a == null ? 0.0 : a.compound;
    sentimentSum += compound;
    String label = ProfileLogic.sentimentLabel(compound);
    switch (label) {
      case "positive":
        positive++;
        break;
      case "negative":
        negative++;
        break;
      default:
        neutral++;
    }
    byPlatform.merge(orUnknown(m.platform), 1L, Long::sum);
    String lang = a != null && a.lang != null ? a.lang : m.lang;
    byLanguage.merge(orUnknown(lang), 1L, Long::sum);
    if (m.geo != null) {
      if (m.geo.country != null && !m.geo.country.isBlank()) {
        byCountry.merge(m.geo.country, 1L, Long::sum);
      }
      if (m.geo.city != null && !m.geo.city.isBlank()) {
        cities.add((m.geo.country == null ? "" : m.geo.country) + "|" + m.geo.city);
      }
    }
    if (a != null) {
      for (String h : a.hashtags) {
        hashtags.add(h);
      }
      for (String t : a.terms) {
        terms.add(t);
      }
      if (a.topics != null) {
        for (String t : a.topics) {
          byTopic.merge(t, 1L, Long::sum);
          if ("negative".equals(label)) {
            byTopicNegative.merge(t, 1L, Long::sum);
          }
        }
      }
      if (a.intents != null) {
        for (String i : a.intents) {
          byIntent.merge(i, 1L, Long::sum);
        }
      }
    }
    if (m.author != null && m.author.handle != null) {
      offerAuthor(Identifiers.of(m), m.author.followers);
    }
  }

  /** Adds {@code other} (of the same brand and window) into this accumulator. */
  public void merge(ListeningAccumulator other) {
    withMapsOfLaterVersions();
    total += other.total;
    positive += other.positive;
    negative += other.negative;
    neutral += other.neutral;
    sentimentSum += other.sentimentSum;
    other.byPlatform.forEach((k, v) -> byPlatform.merge(k, v, Long::sum));
    other.byLanguage.forEach((k, v) -> byLanguage.merge(k, v, Long::sum));
    other.byCountry.forEach((k, v) -> byCountry.merge(k, v, Long::sum));
    other.withMapsOfLaterVersions();
    other.byTopic.forEach((k, v) -> byTopic.merge(k, v, Long::sum));
    other.byTopicNegative.forEach((k, v) -> byTopicNegative.merge(k, v, Long::sum));
    other.byIntent.forEach((k, v) -> byIntent.merge(k, v, Long::sum));
    cities.merge(other.cities);
    hashtags.merge(other.hashtags);
    terms.merge(other.terms);
    other.authors.forEach(this::offerAuthor);
  }

  /** The aggregate of this window, with the {@code topK} hashtags, terms and authors. */
  public ListeningAggregate toAggregate(
      String brand, String granularity, long windowStart, int topK) {
    withMapsOfLaterVersions();
    ListeningAggregate g = new ListeningAggregate();
    g.brand = brand;
    g.granularity = granularity;
    g.windowStart = windowStart;
    g.windowEnd = windowStart + ListeningAggregate.sizeMillis(granularity);
    g.total = total;
    g.positive = positive;
    g.negative = negative;
    g.neutral = neutral;
    g.sentimentSum = sentimentSum;
    g.sentimentMean = total == 0 ? 0.0 : sentimentSum / total;
    g.byPlatform = new TreeMap<>(byPlatform);
    g.byLanguage = new TreeMap<>(byLanguage);
    g.byCountry = new TreeMap<>(byCountry);
    g.byCity = new TreeMap<>(cities.counts);
    g.byTopic = new TreeMap<>(byTopic);
    g.byTopicNegative = new TreeMap<>(byTopicNegative);
    g.byIntent = new TreeMap<>(byIntent);
    g.topHashtags = toKeyCounts(hashtags.top(topK));
    g.topTerms = toKeyCounts(terms.top(topK));
    List<Map.Entry<String, Long>> a = new ArrayList<>(authors.entrySet());
    a.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    g.topAuthors = toKeyCounts(a.subList(0, Math.min(topK, a.size())));
    return g;
  }

  /**
   * Creates the maps that state written by a version before them lacks (topics, negative topics,
   * intents): Flink's documentation has a POJO field added since a checkpoint start at Java's
   * default, null. One check before each use instead of an accessor per map.
   */
  private void withMapsOfLaterVersions() {
    if (byTopic == null) {
      byTopic = new HashMap<>();
    }
    if (byTopicNegative == null) {
      byTopicNegative = new HashMap<>();
    }
    if (byIntent == null) {
      byIntent = new HashMap<>();
    }
  }

  private void offerAuthor(String author, long followers) {
    Long seen = authors.get(author);
    if (seen != null) {
      if (followers > seen) {
        authors.put(author, followers);
      }
      return;
    }
    authors.put(author, followers);
    if (authors.size() > authorCapacity) {
      String min = null;
      for (Map.Entry<String, Long> e : authors.entrySet()) {
        if (min == null
            || e.getValue() < authors.get(min)
            || (e.getValue().equals(authors.get(min)) && e.getKey().compareTo(min) > 0)) {
          min = e.getKey();
        }
      }
      authors.remove(min);
    }
  }

  private static List<KeyCount> toKeyCounts(List<Map.Entry<String, Long>> entries) {
    List<KeyCount> out = new ArrayList<>(entries.size());
    for (Map.Entry<String, Long> e : entries) {
      out.add(new KeyCount(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static String orUnknown(String s) {
    return s == null || s.isBlank() ? "und" : s;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ListeningAccumulator)) {
      return false;
    }
    ListeningAccumulator t = (ListeningAccumulator) o;
    return capacity == t.capacity
        && authorCapacity == t.authorCapacity
        && total == t.total
        && positive == t.positive
        && negative == t.negative
        && neutral == t.neutral
        && Double.compare(sentimentSum, t.sentimentSum) == 0
        && byPlatform.equals(t.byPlatform)
        && byLanguage.equals(t.byLanguage)
        && byCountry.equals(t.byCountry)
        && java.util.Objects.equals(byTopic, t.byTopic)
        && java.util.Objects.equals(byTopicNegative, t.byTopicNegative)
        && java.util.Objects.equals(byIntent, t.byIntent)
        && cities.equals(t.cities)
        && hashtags.equals(t.hashtags)
        && terms.equals(t.terms)
        && authors.equals(t.authors);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(total, positive, negative, neutral);
  }
}
