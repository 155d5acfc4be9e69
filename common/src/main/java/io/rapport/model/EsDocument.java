package io.rapport.model;

import java.util.Objects;

/**
 * One document to write to Elasticsearch: the target index, a deterministic id (so that a replay
 * overwrites instead of duplicating) and the document as JSON. A {@code null} json means delete;
 * with {@link #matchField} set, delete or update every document of the index whose field has {@link
 * #matchValue} ({@link #deleteMatching}, {@link #updateMatching}).
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

  /**
   * The keyword field whose value {@link #matchValue} marks the documents to delete (null {@link
   * #json}) or to update ({@link #partial}), all of them whatever their ids; null for a document of
   * one id.
   */
  public String matchField;

  /** The value of {@link #matchField} of the documents to delete. */
  public String matchValue;

  public EsDocument() {}

  public EsDocument(String index, String id, String json) {
    this.index = index;
    this.id = id;
    this.json = json;
  }

  /** A copy of this document (the runtime may reuse the object it passed). */
  public EsDocument copy() {
    EsDocument d = new EsDocument(index, id, json);
    d.partial = partial;
    d.upsert = upsert;
    d.matchField = matchField;
    d.matchValue = matchValue;
    return d;
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
   * A request to delete every document of {@code index} whose keyword field {@code field} is {@code
   * value} (Elasticsearch's delete-by-query is a module the sink does not count on: the sink finds
   * their ids and deletes them by id). Its own id, derived from field and value, keeps replays and
   * the sink's per-document ordering deterministic.
   */
  public static EsDocument deleteMatching(String index, String field, String value) {
    EsDocument d = new EsDocument(index, "delete-matching:" + field + "=" + value, null);
    d.matchField = field;
    d.matchValue = value;
    return d;
  }

  /** True for a {@link #deleteMatching} request. */
  public boolean isDeleteMatching() {
    return json == null && matchField != null;
  }

  /**
   * A request to apply the partial update {@code partialJson} to every document of {@code index}
   * whose keyword field {@code field} is {@code value}, found as {@link #deleteMatching} finds
   * them.
   */
  public static EsDocument updateMatching(
      String index, String field, String value, String partialJson) {
    EsDocument d = update(index, "update-matching:" + field + "=" + value, partialJson);
    d.matchField = field;
    d.matchValue = value;
    return d;
  }

  /** True for a {@link #deleteMatching} or {@link #updateMatching} request. */
  public boolean isMatching() {
    return matchField != null;
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
        && Objects.equals(upsert, that.upsert)
        && Objects.equals(matchField, that.matchField)
        && Objects.equals(matchValue, that.matchValue);
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
        + (matchField == null ? "" : ", where " + matchField + "=" + matchValue)
        + "}";
  }
}
