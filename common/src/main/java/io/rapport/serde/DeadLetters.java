package io.rapport.serde;

import io.rapport.model.DeadLetter;
import io.rapport.model.Envelope;
import java.time.Instant;
import java.util.Base64;

/** Builds dead letters from records that could not be processed. */
public final class DeadLetters {
  private DeadLetters() {}

  /** A dead letter for an invalid envelope, keeping its original bytes. */
  public static DeadLetter of(Envelope e, Instant now) {
    return of(e, e.errorCode, e.reason, e.raw, now);
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
