package io.rapport.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.model.EsDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkBufferTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void lastVersionOfADocumentWinsAndKeepsFirstSeenPosition() {
    BulkBuffer buffer = new BulkBuffer();
    assertThat(buffer.add(new EsDocument("i", "1", "{\"v\":1}"))).isFalse();
    assertThat(buffer.add(new EsDocument("i", "2", "{\"v\":1}"))).isFalse();
    assertThat(buffer.add(new EsDocument("j", "1", "{\"v\":1}"))).isFalse(); // other index
    assertThat(buffer.add(new EsDocument("i", "1", "{\"v\":2}"))).isTrue();
    assertThat(buffer.add(EsDocument.delete("i", "2"))).isTrue();

    assertThat(buffer.size()).isEqualTo(3);
    assertThat(buffer.replaced()).isEqualTo(2);
    assertThat(buffer.drain())
        .containsExactly(
            new EsDocument("i", "1", "{\"v\":2}"),
            EsDocument.delete("i", "2"),
            new EsDocument("j", "1", "{\"v\":1}"));
    assertThat(buffer.isEmpty()).isTrue();
    assertThat(buffer.bytes()).isZero();
  }

  @Test
  void bytesFollowReplacementsAndTriggerFullness() {
    BulkBuffer buffer = new BulkBuffer();
    EsDocument small = new EsDocument("i", "1", "{}");
    EsDocument big = new EsDocument("i", "1", "{\"text\":\"" + "x".repeat(1000) + "\"}");
    buffer.add(small);
    long smallBytes = buffer.bytes();
    buffer.add(big);
    assertThat(buffer.bytes()).isEqualTo(BulkBuffer.estimatedBytes(big));
    assertThat(buffer.bytes()).isGreaterThan(smallBytes + 1000);
    assertThat(buffer.isFull(10, 2000)).isFalse();
    assertThat(buffer.isFull(10, 1000)).isTrue(); // bytes
    assertThat(buffer.isFull(1, 1_000_000)).isTrue(); // actions
    buffer.add(small);
    assertThat(buffer.bytes()).isEqualTo(smallBytes);
  }

  @Test
  void ndjsonHasOneActionLinePerDocumentAndASourceLinePerIndex() throws Exception {
    byte[] body =
        BulkBuffer.toNdjson(
            List.of(
                new EsDocument("idx", "a\"b\\c", "{\"text\":\"é\",\n \"n\": 1}"),
                EsDocument.delete("idx", "gone")));
    String s = new String(body, StandardCharsets.UTF_8);
    assertThat(s).endsWith("\n");
    String[] lines = s.split("\n");
    assertThat(lines).hasSize(3);
    JsonNode action = MAPPER.readTree(lines[0]);
    assertThat(action.path("index").path("_index").asText()).isEqualTo("idx");
    assertThat(action.path("index").path("_id").asText()).isEqualTo("a\"b\\c");
    assertThat(MAPPER.readTree(lines[1]).path("text").asText()).isEqualTo("é");
    assertThat(MAPPER.readTree(lines[1]).path("n").asInt()).isEqualTo(1);
    assertThat(MAPPER.readTree(lines[2]).path("delete").path("_id").asText()).isEqualTo("gone");
  }

  @Test
  void partialUpdatesAreUpdateActionsWithADocPart() throws Exception {
    String s =
        new String(
            BulkBuffer.toNdjson(List.of(EsDocument.update("idx", "m1", "{\"text\":null}"))),
            StandardCharsets.UTF_8);
    String[] lines = s.split("\n");
    assertThat(lines).hasSize(2);
    assertThat(MAPPER.readTree(lines[0]).path("update").path("_id").asText()).isEqualTo("m1");
    JsonNode doc = MAPPER.readTree(lines[1]).path("doc");
    assertThat(doc.has("text")).isTrue();
    assertThat(doc.path("text").isNull()).isTrue();
  }
}
