package io.rapport.listening;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.EsDocument;
import io.rapport.serde.Json;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Elasticsearch documents of a closed {@link ListeningAggregate}, in {@code
 * <prefix>listening-minute} or {@code <prefix>listening-hour}, all with deterministic ids so that a
 * replay overwrites them:
 *
 * <ul>
 *   <li>the window's summary, id {@code brand|granularity|windowStart}, {@code dimension: total}:
 *       count, sentiment classes and mean, share of voice, top hashtags, terms and authors;
 *   <li>one document per value of each dimension, id {@code
 *       brand|granularity|windowStart|dimension|value}, with its {@code count}: {@code platform},
 *       {@code lang}, {@code sentiment} ({@code sentimentLabel}), {@code country}, {@code city},
 *       {@code hashtag}, {@code term} (so that Kibana sums {@code count} by a keyword).
 * </ul>
 *
 * Authors are published as keyed hashes of their identifiers (as in the mentions index) when
 * pseudonymization is on. {@code windowStart} is an ISO-8601 instant.
 */
public final class ListeningDocuments implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String TOTAL = "total";

  private final String indexPrefix;
  private final Pseudonymizer pseudonymizer;

  public ListeningDocuments(String indexPrefix, Pseudonymizer pseudonymizer) {
    this.indexPrefix = indexPrefix;
    this.pseudonymizer = pseudonymizer;
  }

  /** {@code <prefix>listening-<granularity>}. */
  public String index(String granularity) {
    return indexPrefix + "listening-" + granularity;
  }

  /** The summary's id: {@code brand|granularity|windowStart}. */
  public static String id(ListeningAggregate a) {
    return a.brand + "|" + a.granularity + "|" + Instant.ofEpochMilli(a.windowStart);
  }

  /** Every document of the aggregate, the summary first. */
  public List<EsDocument> documents(ListeningAggregate a) {
    String index = index(a.granularity);
    String id = id(a);
    List<EsDocument> out = new ArrayList<>();
    ObjectNode d = base(a, TOTAL);
    d.put("count", a.total);
    d.put("positive", a.positive);
    d.put("negative", a.negative);
    d.put("neutral", a.neutral);
    d.put("sentimentSum", a.sentimentSum);
    d.put("sentimentMean", a.sentimentMean);
    if (a.shareOfVoice != null) {
      d.put("shareOfVoice", a.shareOfVoice);
      d.put("trackedTotal", a.trackedTotal);
    }
    ArrayNode tags = d.putArray("topHashtags");
    a.topHashtags.forEach(k -> tags.add(k.key));
    ArrayNode terms = d.putArray("topTerms");
    a.topTerms.forEach(k -> terms.add(k.key));
    ArrayNode authors = d.putArray("topAuthors");
    ArrayNode reach = d.putArray("topAuthorFollowers");
    for (KeyCount k : a.topAuthors) {
      authors.add(pseudonymizer.hash(k.key));
      reach.add(k.count);
    }
    out.add(new EsDocument(index, id, Json.toString(d)));

    dimension(out, a, index, id, "platform", "platform", a.byPlatform);
    dimension(out, a, index, id, "lang", "lang", a.byLanguage);
    Map<String, Long> sentiment =
        new java.util.LinkedHashMap<>(
            Map.of("positive", a.positive, "negative", a.negative, "neutral", a.neutral));
    dimension(out, a, index, id, "sentiment", "sentimentLabel", new java.util.TreeMap<>(sentiment));
    dimension(out, a, index, id, "country", "country", a.byCountry);
    for (Map.Entry<String, Long> c : a.byCity.entrySet()) {
      int bar = c.getKey().indexOf('|');
      String country = c.getKey().substring(0, bar);
      String city = c.getKey().substring(bar + 1);
      ObjectNode x = base(a, "city");
      if (!country.isEmpty()) {
        x.put("country", country);
      }
      x.put("city", city);
      x.put("count", c.getValue());
      out.add(new EsDocument(index, id + "|city|" + c.getKey(), Json.toString(x)));
    }
    if (a.byTopic != null) {
      for (Map.Entry<String, Long> t : a.byTopic.entrySet()) {
        ObjectNode x = base(a, "topic");
        x.put("topic", t.getKey());
        x.put("count", t.getValue());
        long negative =
            a.byTopicNegative == null ? 0L : a.byTopicNegative.getOrDefault(t.getKey(), 0L);
        x.put("negative", negative);
        out.add(new EsDocument(index, id + "|topic|" + t.getKey(), Json.toString(x)));
      }
    }
    if (a.byIntent != null) {
      for (Map.Entry<String, Long> i : a.byIntent.entrySet()) {
        out.add(one(a, index, id, "intent", "intent", i.getKey(), i.getValue()));
      }
    }
    for (KeyCount k : a.topHashtags) {
      out.add(one(a, index, id, "hashtag", "hashtag", k.key, k.count));
    }
    for (KeyCount k : a.topTerms) {
      out.add(one(a, index, id, "term", "term", k.key, k.count));
    }
    return out;
  }

  private void dimension(
      List<EsDocument> out,
      ListeningAggregate a,
      String index,
      String id,
      String dimension,
      String field,
      Map<String, Long> counts) {
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getValue() > 0) {
        out.add(one(a, index, id, dimension, field, e.getKey(), e.getValue()));
      }
    }
  }

  private EsDocument one(
      ListeningAggregate a,
      String index,
      String id,
      String dimension,
      String field,
      String value,
      long count) {
    ObjectNode x = base(a, dimension);
    x.put(field, value);
    x.put("count", count);
    return new EsDocument(index, id + "|" + dimension + "|" + value, Json.toString(x));
  }

  private static ObjectNode base(ListeningAggregate a, String dimension) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("brand", a.brand);
    d.put("granularity", a.granularity);
    d.put("dimension", dimension);
    d.put("windowStart", Instant.ofEpochMilli(a.windowStart).toString());
    d.put("windowEnd", Instant.ofEpochMilli(a.windowEnd).toString());
    return d;
  }
}
