package io.rapport.listening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What was said about one tracked brand in one event-time window (a minute or an hour): volume,
 * sentiment classes (±0.05 on the analyzer's compound score), platforms, languages, places, top
 * hashtags and terms (Space-Saving estimates), top authors by reach (followers), and the brand's
 * share of voice among the tracked brands in the same window once known.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class ListeningAggregate {
  public static final String MINUTE = "minute";
  public static final String HOUR = "hour";

  public String brand;

  /** {@link #MINUTE} or {@link #HOUR}. */
  public String granularity;

  /** Window start, epoch milliseconds (inclusive). */
  public long windowStart;

  /** Window end, epoch milliseconds (exclusive). */
  public long windowEnd;

  public long total;
  public long positive;
  public long negative;
  public long neutral;
  public double sentimentSum;
  public double sentimentMean;
  public Map<String, Long> byPlatform = new TreeMap<>();
  public Map<String, Long> byLanguage = new TreeMap<>();
  public Map<String, Long> byCountry = new TreeMap<>();

  /** Keyed by {@code country|city} ({@code |city} when the country is unknown). */
  public Map<String, Long> byCity = new TreeMap<>();

  /** Mentions per topic (delivery, price ...; a mention counts for each of its topics). */
  public Map<String, Long> byTopic = new TreeMap<>();

  /** Negative mentions per topic. */
  public Map<String, Long> byTopicNegative = new TreeMap<>();

  /**
   * Mentions per intent (complaint, question, recommendation, purchase_intent, churn_threat; a
   * mention counts for each of its intents), as the brand reads them: a switch from one tracked
   * brand to another is a churn threat for the one and a purchase intent for the other.
   */
  public Map<String, Long> byIntent = new TreeMap<>();

  public List<KeyCount> topHashtags = new ArrayList<>();
  public List<KeyCount> topTerms = new ArrayList<>();

  /** Author identifiers ({@code social:<platform>:<handle>}) with their followers, most first. */
  public List<KeyCount> topAuthors = new ArrayList<>();

  /** This brand's mentions over all tracked brands' mentions in the window; null until known. */
  public Double shareOfVoice;

  /** All tracked brands' mentions in the window; 0 until known. */
  public long trackedTotal;

  public ListeningAggregate() {}

  /** Window length of a granularity, in milliseconds. */
  public static long sizeMillis(String granularity) {
    switch (granularity) {
      case MINUTE:
        return 60_000L;
      case HOUR:
        return 3_600_000L;
      default:
        throw new IllegalArgumentException("unknown granularity: " + granularity);
    }
  }

  /** The start of the window of {@code granularity} that holds {@code timestamp}. */
  public static long windowStart(String granularity, long timestamp) {
    long size = sizeMillis(granularity);
    return Math.floorDiv(timestamp, size) * size;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ListeningAggregate)) {
      return false;
    }
    ListeningAggregate t = (ListeningAggregate) o;
    return windowStart == t.windowStart
        && windowEnd == t.windowEnd
        && total == t.total
        && positive == t.positive
        && negative == t.negative
        && neutral == t.neutral
        && Double.compare(sentimentSum, t.sentimentSum) == 0
        && Double.compare(sentimentMean, t.sentimentMean) == 0
        && trackedTotal == t.trackedTotal
        && Objects.equals(brand, t.brand)
        && Objects.equals(granularity, t.granularity)
        && Objects.equals(byPlatform, t.byPlatform)
        && Objects.equals(byLanguage, t.byLanguage)
        && Objects.equals(byCountry, t.byCountry)
        && Objects.equals(byCity, t.byCity)
        && Objects.equals(byTopic, t.byTopic)
        && Objects.equals(byTopicNegative, t.byTopicNegative)
        && Objects.equals(byIntent, t.byIntent)
        && Objects.equals(topHashtags, t.topHashtags)
        && Objects.equals(topTerms, t.topTerms)
        && Objects.equals(topAuthors, t.topAuthors)
        && Objects.equals(shareOfVoice, t.shareOfVoice);
  }

  @Override
  public int hashCode() {
    return Objects.hash(brand, granularity, windowStart, total);
  }

  @Override
  public String toString() {
    return "ListeningAggregate{"
        + brand
        + " "
        + granularity
        + " "
        + windowStart
        + ".."
        + windowEnd
        + " total="
        + total
        + " +"
        + positive
        + " -"
        + negative
        + " ="
        + neutral
        + " platforms="
        + byPlatform
        + " langs="
        + byLanguage
        + " sov="
        + shareOfVoice
        + "}";
  }
}
