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
    DeadLetter d = new DeadLetter();
    d.sourceTopic = m.sourceTopic != null ? m.sourceTopic : defaultTopic;
    d.partition = m.sourcePartition;
    d.offset = m.sourceOffset;
    d.sourceTimestamp = m.sourceTimestamp >= 0 ? m.sourceTimestamp : null;
    d.errorCode = errorCode;
    d.reason = reason;
    d.time = now;
    byte[] bytes = payload == null ? new byte[0] : payload;
    d.payloadSize = bytes.length;
    d.payloadBase64 = Base64.getEncoder().encodeToString(bytes);
    return d;
  }

  /** A dead letter for a record refused after parsing (e.g. an unknown currency). */
  public static DeadLetter of(
      Envelope source, String errorCode, String reason, byte[] original, Instant now) {
    DeadLetter d = new DeadLetter();
    d.sourceTopic = source.sourceTopic;
    d.partition = source.partition;
    d.offset = source.offset;
    d.sourceTimestamp = source.sourceTimestamp >= 0 ? source.sourceTimestamp : null;
    d.errorCode = errorCode;
    d.reason = reason;
    d.time = now;
    byte[] bytes = original == null ? new byte[0] : original;
    d.payloadSize = bytes.length;
    d.payloadBase64 = Base64.getEncoder().encodeToString(bytes);
    return d;
  }
}
