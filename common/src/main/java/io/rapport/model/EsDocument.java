package io.rapport.model;

import java.util.Objects;

/**
 * One document to write to Elasticsearch: the target index, a deterministic id (so that a replay
 * overwrites instead of duplicating) and the document as JSON. A {@code null} json means delete.
 */
public class EsDocument {
  public String index;
  public String id;
  public String json;

  /**
   * When set, the write is a partial update: {@link #json} is merged into the existing document,
   * and this document is created when there is none (an upsert; no scripts).
   */
  public String upsert;

  public EsDocument() {}

  public EsDocument(String index, String id, String json) {
    this.index = index;
    this.id = id;
    this.json = json;
  }

  /** A request to delete the document with this id. */
  public static EsDocument delete(String index, String id) {
    return new EsDocument(index, id, null);
  }

  public boolean isDelete() {
    return json == null;
  }

  /**
   * A partial update of the document with this id: {@code partial} merged into it when it exists,
   * {@code upsert} indexed when it does not.
   */
  public static EsDocument update(String index, String id, String partial, String upsert) {
    EsDocument d = new EsDocument(index, id, partial);
    d.upsert = upsert;
    return d;
  }

  public boolean isUpdate() {
    return json != null && upsert != null;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EsDocument)) {
      return false;
    }
    EsDocument that = (EsDocument) o;
    return Objects.equals(index, that.index)
        && Objects.equals(id, that.id)
        && Objects.equals(json, that.json)
        && Objects.equals(upsert, that.upsert);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, id, json);
  }

  @Override
  public String toString() {
    return "EsDocument{index="
        + index
        + ", id="
        + id
        + ", json="
        + json
        + (upsert == null ? "" : ", upsert=" + upsert)
        + "}";
  }
}
