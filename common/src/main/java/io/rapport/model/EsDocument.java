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
   * True for a partial update (no script): {@link #json} holds only the fields to overwrite. The
   * update of a missing document creates {@link #upsert} when set, and is skipped otherwise.
   */
  public boolean partial;

  /** With {@link #partial}: the document to create when none exists (an upsert), or null. */
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

  /**
   * A partial update of an existing document: only the given fields change (no script). A document
   * that does not exist (any more) is left alone.
   */
  public static EsDocument update(String index, String id, String json) {
    EsDocument d = new EsDocument(index, id, json);
    d.partial = true;
    return d;
  }

  public boolean isDelete() {
    return json == null;
  }

  /**
   * A partial update of the document with this id: {@code partial} merged into it when it exists,
   * {@code upsert} indexed when it does not.
   */
  public static EsDocument update(String index, String id, String partial, String upsert) {
    EsDocument d = update(index, id, partial);
    d.upsert = upsert;
    return d;
  }

  /** True for a partial update, with or without an upsert. */
  public boolean isUpdate() {
    return partial && json != null;
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
    return partial == that.partial
        && Objects.equals(index, that.index)
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
        + (partial ? ", partial" : "")
        + (upsert == null ? "" : ", upsert=" + upsert)
        + "}";
  }
}
