package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rapport.serde.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Spanish dashboards ({@code dashboards/kibana/rapport-es.ndjson}) are the English saved
 * objects ({@code rapport.ndjson}) with every visible string translated by {@code
 * dashboards/kibana/i18n/es.tsv}: the same visualizations, queries and aggregations (so what
 * DashboardsITCase checks of the English ones on the real Elasticsearch holds for them), under ids
 * ending in {@code -es}, on the same data views (which the file holds too, unchanged, so that it
 * imports on its own and in any order). The file must equal what this test builds from the two;
 * {@code -Drapport.update-dashboards=true} writes it after a change of either. Every visible
 * English string needs a translation, and every translation must still be used.
 */
class KibanaSpanishTest {
  static final String SUFFIX = "-es";

  @Test
  void theSpanishDashboardsAreTheEnglishOnesTranslated() throws Exception {
    Path kibana = DashboardsITCase.repositoryRoot().resolve("dashboards/kibana");
    Map<String, String> es = table(kibana.resolve("i18n/es.tsv"));
    Set<String> missing = new TreeSet<>();
    Set<String> used = new LinkedHashSet<>();
    StringBuilder out = new StringBuilder();
    for (JsonNode o : DashboardsITCase.savedObjects()) {
      String type = o.path("type").asText();
      if (!type.equals("visualization") && !type.equals("dashboard")) {
        // data views are shared (the same ids): each file imports on its own, in any order
        out.append(Json.mapper().writeValueAsString(o)).append('\n');
        continue;
      }
      ObjectNode t = o.deepCopy();
      t.put("id", o.path("id").asText() + SUFFIX);
      ObjectNode attributes = (ObjectNode) t.path("attributes");
      translate(attributes, "title", es, missing, used);
      translate(attributes, "description", es, missing, used);
      if (attributes.has("visState")) {
        ObjectNode vis = (ObjectNode) Json.mapper().readTree(attributes.path("visState").asText());
        translate(vis, "title", es, missing, used);
        JsonNode params = vis.path("params");
        for (String axes : List.of("valueAxes", "categoryAxes")) {
          for (JsonNode axis : params.path(axes)) {
            if (axis.path("title").isObject()) {
              translate((ObjectNode) axis.path("title"), "text", es, missing, used);
            }
          }
        }
        for (JsonNode series : params.path("seriesParams")) {
          if (series.path("data").isObject()) {
            translate((ObjectNode) series.path("data"), "label", es, missing, used);
          }
        }
        for (JsonNode agg : vis.path("aggs")) {
          if (agg.path("params").isObject()) {
            translate((ObjectNode) agg.path("params"), "customLabel", es, missing, used);
          }
        }
        attributes.put("visState", Json.mapper().writeValueAsString(vis));
      }
      for (JsonNode ref : t.path("references")) {
        if (ref.path("type").asText().equals("visualization")) {
          ((ObjectNode) ref).put("id", ref.path("id").asText() + SUFFIX);
        }
      }
      out.append(Json.mapper().writeValueAsString(t)).append('\n');
    }
    assertThat(missing).as("English strings without a Spanish line in i18n/es.tsv").isEmpty();
    Set<String> stale = new TreeSet<>(es.keySet());
    stale.removeAll(used);
    assertThat(stale).as("lines of i18n/es.tsv no saved object uses").isEmpty();

    Path file = kibana.resolve("rapport-es.ndjson");
    if (Boolean.getBoolean("rapport.update-dashboards")) {
      Files.writeString(file, out, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("rapport-es.ndjson is stale: run with -Drapport.update-dashboards=true")
        .isEqualTo(out.toString());
  }

  @Test
  void theSpanishObjectsAreApartAndPointAtTheirOwn() throws Exception {
    Path file = DashboardsITCase.repositoryRoot().resolve("dashboards/kibana/rapport-es.ndjson");
    List<JsonNode> spanish = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      spanish.add(Json.mapper().readTree(line));
    }
    Set<String> english = new LinkedHashSet<>();
    Set<String> dataViews = new LinkedHashSet<>();
    for (JsonNode o : DashboardsITCase.savedObjects()) {
      english.add(o.path("id").asText());
      if (o.path("type").asText().equals("index-pattern")) {
        dataViews.add(o.path("id").asText());
      }
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode o : spanish) {
      if (!o.path("type").asText().equals("index-pattern")) {
        ids.add(o.path("id").asText());
      }
    }
    assertThat(ids)
        .hasSize(22)
        .allMatch(id -> id.endsWith(SUFFIX))
        .doesNotContainAnyElementsOf(english);
    assertThat(spanish).hasSize(22 + dataViews.size());
    for (JsonNode o : spanish) {
      for (JsonNode ref : (ArrayNode) o.path("references")) {
        String id = ref.path("id").asText();
        assertThat(ref.path("type").asText().equals("index-pattern") ? dataViews : ids)
            .as(o.path("id").asText() + " → " + id)
            .contains(id);
      }
    }
    JsonNode listening =
        spanish.stream()
            .filter(o -> o.path("id").asText().equals("rapport-social-listening" + SUFFIX))
            .findFirst()
            .orElseThrow();
    assertThat(listening.path("attributes").path("title").asText())
        .isEqualTo("Rapport: Escucha social");
  }

  private static void translate(
      ObjectNode node,
      String field,
      Map<String, String> es,
      Set<String> missing,
      Set<String> used) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      return;
    }
    String t = es.get(v.asText());
    if (t == null) {
      missing.add(v.asText());
      return;
    }
    used.add(v.asText());
    node.set(field, TextNode.valueOf(t));
  }

  private static Map<String, String> table(Path tsv) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
        throw new IllegalArgumentException(tsv + ": not English<TAB>Spanish: " + line);
      }
      if (m.put(f[0], f[1]) != null) {
        throw new IllegalArgumentException(tsv + ": twice: " + f[0]);
      }
    }
    return m;
  }
}
