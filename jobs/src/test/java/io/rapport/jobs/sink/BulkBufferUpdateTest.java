package io.rapport.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.model.EsDocument;
import io.rapport.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partial updates with an upsert: the bulk line, and two writes of one document in one batch. */
class BulkBufferUpdateTest {

  private static JsonNode tree(String json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @Test
  void anUpdateIsOneUpdateLineWithDocAndUpsert() throws Exception {
    String body =
        new String(
            BulkBuffer.toNdjson(
                List.of(
                    EsDocument.update("a", "x1", "{\"k\":\"v\"}", "{\"k\":\"v\",\"s\":\"open\"}"))),
            StandardCharsets.UTF_8);
    String[] lines = body.split("\n");
    assertThat(lines).hasSize(2);
    assertThat(tree(lines[0]).path("update").path("_id").asText()).isEqualTo("x1");
    assertThat(tree(lines[0]).path("update").path("retry_on_conflict").asInt()).isPositive();
    assertThat(tree(lines[1]).path("doc")).isEqualTo(tree("{\"k\":\"v\"}"));
    assertThat(tree(lines[1]).path("upsert")).isEqualTo(tree("{\"k\":\"v\",\"s\":\"open\"}"));
  }

  @Test
  void anUpdateAfterAnUpdateKeepsBothEffects() throws Exception {
    BulkBuffer buffer = new BulkBuffer();
    // a status first (creates the document when missing), then its alert
    buffer.add(
        EsDocument.update("a", "x1", "{\"status\":\"resolved\"}", "{\"status\":\"resolved\"}"));
    buffer.add(
        EsDocument.update(
            "a",
            "x1",
            "{\"type\":\"T\",\"ev\":{\"m\":1}}",
            "{\"type\":\"T\",\"status\":\"open\"}"));
    List<EsDocument> out = buffer.drain();
    assertThat(out).hasSize(1);
    EsDocument d = out.get(0);
    assertThat(d.isUpdate()).isTrue();
    // existing document: both partials; missing document: the status's upsert plus the alert
    assertThat(tree(d.json))
        .isEqualTo(tree("{\"status\":\"resolved\",\"type\":\"T\",\"ev\":{\"m\":1}}"));
    assertThat(tree(d.upsert))
        .isEqualTo(tree("{\"status\":\"resolved\",\"type\":\"T\",\"ev\":{\"m\":1}}"));
  }

  @Test
  void anUpdateAfterAnIndexOrADelete() throws Exception {
    BulkBuffer buffer = new BulkBuffer();
    buffer.add(new EsDocument("a", "1", "{\"a\":1,\"o\":{\"x\":1}}"));
    buffer.add(EsDocument.update("a", "1", "{\"b\":2,\"o\":{\"y\":2}}", "{\"b\":2}"));
    buffer.add(EsDocument.delete("a", "2"));
    buffer.add(EsDocument.update("a", "2", "{\"b\":2}", "{\"b\":2,\"s\":\"open\"}"));
    List<EsDocument> out = buffer.drain();
    assertThat(out.get(0).isUpdate()).isFalse();
    assertThat(tree(out.get(0).json)).isEqualTo(tree("{\"a\":1,\"o\":{\"x\":1,\"y\":2},\"b\":2}"));
    assertThat(out.get(1).isUpdate()).isFalse();
    assertThat(tree(out.get(1).json)).isEqualTo(tree("{\"b\":2,\"s\":\"open\"}"));
  }
}
