package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.alerting.Alerts;
import io.rapport.jobs.ListeningITCase.Spec;
import io.rapport.jobs.sink.IndexTemplates;
import io.rapport.listening.TrackedBrands;
import io.rapport.model.CustomerRecord;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.profile.ProfileLogic;
import io.rapport.serde.Json;
import io.rapport.testing.ElasticsearchTestNode;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.KafkaTestCluster;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import io.rapport.text.TextAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kibana saved objects of {@code dashboards/kibana/} against what the job really writes: the
 * repository's index templates installed on the real Elasticsearch node (patterns moved to this
 * test's prefix), the main job run on a known scenario, then for every visualization: each field it
 * uses exists in the real mapping with an aggregatable type, and its aggregation (translated from
 * its saved visState and KQL query) run on the node gives exactly the expected buckets.
 */
class DashboardsITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final Set<String> AGGREGATABLE =
      Set.of("keyword", "long", "integer", "double", "float", "date", "boolean", "geo_point");

  private final KafkaTestCluster kafka = KafkaTestCluster.get();
  private final ElasticsearchTestNode es = ElasticsearchTestNode.get();

  static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("dashboards/kibana"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no dashboards/kibana above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  static List<JsonNode> savedObjects() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            repositoryRoot().resolve("dashboards/kibana/rapport.ndjson"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(Json.mapper().readTree(line));
      }
    }
    return out;
  }

  /** The scenario: the listening one with hashtags on three mentions, then the crisis one. */
  static List<Spec> mentions() {
    List<Spec> out = new ArrayList<>();
    for (Spec s : ListeningITCase.SCENARIO) {
      boolean tagged = List.of("L1", "L3", "V1").contains(s.id());
      out.add(
          new Spec(
              s.id(),
              s.brand(),
              s.platform(),
              tagged ? s.text() + " #rebajas" : s.text(),
              s.lang(),
              s.label(),
              s.at(),
              s.country(),
              s.city()));
    }
    // a prospect's question, which the brand answers (questionReply): a SOCIAL_QUESTION alert
    // acknowledged with the brand's response time
    out.add(
        new Spec(
            "QA",
            "lumen",
            "x",
            "¿A qué hora abre la tienda de Lumen?",
            "es",
            "neutral",
            "2026-03-02T09:15:40Z",
            "ES",
            "Madrid"));
    out.addAll(ListeningITCase.crisisScenario());
    return out;
  }

  /** The brand's reply to QA, 24 min 20 s after it (not Q1..Q12: the crisis scenario's ids). */
  static SocialMention questionReply() {
    SocialMention m =
        Samples.mention(
            "R1",
            "x",
            "Lumen_ES",
            "@hQA ¡Hola! Abrimos de 10 a 21 h",
            Instant.parse("2026-03-02T09:40:00Z"));
    m.replyTo = "QA";
    m.author.verified = true; // the brand's account, as the platform shows it
    m.lang = "es";
    return m;
  }

  static final String ANSWERED_ALERT = Alerts.alertId("SOCIAL_QUESTION", "QA");

  /** Tracked brands each mention is about, as the scenario was written. */
  static List<String> about(Spec s) {
    if (s.id().equals("C1")) {
      return List.of("lumen", "vela");
    }
    return List.of("lumen", "northwind", "vela").contains(s.brand())
        ? List.of(s.brand())
        : List.of();
  }

  private static final JsonNode NO_DOC = Json.mapper().createObjectNode();

  private long totals(String index) {
    return docs(index).values().stream()
        .filter(d -> d.path("dimension").asText().equals("total"))
        .count();
  }

  @Test
  void everyVisualizationUsesRealFieldsAndAggregatesTheJobsDocuments() throws Exception {
    List<JsonNode> objects = savedObjects();
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    objects.forEach(o -> byId.put(o.path("type").asText() + ":" + o.path("id").asText(), o));
    assertThat(byId).hasSize(objects.size());
    // Every reference resolves within the file.
    for (JsonNode o : objects) {
      for (JsonNode r : o.path("references")) {
        assertThat(byId).containsKey(r.path("type").asText() + ":" + r.path("id").asText());
      }
    }
    assertThat(byId)
        .containsKeys(
            "index-pattern:rapport-mentions",
            "index-pattern:rapport-listening",
            "index-pattern:rapport-customers",
            "index-pattern:rapport-alerts",
            "dashboard:rapport-social-listening",
            "dashboard:rapport-customer-360");

    Configuration o = ListeningITCase.jobOptions(kafka, es);
    o.setString(RapportOptions.CRISIS_MIN_NEGATIVES.key(), "5");
    String prefix = o.get(RapportOptions.ELASTICSEARCH_INDEX_PREFIX);
    installTemplates(prefix);

    List<Spec> specs = mentions();
    specs.forEach(Spec::checkAnalyzer);
    JobClient job = ListeningITCase.start(o);
    try {
      for (int i = 1; i <= 3; i++) {
        CustomerRecord c = Samples.customer("C" + i, "c" + i + "@example.com", "x", null);
        kafka.produce(o.get(RapportOptions.TOPIC_CUSTOMERS), null, Json.toBytes(c));
        Transaction t = Samples.purchase("t" + i, "C" + i, i * 10.0, Samples.T0.plusSeconds(i));
        kafka.produce(o.get(RapportOptions.TOPIC_TRANSACTIONS), null, Json.toBytes(t));
      }
      ListeningITCase.await(
          "three customers with their purchase",
          () -> {
            Map<String, JsonNode> d = docs(prefix + "customers");
            return d.size() == 3
                && d.values().stream().allMatch(x -> x.path("purchaseCount").asLong() == 1);
          });
      for (Spec s : specs) {
        kafka.produce(o.get(RapportOptions.TOPIC_MENTIONS), null, Json.toBytes(s.mention()));
        if (s.id().equals("QA")) {
          // in event-time order: a reply produced after the last mention would hold the
          // watermark back and keep the last windows open
          kafka.produce(o.get(RapportOptions.TOPIC_MENTIONS), null, Json.toBytes(questionReply()));
        }
      }
      Spec pusher =
          new Spec(
              "U9",
              "acme",
              "x",
              // a prospect switching to an untracked brand: counted where switchers go, nowhere
              // in listening (no tracked brand), no alert (a churn threat is a customer's alert);
              // neutral as its brand reads it: the great offer is the destination's
              "Switching to @Movistar, great offer",
              "en",
              "neutral",
              "2026-03-03T16:00:00Z",
              "ES",
              "Madrid");
      pusher.checkAnalyzer();
      kafka.produce(o.get(RapportOptions.TOPIC_MENTIONS), null, Json.toBytes(pusher.mention()));
      specs.add(pusher);

      long authors = specs.size();
      ListeningITCase.await(
          "every document",
          () ->
              docs(prefix + "customers").size() == 3 + authors
                  && docs(prefix + "mentions").size() == authors
                  && docs(prefix + "alerts").size() == 2
                  && docs(prefix + "alerts").getOrDefault(ANSWERED_ALERT, NO_DOC).has("type")
                  && docs(prefix + "alerts")
                      .getOrDefault(ANSWERED_ALERT, NO_DOC)
                      .has("responseSeconds")
                  && totals(prefix + "listening-hour") == 5 + 14
                  && totals(prefix + "listening-minute") == 7 + 13 + 12,
          () ->
              String.format(
                  "customers %d of %d, mentions %d of %d (missing %s), alerts %d of 2 (%s),"
                      + " hour totals %d of 19, minute totals %d of 32",
                  docs(prefix + "customers").size(),
                  3 + authors,
                  docs(prefix + "mentions").size(),
                  authors,
                  specs.stream()
                      .map(Spec::id)
                      .filter(id -> !docs(prefix + "mentions").containsKey(id))
                      .toList(),
                  docs(prefix + "alerts").size(),
                  docs(prefix + "alerts").keySet(),
                  totals(prefix + "listening-hour"),
                  totals(prefix + "listening-minute")));
      Thread.sleep(1_000); // the last bulk of dimension documents

      Map<String, Map<String, Double>> expected = expectations(specs);
      int checked = 0;
      for (JsonNode vis : objects) {
        if (!vis.path("type").asText().equals("visualization")) {
          continue;
        }
        String id = vis.path("id").asText();
        JsonNode visState =
            Json.mapper().readTree(vis.path("attributes").path("visState").asText());
        JsonNode search =
            Json.mapper()
                .readTree(
                    vis.path("attributes")
                        .path("kibanaSavedObjectMeta")
                        .path("searchSourceJSON")
                        .asText());
        String dataView = vis.path("references").get(0).path("id").asText();
        String pattern = indexOf(byId.get("index-pattern:" + dataView), prefix);
        Map<String, String> mapping = fieldTypes(pattern);

        String query = search.path("query").path("query").asText();
        List<String> fields = new ArrayList<>(kqlFields(query));
        for (JsonNode agg : visState.path("aggs")) {
          if (agg.path("params").has("field")) {
            fields.add(agg.path("params").path("field").asText());
          }
        }
        for (String f : fields) {
          assertThat(mapping).as("%s: field %s in %s", id, f, pattern).containsKey(f);
          assertThat(AGGREGATABLE).as("%s: type of %s", id, f).contains(mapping.get(f));
        }

        Map<String, Double> actual = run(pattern, query, visState.path("aggs"));
        assertThat(actual).as("%s returns buckets", id).isNotEmpty();
        Map<String, Double> want = expected.get(id);
        assertThat(want).as("expectation for %s", id).isNotNull();
        if (id.equals("rapport-listening-terms")) {
          // The 30 terms with most mentions: ties at the cut may go either way.
          assertThat(actual).hasSize(Math.min(30, want.size()));
          actual.forEach((k, v) -> assertThat(v).as("%s %s", id, k).isEqualTo(want.get(k)));
        } else {
          assertThat(actual).as(id).isEqualTo(want);
        }
        checked++;
      }
      assertThat(checked).isEqualTo(expected.size());

      // Every data view's time field is a date in the real mapping.
      for (JsonNode dv : objects) {
        if (dv.path("type").asText().equals("index-pattern")) {
          String pattern = indexOf(dv, prefix);
          String time = dv.path("attributes").path("timeFieldName").asText();
          assertThat(fieldTypes(pattern)).as("%s time field", pattern).containsEntry(time, "date");
        }
      }
    } finally {
      job.cancel().get();
    }
  }

  /** What each visualization must show, from the scenario alone. */
  static Map<String, Map<String, Double>> expectations(List<Spec> specs) {
    Map<String, Map<String, Double>> e = new HashMap<>();
    // each brand's listening documents count a mention as that brand reads it ("Vela es mil veces
    // mejor que @lumen" is praise for vela, a put-down for lumen); mention and profile documents
    // as the job's brand (lumen) reads it
    TrackedBrands tracked = new TrackedBrands("lumen", List.of("northwind", "vela"));
    Map<String, Double> volume = new TreeMap<>();
    Map<String, Double> sentiment = new TreeMap<>();
    Map<String, Double> platforms = new TreeMap<>();
    Map<String, Double> langs = new TreeMap<>();
    Map<String, Double> hashtags = new TreeMap<>();
    Map<String, Double> countries = new TreeMap<>();
    Map<String, Map<String, Long>> perHourBrand = new TreeMap<>();
    Map<String, Map<String, Long>> termsPerWindow = new TreeMap<>();
    for (Spec s : specs) {
      Instant at = Instant.parse(s.at());
      Analysis a = TextAnalyzer.shared().analyze(s.text(), s.lang());
      for (String b : about(s)) {
        String minute = Instant.ofEpochMilli(at.toEpochMilli() / 60_000 * 60_000).toString();
        String hour = Instant.ofEpochMilli(at.toEpochMilli() / 3_600_000 * 3_600_000).toString();
        volume.merge(minute + "|" + b, 1.0, Double::sum);
        sentiment.merge(
            b + "|" + label(tracked.readAs(b, TextAnalyzer.shared(), s.text(), s.lang())),
            1.0,
            Double::sum);
        platforms.merge(s.platform(), 1.0, Double::sum);
        langs.merge(s.lang(), 1.0, Double::sum);
        countries.merge(s.country(), 1.0, Double::sum);
        a.hashtags.forEach(h -> hashtags.merge(h, 1.0, Double::sum));
        perHourBrand.computeIfAbsent(hour, k -> new TreeMap<>()).merge(b, 1L, Long::sum);
        Map<String, Long> t = termsPerWindow.computeIfAbsent(b + "|" + hour, k -> new HashMap<>());
        a.terms.forEach(term -> t.merge(term, 1L, Long::sum));
      }
    }
    Map<String, Double> share = new TreeMap<>();
    perHourBrand.forEach(
        (hour, brands) -> {
          long all = brands.values().stream().mapToLong(Long::longValue).sum();
          brands.forEach((b, n) -> share.put(hour + "|" + b, (double) n / all));
        });
    Map<String, Double> terms = new TreeMap<>();
    for (Map<String, Long> t : termsPerWindow.values()) {
      t.entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(5) // listening.top-k
          .forEach(x -> terms.merge(x.getKey(), (double) x.getValue(), Double::sum));
    }
    e.put("rapport-listening-volume", volume);
    e.put("rapport-listening-sentiment", sentiment);
    e.put("rapport-listening-share-of-voice", share);
    e.put("rapport-listening-platforms", platforms);
    e.put("rapport-listening-languages", langs);
    e.put("rapport-listening-hashtags", hashtags);
    e.put("rapport-listening-terms", terms);
    e.put("rapport-listening-countries", countries);
    // One crisis: 5 negatives against a threshold of 2 and min-negatives 5 (critical from 10).
    Map<String, Double> switching = new TreeMap<>();
    for (Spec s : specs) {
      String to = TextAnalyzer.shared().analyze(s.text(), s.lang()).switchingTo;
      if (to != null) {
        switching.merge(to, 1.0, Double::sum); // no tracked brand among them: names as written
      }
    }
    e.put("rapport-listening-switching", switching);
    Map<String, Double> topics = new TreeMap<>();
    for (Spec s : specs) {
      Analysis a = tracked.readAs("lumen", TextAnalyzer.shared(), s.text(), s.lang());
      for (String topic : a.topics) {
        topics.merge(topic + "|" + label(a), 1.0, Double::sum);
      }
    }
    e.put("rapport-listening-topics", topics);
    Map<String, Double> topicNegatives = new TreeMap<>();
    for (Spec s : specs) {
      for (String b : about(s)) {
        Analysis a = tracked.readAs(b, TextAnalyzer.shared(), s.text(), s.lang());
        for (String topic : a.topics) {
          topicNegatives.merge(
              b + "|" + topic, label(a).equals("negative") ? 1.0 : 0.0, Double::sum);
        }
      }
    }
    e.put("rapport-listening-topic-complaints", topicNegatives);
    Map<String, Double> intents = new TreeMap<>();
    for (Spec s : specs) {
      for (String b : about(s)) {
        for (String intent : tracked.readAs(b, TextAnalyzer.shared(), s.text(), s.lang()).intents) {
          intents.merge(b + "|" + intent, 1.0, Double::sum);
        }
      }
    }
    e.put("rapport-listening-intents", intents);
    e.put("rapport-listening-crises", Map.of("lumen|high", 1.0));
    e.put("rapport-alerts-types", Map.of("BRAND_CRISIS|high", 1.0, "SOCIAL_QUESTION|medium", 1.0));
    // QA at 09:15:40, the brand's reply at 09:40:00
    e.put("rapport-alerts-response-time", Map.of("SOCIAL_QUESTION", 1460.0));
    // the crisis waits for the communications team; the brand answered the question
    e.put(
        "rapport-alerts-status",
        Map.of("BRAND_CRISIS|open", 1.0, "SOCIAL_QUESTION|acknowledged", 1.0));
    e.put("rapport-customers-kinds", Map.of("customer", 3.0, "prospect", (double) specs.size()));
    e.put(
        "rapport-customers-top-spenders",
        Map.of("C3#1", 30.0, "C3#3", 0.0, "C2#1", 20.0, "C2#3", 0.0, "C1#1", 10.0, "C1#3", 0.0));
    e.put("rapport-customers-countries", Map.of("ES", 3.0));
    Map<String, Double> sentimentHistogram = new TreeMap<>();
    for (Spec s : specs) {
      double c = tracked.readAs("lumen", TextAnalyzer.shared(), s.text(), s.lang()).compound;
      sentimentHistogram.merge(String.valueOf(Math.floor(c / 0.5) * 0.5 + 0.0), 1.0, Double::sum);
    }
    e.put("rapport-customers-sentiment", sentimentHistogram);
    return e;
  }

  private static String label(Analysis a) {
    return ProfileLogic.sentimentLabel(a.compound);
  }

  /** The repository's templates, each renamed and moved to this test's index prefix. */
  private void installTemplates(String prefix) throws Exception {
    Path dir = repositoryRoot().resolve("dashboards/elasticsearch/index-templates");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        ObjectNode t = (ObjectNode) Json.mapper().readTree(Files.readString(f));
        ArrayNode patterns = Json.mapper().createArrayNode();
        for (JsonNode p : t.path("index_patterns")) {
          assertThat(p.asText()).startsWith("rapport-");
          patterns.add(prefix + p.asText().substring("rapport-".length()));
        }
        t.set("index_patterns", patterns);
        String name = prefix + f.getFileName().toString().replace(".json", "");
        IndexTemplates.put(es.restClient(), name, Json.toString(t));
      }
    }
  }

  /** A data view's index pattern, moved to the test prefix. */
  private static String indexOf(JsonNode dataView, String prefix) {
    String title = dataView.path("attributes").path("title").asText();
    assertThat(title).startsWith("rapport-");
    return prefix + title.substring("rapport-".length());
  }

  /** Every leaf field of the indices' real mapping, by dotted path, with its type. */
  private Map<String, String> fieldTypes(String pattern) {
    Map<String, String> out = new TreeMap<>();
    JsonNode m = es.request("GET", "/" + pattern + "/_mapping", null);
    for (JsonNode index : m) {
      collect(index.path("mappings").path("properties"), "", out);
    }
    return out;
  }

  private static void collect(JsonNode props, String path, Map<String, String> out) {
    Iterator<Map.Entry<String, JsonNode>> it = props.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getValue().has("properties")) {
        collect(f.getValue().path("properties"), path + f.getKey() + ".", out);
      } else {
        out.put(path + f.getKey(), f.getValue().path("type").asText("object"));
      }
    }
  }

  /** The fields of the KQL subset the saved objects use: clauses joined by "and". */
  static List<String> kqlFields(String kql) {
    List<String> out = new ArrayList<>();
    for (String clause : clauses(kql)) {
      out.add(clause.split("[:>]")[0].trim());
    }
    return out;
  }

  private static List<String> clauses(String kql) {
    return kql.isBlank() ? List.of() : List.of(kql.split(" and "));
  }

  /** The Elasticsearch query of a KQL string: {@code field:value} and {@code field > number}. */
  static ObjectNode query(String kql) {
    ObjectNode q = Json.mapper().createObjectNode();
    ArrayNode filter = q.putObject("bool").putArray("filter");
    for (String clause : clauses(kql)) {
      if (clause.contains(">")) {
        String[] p = clause.split(">");
        filter
            .addObject()
            .putObject("range")
            .putObject(p[0].trim())
            .put("gt", Double.parseDouble(p[1].trim()));
      } else {
        String[] p = clause.split(":", 2);
        if (p.length != 2 || p[1].contains(" ")) {
          throw new IllegalArgumentException("KQL beyond the tested subset: " + clause);
        }
        filter.addObject().putObject("term").put(p[0].trim(), p[1].trim());
      }
    }
    return q;
  }

  /**
   * Runs a visualization's aggregations as Kibana nests them (bucket aggregations in the listed
   * order, metrics under the innermost) and flattens the answer: bucket keys joined by "|" (with
   * "#metricId" when there are several metrics) → metric value.
   */
  private Map<String, Double> run(String index, String kql, JsonNode aggs) {
    List<JsonNode> buckets = new ArrayList<>();
    List<JsonNode> metrics = new ArrayList<>();
    for (JsonNode a : aggs) {
      (a.path("schema").asText().equals("metric") ? metrics : buckets).add(a);
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("size", 0);
    body.set("query", query(kql));
    ObjectNode level = body.putObject("aggs");
    for (JsonNode b : buckets) {
      ObjectNode agg = level.putObject(b.path("id").asText());
      JsonNode p = b.path("params");
      String field = p.path("field").asText();
      switch (b.path("type").asText()) {
        case "terms" -> {
          ObjectNode t = agg.putObject("terms");
          t.put("field", field).put("size", p.path("size").asInt());
          String orderBy = p.path("orderBy").asText();
          String metric =
              metrics.stream().anyMatch(m -> m.path("id").asText().equals(orderBy))
                      && !isCount(metrics, orderBy)
                  ? orderBy
                  : "_count";
          t.putObject("order").put(metric, p.path("order").asText());
        }
        case "date_histogram" ->
            agg.putObject("date_histogram")
                .put("field", field)
                .put("fixed_interval", "1" + p.path("interval").asText())
                .put("min_doc_count", 1);
        case "histogram" ->
            agg.putObject("histogram")
                .put("field", field)
                .put("interval", p.path("interval").asDouble())
                .put("min_doc_count", 1);
        default -> throw new IllegalArgumentException("bucket type " + b.path("type"));
      }
      level = agg.putObject("aggs");
      // Metrics under every bucket level, as Kibana does for ordering by a metric.
      for (JsonNode m : metrics) {
        if (!m.path("type").asText().equals("count")) {
          level
              .putObject(m.path("id").asText())
              .putObject(m.path("type").asText())
              .put("field", m.path("params").path("field").asText());
        }
      }
    }
    JsonNode answer = es.search(index, Json.toString(body));
    Map<String, Double> out = new TreeMap<>();
    flatten(answer.path("aggregations"), buckets, 0, "", metrics, out);
    return out;
  }

  private static boolean isCount(List<JsonNode> metrics, String id) {
    return metrics.stream()
        .anyMatch(m -> m.path("id").asText().equals(id) && m.path("type").asText().equals("count"));
  }

  private static void flatten(
      JsonNode node,
      List<JsonNode> buckets,
      int depth,
      String key,
      List<JsonNode> metrics,
      Map<String, Double> out) {
    if (depth == buckets.size()) {
      for (JsonNode m : metrics) {
        double v =
            m.path("type").asText().equals("count")
                ? node.path("doc_count").asDouble()
                : node.path(m.path("id").asText()).path("value").asDouble();
        out.put(metrics.size() == 1 ? key : key + "#" + m.path("id").asText(), v);
      }
      return;
    }
    JsonNode b = buckets.get(depth);
    for (JsonNode bucket : node.path(b.path("id").asText()).path("buckets")) {
      String k =
          b.path("type").asText().equals("date_histogram")
              ? Instant.ofEpochMilli(bucket.path("key").asLong()).toString()
              : bucket.path("key").isNumber()
                  ? String.valueOf(bucket.path("key").asDouble())
                  : bucket.path("key").asText();
      flatten(bucket, buckets, depth + 1, key.isEmpty() ? k : key + "|" + k, metrics, out);
    }
  }

  private Map<String, JsonNode> docs(String index) {
    try {
      return es.documents(index);
    } catch (RuntimeException e) {
      return Map.of();
    }
  }
}
