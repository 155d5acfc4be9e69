package io.rapport.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert for the services subscribed to {@code rapport.alerts}: what happened, about whom, how
 * sure we are, and what to do, on which channel, by when.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class Alert {
  public int schemaVersion = 1;
  public String alertId;
  public String type;
  public String severity;
  public double confidence;
  public String customerId;
  public String brand;
  public Instant eventTime;
  public Instant createdAt;
  public String summary;
  public AlertEvidence evidence;
  public String action;
  public String channel;
  public Instant deadline;

  /** Earliest time to contact the customer (end of their quiet hours), or null: now. */
  public Instant notBefore;

  public String ownerTeam;
  public String templateKey;
  public String lang;

  public Alert() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Alert)) {
      return false;
    }
    Alert that = (Alert) o;
    return schemaVersion == that.schemaVersion
        && Objects.equals(alertId, that.alertId)
        && Objects.equals(type, that.type)
        && Objects.equals(severity, that.severity)
        && Double.compare(confidence, that.confidence) == 0
        && Objects.equals(customerId, that.customerId)
        && Objects.equals(brand, that.brand)
        && Objects.equals(eventTime, that.eventTime)
        && Objects.equals(createdAt, that.createdAt)
        && Objects.equals(summary, that.summary)
        && Objects.equals(evidence, that.evidence)
        && Objects.equals(action, that.action)
        && Objects.equals(channel, that.channel)
        && Objects.equals(deadline, that.deadline)
        && Objects.equals(notBefore, that.notBefore)
        && Objects.equals(ownerTeam, that.ownerTeam)
        && Objects.equals(templateKey, that.templateKey)
        && Objects.equals(lang, that.lang);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        schemaVersion,
        alertId,
        type,
        severity,
        confidence,
        customerId,
        brand,
        eventTime,
        createdAt,
        summary,
        evidence,
        action,
        channel,
        deadline,
        notBefore,
        ownerTeam,
        templateKey,
        lang);
  }

  @Override
  public String toString() {
    return "Alert{schemaVersion="
        + schemaVersion
        + ", alertId="
        + alertId
        + ", type="
        + type
        + ", severity="
        + severity
        + ", confidence="
        + confidence
        + ", customerId="
        + customerId
        + ", brand="
        + brand
        + ", eventTime="
        + eventTime
        + ", createdAt="
        + createdAt
        + ", summary="
        + summary
        + ", evidence="
        + evidence
        + ", action="
        + action
        + ", channel="
        + channel
        + ", deadline="
        + deadline
        + ", notBefore="
        + notBefore
        + ", ownerTeam="
        + ownerTeam
        + ", templateKey="
        + templateKey
        + ", lang="
        + lang
        + "}";
  }
}
