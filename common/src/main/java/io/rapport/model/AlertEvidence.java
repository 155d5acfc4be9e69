package io.rapport.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an alert rests on: the events and the scores (with their inputs) that triggered it.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class AlertEvidence {
  public List<String> mentionIds;
  public List<String> transactionIds;
  public Map<String, Double> scores;
  public List<String> reasons;

  /**
   * What the mention behind the alert is about (delivery, price, customer_service, product_quality,
   * billing, app_web, store), for routing it to the team that handles it; null for alerts that rest
   * on no mention.
   */
  public List<String> topics;

  public AlertEvidence() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AlertEvidence)) {
      return false;
    }
    AlertEvidence that = (AlertEvidence) o;
    return Objects.equals(mentionIds, that.mentionIds)
        && Objects.equals(transactionIds, that.transactionIds)
        && Objects.equals(scores, that.scores)
        && Objects.equals(reasons, that.reasons)
        && Objects.equals(topics, that.topics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mentionIds, transactionIds, scores, reasons, topics);
  }

  @Override
  public String toString() {
    return "AlertEvidence{mentionIds="
        + mentionIds
        + ", transactionIds="
        + transactionIds
        + ", scores="
        + scores
        + ", reasons="
        + reasons
        + ", topics="
        + topics
        + "}";
  }
}
