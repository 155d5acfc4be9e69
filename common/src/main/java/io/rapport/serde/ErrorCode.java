package io.rapport.serde;

/** Why a record could not be processed; carried by every dead letter. */
public enum ErrorCode {
  /** The bytes are not valid UTF-8. */
  INVALID_ENCODING,
  /** The bytes are not one well-formed JSON object. */
  MALFORMED_JSON,
  /** A field has the wrong JSON type (a string where a number is expected, for example). */
  WRONG_TYPE,
  /** A required field is missing or empty. */
  MISSING_FIELD,
  /** A field has a value outside what the contract allows. */
  INVALID_VALUE,
  /** The record, or one of its fields, is larger than the contract allows. */
  OVERSIZED,
  /** The record declares a schema version this build does not read. */
  UNSUPPORTED_SCHEMA_VERSION,
  /** The record arrived later than the job's allowed lateness. */
  LATE,
  /** Processing failed for another reason; the reason says which. */
  PROCESSING_FAILED
}
