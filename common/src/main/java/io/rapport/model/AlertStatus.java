package io.rapport.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A status change of an alert, read from {@code rapport.alert-status}: a consumer acknowledged or
 * resolved it. Reflected in the alert's document in the alerts index.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class AlertStatus {
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String RESOLVED = "resolved";

  public int schemaVersion = 1;
  public String alertId;

  /** {@link #ACKNOWLEDGED} or {@link #RESOLVED}. */
  public String status;

  /** Who changed the status (an agent or a service). */
  public String by;

  /** When the status changed. */
  public Instant at;

  public String note;

  /**
   * Seconds from the alert's event (the mention it was raised on) to this status, when known, or
   * null: the job sets it when the brand's reply to the mention acknowledges the alert (the brand's
   * response time); a consumer may report it too.
   */
  public Long responseSeconds;

  public AlertStatus() {}

  /** Resolved outranks acknowledged: a status never goes back. */
  public static int rank(String status) {
    return RESOLVED.equals(status) ? 2 : ACKNOWLEDGED.equals(status) ? 1 : 0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AlertStatus)) {
      return false;
    }
    AlertStatus that = (AlertStatus) o;
    return schemaVersion == that.schemaVersion
        && Objects.equals(alertId, that.alertId)
        && Objects.equals(status, that.status)
        && Objects.equals(by, that.by)
        && Objects.equals(at, that.at)
        && Objects.equals(note, that.note)
        && Objects.equals(responseSeconds, that.responseSeconds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(alertId, status, by, at);
  }

  @Override
  public String toString() {
    return "AlertStatus{" + alertId + " " + status + " by " + by + " at " + at + "}";
  }
}
