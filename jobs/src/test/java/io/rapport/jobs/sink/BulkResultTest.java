package io.rapport.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.model.EsDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkResultTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void noErrorsMeansEverythingSucceeded() throws Exception {
    List<EsDocument> sent = List.of(new EsDocument("i", "1", "{}"), EsDocument.delete("i", "2"));
    BulkResult r =
        BulkResult.of(
            sent,
            MAPPER.readTree(
                "{\"errors\":false,\"items\":[{\"index\":{\"status\":201}},"
                    + "{\"delete\":{\"status\":200}}]}"));
    assertThat(r.succeeded).isEqualTo(2);
    assertThat(r.retry).isEmpty();
    assertThat(r.rejected).isEmpty();
  }

  @Test
  void classifiesItems() throws Exception {
    EsDocument ok = new EsDocument("i", "ok", "{}");
    EsDocument missingDelete = EsDocument.delete("i", "missing");
    EsDocument overloaded = new EsDocument("i", "busy", "{}");
    EsDocument unavailable = new EsDocument("i", "unavailable", "{}");
    EsDocument badMapping = new EsDocument("i", "bad", "{\"n\":\"x\"}");
    EsDocument noIndex = new EsDocument("closed", "x", "{}");
    String response =
        "{\"errors\":true,\"items\":["
            + "{\"index\":{\"_id\":\"ok\",\"status\":200}},"
            + "{\"delete\":{\"_id\":\"missing\",\"status\":404,\"result\":\"not_found\"}},"
            + "{\"index\":{\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\","
            + "\"reason\":\"rejected execution\"}}},"
            + "{\"index\":{\"status\":503,\"error\":{\"type\":\"unavailable_shards_exception\","
            + "\"reason\":\"primary shard is not active\"}}},"
            + "{\"index\":{\"status\":400,\"error\":{\"type\":\"document_parsing_exception\","
            + "\"reason\":\"failed to parse field [n] of type [long]\",\"caused_by\":{\"type\":"
            + "\"illegal_argument_exception\",\"reason\":\"For input string: \\\"x\\\"\"}}}},"
            + "{\"index\":{\"status\":404,\"error\":{\"type\":\"index_not_found_exception\","
            + "\"reason\":\"no such index [closed]\"}}}"
            + "]}";
    BulkResult r =
        BulkResult.of(
            List.of(ok, missingDelete, overloaded, unavailable, badMapping, noIndex),
            MAPPER.readTree(response));

    assertThat(r.succeeded).isEqualTo(2);
    assertThat(r.retry).containsExactly(overloaded, unavailable);
    assertThat(r.firstRetryReason).contains("429").contains("es_rejected_execution_exception");
    assertThat(r.rejected).hasSize(2);
    assertThat(r.rejected.get(0).document).isEqualTo(badMapping);
    assertThat(r.rejected.get(0).status).isEqualTo(400);
    assertThat(r.rejected.get(0).reason)
        .isEqualTo(
            "document_parsing_exception: failed to parse field [n] of type [long]"
                + " (caused by illegal_argument_exception: For input string: \"x\")");
    assertThat(r.rejected.get(1).document).isEqualTo(noIndex);
    assertThat(r.rejected.get(1).status).isEqualTo(404);
  }

  @Test
  void itemCountMismatchIsAnError() throws Exception {
    assertThatThrownBy(
            () ->
                BulkResult.of(
                    List.of(new EsDocument("i", "1", "{}")),
                    MAPPER.readTree("{\"errors\":true,\"items\":[]}")))
        .isInstanceOf(IllegalStateException.class);
  }
}
