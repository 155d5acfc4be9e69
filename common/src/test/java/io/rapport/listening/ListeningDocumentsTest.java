package io.rapport.listening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.EsDocument;
import io.rapport.serde.Json;
import io.rapport.testing.Samples;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ListeningDocumentsTest {
  private final Pseudonymizer hashes = new Pseudonymizer("s3cret", true);
  private final ListeningDocuments docs = new ListeningDocuments("p-", hashes);

  private ListeningAggregate aggregate() {
    ListeningAccumulator acc = new ListeningAccumulator(50, 3);
    ListeningAccumulatorTest.mentions().forEach(acc::add);
    ListeningAggregate a =
        acc.toAggregate("lumen", ListeningAggregate.MINUTE, Samples.T0.toEpochMilli(), 2);
    ListeningAggregate other = new ListeningAggregate();
    other.brand = "vela";
    other.granularity = a.granularity;
    other.windowStart = a.windowStart;
    other.total = 4;
    ShareOfVoice.apply(List.of(a, other));
    return a;
  }

  private static JsonNode json(EsDocument d) {
    try {
      return Json.mapper().readTree(d.json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void summaryAndDimensionDocumentsWithDeterministicIds() {
    List<EsDocument> out = docs.documents(aggregate());
    assertThat(out).allSatisfy(d -> assertThat(d.index).isEqualTo("p-listening-minute"));
    Map<String, JsonNode> byId =
        out.stream().collect(Collectors.toMap(d -> d.id, ListeningDocumentsTest::json));
    assertThat(byId).hasSize(out.size());

    JsonNode total = byId.get("lumen|minute|2026-03-01T10:00:00Z");
    assertThat(out.get(0).id).isEqualTo("lumen|minute|2026-03-01T10:00:00Z");
    assertThat(total.path("dimension").asText()).isEqualTo("total");
    assertThat(total.path("count").asLong()).isEqualTo(4);
    assertThat(total.path("negative").asLong()).isEqualTo(2);
    assertThat(total.path("shareOfVoice").asDouble()).isEqualTo(0.5);
    assertThat(total.path("trackedTotal").asLong()).isEqualTo(8);
    assertThat(total.path("windowEnd").asText()).isEqualTo("2026-03-01T10:01:00Z");
    assertThat(total.path("topHashtags").get(0).asText()).isEqualTo("lumen");
    assertThat(total.path("topAuthors").get(0).asText())
        .isEqualTo(hashes.hash("social:instagram:luis"))
        .doesNotContain("luis");
    assertThat(total.path("topAuthorFollowers").get(0).asLong()).isEqualTo(5_000);

    String p = "lumen|minute|2026-03-01T10:00:00Z|";
    assertThat(byId.get(p + "platform|x").path("count").asLong()).isEqualTo(3);
    assertThat(byId.get(p + "platform|instagram").path("platform").asText()).isEqualTo("instagram");
    assertThat(byId.get(p + "lang|es").path("count").asLong()).isEqualTo(2);
    assertThat(byId.get(p + "sentiment|negative").path("sentimentLabel").asText())
        .isEqualTo("negative");
    assertThat(byId.get(p + "sentiment|negative").path("count").asLong()).isEqualTo(2);
    assertThat(byId.get(p + "country|US").path("count").asLong()).isEqualTo(1);
    JsonNode austin = byId.get(p + "city|US|Austin");
    assertThat(austin.path("city").asText()).isEqualTo("Austin");
    assertThat(austin.path("country").asText()).isEqualTo("US");
    assertThat(byId.get(p + "hashtag|lumen").path("count").asLong()).isEqualTo(3);
    assertThat(byId.get(p + "term|servicio").path("count").asLong()).isEqualTo(2);
    JsonNode service = byId.get(p + "topic|customer_service");
    assertThat(service.path("dimension").asText()).isEqualTo("topic");
    assertThat(service.path("topic").asText()).isEqualTo("customer_service");
    assertThat(service.path("count").asLong()).isEqualTo(2);
    assertThat(service.path("negative").asLong()).isEqualTo(1);
    assertThat(byId.get(p + "topic|delivery").path("negative").asLong()).isEqualTo(1);
    JsonNode complaints = byId.get(p + "intent|complaint");
    assertThat(complaints.path("dimension").asText()).isEqualTo("intent");
    assertThat(complaints.path("intent").asText()).isEqualTo("complaint");
    assertThat(complaints.path("count").asLong()).isEqualTo(2);
    assertThat(byId.values())
        .allSatisfy(d -> assertThat(d.path("brand").asText()).isEqualTo("lumen"));
  }

  @Test
  void sameAggregateSameDocuments() {
    assertThat(docs.documents(aggregate())).isEqualTo(docs.documents(aggregate()));
  }

  @Test
  void anUnknownShareLeavesNoShareFieldsInTheSummary() {
    ListeningAggregate a = aggregate();
    ShareOfVoice.unknown(a);
    JsonNode total = json(docs.documents(a).get(0));
    assertThat(total.path("count").asLong()).isEqualTo(4);
    assertThat(total.has("shareOfVoice")).isFalse();
    assertThat(total.has("trackedTotal")).isFalse();
  }
}
