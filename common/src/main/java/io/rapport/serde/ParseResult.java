package io.rapport.serde;

import java.util.Objects;

/**
 * The outcome of reading one record: either a valid value, or an error code with a reason fit for a
 * human. Never both.
 */
public final class ParseResult<T> {
  private final T value;
  private final ErrorCode error;
  private final String reason;

  private ParseResult(T value, ErrorCode error, String reason) {
    this.value = value;
    this.error = error;
    this.reason = reason;
  }

  public static <T> ParseResult<T> ok(T value) {
    return new ParseResult<>(Objects.requireNonNull(value), null, null);
  }

  public static <T> ParseResult<T> failed(ErrorCode error, String reason) {
    return new ParseResult<>(null, Objects.requireNonNull(error), Objects.requireNonNull(reason));
  }

  public boolean isOk() {
    return value != null;
  }

  /** The valid value; throws if the record was invalid. */
  public T value() {
    if (value == null) {
      throw new IllegalStateException("no value: " + error + ": " + reason);
    }
    return value;
  }

  public ErrorCode error() {
    return error;
  }

  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return isOk() ? "ok(" + value + ")" : "failed(" + error + ": " + reason + ")";
  }
}
