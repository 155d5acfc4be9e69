package io.rapport.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One identity merge, for the merge log ({@code rapport.merges} topic and {@code rapport-merges}
 * index): which profile was merged into which survivor, on what evidence and by which rule. No raw
 * personal identifier: the contested identifier is given by kind and keyed hash.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class MergeRecord {
  public static final String CRM_DUPLICATE = "crm-duplicate";
  public static final String PROSPECT_LINKED = "prospect-linked";

  /** Deterministic: the same merge replayed has the same id. */
  public String mergeId;

  public String survivorId;

  /** The profile merged into the survivor (the root of its group, if it had absorbed others). */
  public String mergedId;

  /** Every profile id that now resolves to the survivor because of this merge. */
  public List<String> mergedIds = new ArrayList<>();

  /** {@link #CRM_DUPLICATE} or {@link #PROSPECT_LINKED}. */
  public String kind;

  /** The kind of the identifier both profiles claimed ({@code email}, {@code social}, …). */
  public String identifierType;

  /** Keyed hash of that identifier. */
  public String identifierHash;

  /** Why this survivor: {@code customer-beats-prospect} or {@code oldest-customer-id}. */
  public String rule;

  public String reason;

  public double confidence = 1.0;

  /** Event time of the CRM record that caused the merge, epoch milliseconds. */
  public long time;

  public MergeRecord() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MergeRecord)) {
      return false;
    }
    MergeRecord that = (MergeRecord) o;
    return time == that.time
        && Double.compare(confidence, that.confidence) == 0
        && Objects.equals(mergeId, that.mergeId)
        && Objects.equals(survivorId, that.survivorId)
        && Objects.equals(mergedId, that.mergedId)
        && Objects.equals(mergedIds, that.mergedIds)
        && Objects.equals(kind, that.kind)
        && Objects.equals(identifierType, that.identifierType)
        && Objects.equals(identifierHash, that.identifierHash)
        && Objects.equals(rule, that.rule)
        && Objects.equals(reason, that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mergeId, survivorId, mergedId);
  }

  @Override
  public String toString() {
    return "MergeRecord{" + mergedId + " -> " + survivorId + ", " + kind + ", " + rule + "}";
  }
}
