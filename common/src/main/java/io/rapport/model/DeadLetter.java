package io.rapport.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A record that could not be processed (topic {@code rapport.deadletter}): why, where it came from,
 * and its original bytes (base64).
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class DeadLetter {
  public int schemaVersion = 1;
  public String sourceTopic;
  public int partition = -1;
  public long offset = -1;
  public Long sourceTimestamp;
  public String errorCode;
  public String reason;
  public Instant time;
  public int payloadSize;
  public String payloadBase64;

  public DeadLetter() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DeadLetter)) {
      return false;
    }
    DeadLetter that = (DeadLetter) o;
    return schemaVersion == that.schemaVersion
        && Objects.equals(sourceTopic, that.sourceTopic)
        && partition == that.partition
        && offset == that.offset
        && Objects.equals(sourceTimestamp, that.sourceTimestamp)
        && Objects.equals(errorCode, that.errorCode)
        && Objects.equals(reason, that.reason)
        && Objects.equals(time, that.time)
        && payloadSize == that.payloadSize
        && Objects.equals(payloadBase64, that.payloadBase64);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        schemaVersion,
        sourceTopic,
        partition,
        offset,
        sourceTimestamp,
        errorCode,
        reason,
        time,
        payloadSize,
        payloadBase64);
  }

  @Override
  public String toString() {
    return "DeadLetter{schemaVersion="
        + schemaVersion
        + ", sourceTopic="
        + sourceTopic
        + ", partition="
        + partition
        + ", offset="
        + offset
        + ", sourceTimestamp="
        + sourceTimestamp
        + ", errorCode="
        + errorCode
        + ", reason="
        + reason
        + ", time="
        + time
        + ", payloadSize="
        + payloadSize
        + ", payloadBase64="
        + payloadBase64
        + "}";
  }
}
