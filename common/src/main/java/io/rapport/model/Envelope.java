package io.rapport.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One input record as it leaves a source: where it came from, its event time, and either the parsed
 * event (exactly one of {@link #mention}, {@link #customer}, {@link #transaction}, {@link
 * #activity}) or, when it could not be read, the error and the original bytes for the dead-letter
 * topic.
 */
public class Envelope {
  public static final String MENTION = "mention";
  public static final String CUSTOMER = "customer";
  public static final String TRANSACTION = "transaction";
  public static final String ALERT_STATUS = "alert-status";
  public static final String ACTIVITY = "activity";
  public static final String INVALID = "invalid";

  /**
   * One of {@link #MENTION}, {@link #CUSTOMER}, {@link #TRANSACTION}, {@link #ACTIVITY}, {@link
   * #ALERT_STATUS}, {@link #INVALID}.
   */
  public String kind;

  public String sourceTopic;
  public int partition = -1;
  public long offset = -1;

  /** The source's own timestamp (Kafka record time), or -1. */
  public long sourceTimestamp = -1;

  /**
   * Event time in epoch milliseconds from the record itself; {@link Long#MIN_VALUE} when invalid.
   */
  public long eventTime;

  public SocialMention mention;
  public CustomerRecord customer;
  public Transaction transaction;
  public AlertStatus alertStatus;
  public CustomerActivity activity;

  /** The {@code ErrorCode} name, when invalid. */
  public String errorCode;

  public String reason;

  /** The original bytes, kept only for invalid records. */
  public byte[] raw;

  public Envelope() {}

  /**
   * Marks this envelope invalid, keeping the original bytes. Its event time is {@link
   * Long#MIN_VALUE}: a record that can't be read says nothing about event time, and its source
   * timestamp (often the time it was produced) must not push the watermark past valid records.
   */
  public void markInvalid(String errorCode, String reason, byte[] original) {
    this.kind = INVALID;
    this.errorCode = errorCode;
    this.reason = reason;
    this.raw = original == null ? new byte[0] : original;
    this.mention = null;
    this.customer = null;
    this.transaction = null;
    this.alertStatus = null;
    this.activity = null;
    // no event time: an invalid record must not move the watermark
    this.eventTime = Long.MIN_VALUE;
  }

  public boolean isValid() {
    return !INVALID.equals(kind);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Envelope)) {
      return false;
    }
    Envelope that = (Envelope) o;
    return partition == that.partition
        && offset == that.offset
        && sourceTimestamp == that.sourceTimestamp
        && eventTime == that.eventTime
        && Objects.equals(kind, that.kind)
        && Objects.equals(sourceTopic, that.sourceTopic)
        && Objects.equals(mention, that.mention)
        && Objects.equals(customer, that.customer)
        && Objects.equals(transaction, that.transaction)
        && Objects.equals(alertStatus, that.alertStatus)
        && Objects.equals(activity, that.activity)
        && Objects.equals(errorCode, that.errorCode)
        && Objects.equals(reason, that.reason)
        && Arrays.equals(raw, that.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, sourceTopic, partition, offset, eventTime, errorCode);
  }

  @Override
  public String toString() {
    return "Envelope{kind="
        + kind
        + ", source="
        + sourceTopic
        + "/"
        + partition
        + "@"
        + offset
        + ", eventTime="
        + eventTime
        + (isValid() ? "" : ", error=" + errorCode + ": " + reason)
        + "}";
  }
}
