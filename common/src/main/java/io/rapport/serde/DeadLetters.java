package io.rapport.serde;

import io.rapport.model.DeadLetter;
import io.rapport.model.Envelope;
import io.rapport.model.SocialMention;
import java.time.Instant;
import java.util.Base64;

/** Builds dead letters from records that could not be processed. */
public final class DeadLetters {
  private DeadLetters() {}

  /** A dead letter for an invalid envelope, keeping its original bytes. */
  public static DeadLetter of(Envelope e, Instant now) {
    return of(e, e.errorCode, e.reason, e.raw, now);
  }

  /**
   * A dead letter for a mention refused downstream of the parse step (e.g. {@code LATE}), where its
   * original bytes are gone: the coordinates of its original record (topic, partition, offset,
   * record timestamp, the same fields as a parse failure's) and {@code payload}, the mention as the
   * job read it. A mention without coordinates (built in code) gets {@code defaultTopic} and
   * partition and offset -1.
   */
  public static DeadLetter of(
      SocialMention m,
      String defaultTopic,
      String errorCode,
      String reason,
      byte[] payload,
      Instant now) {
    return of(
        m.sourceTopic != null ? m.sourceTopic : defaultTopic,
        m.sourcePartition,
        m.sourceOffset,
        m.sourceTimestamp,
        errorCode,
        reason,
        payload,
        now);
  }

  /** A dead letter for a record refused after parsing (e.g. an unknown currency). */
  public static DeadLetter of(
      Envelope source, String errorCode, String reason, byte[] original, Instant now) {
    return of(
        source.sourceTopic,
        source.partition,
        source.offset,
        source.sourceTimestamp,
        errorCode,
        reason,
        original,
        now);
  }

  private static DeadLetter of(
      String topic,
      int partition,
      long offset,
      long recordTimestamp,
      String errorCode,
      String reason,
      byte[] payload,
      Instant now) {
    DeadLetter d = new DeadLetter();
    d.sourceTopic = topic;
    d.partition = partition;
    d.offset = offset;
    d.sourceTimestamp = recordTimestamp >= 0 ? recordTimestamp : null;
    d.errorCode = errorCode;
    d.reason = reason;
    d.time = now;
    byte[] bytes = payload == null ? new byte[0] : payload;
    d.payloadSize = bytes.length;
    d.payloadBase64 = Base64.getEncoder().encodeToString(bytes);
    return d;
  }
}
