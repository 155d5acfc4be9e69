package io.rapport.jobs.sink;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.model.EsDocument;
import io.rapport.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The documents waiting for the next bulk request, deduplicated by (index, id): a later document
 * replaces an earlier one with the same index and id (last wins; a delete replaces an index and
 * vice versa), so a batch never holds two operations on one document. Not thread-safe.
 */
public final class BulkBuffer {

  private final LinkedHashMap<Key, EsDocument> documents = new LinkedHashMap<>();
  private long bytes;
  private long replaced;

  /**
   * Adds a document (which must have an index and an id).
   *
   * @return true if it replaced a buffered document with the same index and id
   */
  boolean add(EsDocument document) {
    Key key = new Key(document.index, document.id);
    if (document.isUpdate()) {
      EsDocument earlier = documents.get(key);
      if (earlier != null) {
        document = combine(earlier, document);
      }
    }
    EsDocument previous = documents.put(key, document);
    bytes += estimatedBytes(document);
    if (previous != null) {
      bytes -= estimatedBytes(previous);
      replaced++;
      return true;
    }
    return false;
  }

  /** Number of distinct documents buffered. */
  int size() {
    return documents.size();
  }

  boolean isEmpty() {
    return documents.isEmpty();
  }

  /** Estimated size of the bulk request body of the buffered documents. */
  long bytes() {
    return bytes;
  }

  /** How many documents were replaced by later ones since this buffer was created. */
  long replaced() {
    return replaced;
  }

  /** True when the buffer reached either limit and must be sent. */
  boolean isFull(int maxActions, long maxBytes) {
    return documents.size() >= maxActions || bytes >= maxBytes;
  }

  /** Returns the buffered documents in first-seen order and empties the buffer. */
  List<EsDocument> drain() {
    List<EsDocument> out = new ArrayList<>(documents.values());
    documents.clear();
    bytes = 0;
    return out;
  }

  /**
   * One operation with the effect of {@code earlier} then {@code update} (a partial update): on an
   * index, the merged document; on a delete, the update's upsert (or the delete when it has none);
   * on another update, an update whose partial and upsert documents both include the later partial.
   */
  static EsDocument combine(EsDocument earlier, EsDocument update) {
    if (earlier.isDelete()) {
      // the update finds no document: its upsert, or nothing (the delete stands)
      return update.upsert == null
          ? earlier
          : new EsDocument(update.index, update.id, update.upsert);
    }
    String merged = merge(earlier.json, update.json);
    if (!earlier.isUpdate()) {
      return new EsDocument(update.index, update.id, merged);
    }
    // when the document is missing, the first update creates the earlier upsert (the later one
    // then merges into it), or is skipped (the later upsert, if any, is created)
    String upsert = earlier.upsert != null ? merge(earlier.upsert, update.json) : update.upsert;
    return EsDocument.update(update.index, update.id, merged, upsert);
  }

  /** {@code patch} merged into {@code base} as Elasticsearch merges a partial document. */
  public static String merge(String base, String patch) {
    try {
      JsonNode b = Json.mapper().readTree(base);
      JsonNode p = Json.mapper().readTree(patch);
      if (!(b instanceof ObjectNode) || !(p instanceof ObjectNode)) {
        return patch;
      }
      mergeInto((ObjectNode) b, (ObjectNode) p);
      return Json.toString(b);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void mergeInto(ObjectNode base, ObjectNode patch) {
    patch
        .fields()
        .forEachRemaining(
            f -> {
              JsonNode existing = base.get(f.getKey());
              if (existing instanceof ObjectNode && f.getValue() instanceof ObjectNode) {
                mergeInto((ObjectNode) existing, (ObjectNode) f.getValue());
              } else {
                base.set(f.getKey(), f.getValue());
              }
            });
  }

  /**
   * The bulk request body: an {@code index} (whole document), {@code update} (partial document with
   * an upsert) or {@code delete} line each.
   */
  static byte[] toNdjson(List<EsDocument> documents) {
    StringBuilder sb = new StringBuilder();
    for (EsDocument d : documents) {
      appendAction(sb, d);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static void appendAction(StringBuilder sb, EsDocument d) {
    sb.append(
        d.isDelete()
            ? "{\"delete\":{\"_index\":\""
            : d.isUpdate() ? "{\"update\":{\"_index\":\"" : "{\"index\":{\"_index\":\"");
    JsonStringEncoder.getInstance().quoteAsString(d.index, sb);
    sb.append("\",\"_id\":\"");
    JsonStringEncoder.getInstance().quoteAsString(d.id, sb);
    // concurrent updates of one document (an alert and its status from two subtasks) retry
    sb.append(d.isUpdate() ? "\",\"retry_on_conflict\":5}}\n" : "\"}}\n");
    if (d.isUpdate()) {
      sb.append("{\"doc\":").append(oneLine(d.json));
      if (d.upsert != null) {
        sb.append(",\"upsert\":").append(oneLine(d.upsert));
      }
      sb.append("}\n");
    } else if (!d.isDelete()) {
      // one line per document: NDJSON forbids raw newlines, which JSON allows as whitespace
      sb.append(
          d.json.indexOf('\n') >= 0 || d.json.indexOf('\r') >= 0
              ? d.json.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')
              : d.json);
      sb.append('\n');
    }
  }

  private static String oneLine(String json) {
    return json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0
        ? json.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')
        : json;
  }

  /** Approximate request-body bytes of one document (characters, not UTF-8 bytes). */
  static long estimatedBytes(EsDocument d) {
    long n = 40 + d.index.length() + d.id.length();
    if (!d.isDelete()) {
      n += d.json.length() + 1;
    }
    if (d.upsert != null) {
      n += d.upsert.length() + 40;
    }
    return n;
  }

  private static final class Key {
    final String index;
    final String id;
    final int hash;

    Key(String index, String id) {
      this.index = index;
      this.id = id;
      this.hash = 31 * index.hashCode() + id.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key)) {
        return false;
      }
      Key k = (Key) o;
      return hash == k.hash && index.equals(k.index) && id.equals(k.id);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return index + "/" + id;
    }
  }

  @Override
  public String toString() {
    return "BulkBuffer{size=" + documents.size() + ", bytes=" + bytes + "}";
  }
}
