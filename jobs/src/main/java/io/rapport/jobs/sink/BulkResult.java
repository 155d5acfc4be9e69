package io.rapport.jobs.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.model.EsDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one bulk request, item by item: succeeded, to retry (429 and 5xx: overload or a
 * shard not available yet), or rejected for good (other 4xx: mapping errors and the like). A delete
 * of a missing document (404) counts as a success.
 */
final class BulkResult {

  /** An item Elasticsearch refused for good. */
  static final class Rejection {
    final EsDocument document;
    final int status;
    final String reason;

    Rejection(EsDocument document, int status, String reason) {
      this.document = document;
      this.status = status;
      this.reason = reason;
    }

    @Override
    public String toString() {
      return document.index + "/" + document.id + " (" + status + ") " + reason;
    }
  }

  int succeeded;
  final List<EsDocument> retry = new ArrayList<>();
  final List<Rejection> rejected = new ArrayList<>();

  /** The first retryable item error, for the log and the final exception. */
  String firstRetryReason;

  /**
   * Classifies the items of a bulk response; {@code sent} are the documents of the request in
   * order.
   */
  static BulkResult of(List<EsDocument> sent, JsonNode response) {
    BulkResult result = new BulkResult();
    JsonNode items = response.path("items");
    if (!response.path("errors").asBoolean(false) && items.size() == sent.size()) {
      result.succeeded = sent.size();
      return result;
    }
    if (items.size() != sent.size()) {
      throw new IllegalStateException(
          "bulk response has " + items.size() + " items for " + sent.size() + " documents");
    }
    for (int i = 0; i < sent.size(); i++) {
      EsDocument doc = sent.get(i);
      JsonNode item = firstValue(items.get(i));
      int status = item.path("status").asInt(0);
      if ((status >= 200 && status < 300) || (status == 404 && (doc.isDelete() || doc.partial))) {
        result.succeeded++;
      } else if (isRetryableStatus(status)) {
        result.retry.add(doc);
        if (result.firstRetryReason == null) {
          result.firstRetryReason = "status " + status + " " + reason(item.path("error"));
        }
      } else {
        result.rejected.add(new Rejection(doc, status, reason(item.path("error"))));
      }
    }
    return result;
  }

  static boolean isRetryableStatus(int status) {
    return status == 429 || status >= 500;
  }

  private static JsonNode firstValue(JsonNode item) {
    Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
    return fields.hasNext() ? fields.next().getValue() : item;
  }

  /** {@code type: reason (caused by: type: reason)}. */
  static String reason(JsonNode error) {
    if (error.isMissingNode() || error.isNull()) {
      return "unknown error";
    }
    if (error.isTextual()) {
      return error.asText();
    }
    StringBuilder sb = new StringBuilder();
    sb.append(error.path("type").asText("error"))
        .append(": ")
        .append(error.path("reason").asText());
    JsonNode cause = error.path("caused_by");
    if (cause.isObject()) {
      sb.append(" (caused by ")
          .append(cause.path("type").asText())
          .append(": ")
          .append(cause.path("reason").asText())
          .append(')');
    }
    return sb.toString();
  }
}
