package io.rapport.generator;

import io.rapport.serde.ErrorCode;

/** The ways a generated record is broken, with the error the parser must report for each. */
public enum MalformedKind {
  /** Truncated JSON. */
  BROKEN_JSON(ErrorCode.MALFORMED_JSON),
  /** A required field left out. */
  MISSING_FIELD(ErrorCode.MISSING_FIELD),
  /** A field of the wrong JSON type (a string where a number is expected, for example). */
  WRONG_TYPE(ErrorCode.WRONG_TYPE),
  /** A mention text longer than 10,000 characters (mentions only). */
  OVERSIZED_TEXT(ErrorCode.OVERSIZED),
  /** Bytes that are not valid UTF-8 (a producer that wrote Latin-1, for example). */
  BAD_ENCODING(ErrorCode.INVALID_ENCODING),
  /** A schema version this build does not read. */
  UNSUPPORTED_VERSION(ErrorCode.UNSUPPORTED_SCHEMA_VERSION);

  private final ErrorCode expected;

  MalformedKind(ErrorCode expected) {
    this.expected = expected;
  }

  /** The error code {@code RecordParser} gives for this kind. */
  public ErrorCode expectedError() {
    return expected;
  }
}
