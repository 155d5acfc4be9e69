package io.rapport.scoring;

import java.util.Objects;

/**
 * A person moved from one segment to another in one dimension ({@code value}, {@code role} or
 * {@code engagement}). Indexed with a deterministic id, so that a replay overwrites.
 */
public class SegmentChange {
  public static final String VALUE = "value";
  public static final String ROLE = "role";
  public static final String ENGAGEMENT = "engagement";

  public String customerId;
  public String dimension;

  /** Null when the person enters their first segment in this dimension. */
  public String from;

  public String to;

  /** Event time of the change, epoch ms. */
  public long time;

  public SegmentChange() {}

  public SegmentChange(String customerId, String dimension, String from, String to, long time) {
    this.customerId = customerId;
    this.dimension = dimension;
    this.from = from;
    this.to = to;
    this.time = time;
  }

  /** The deterministic document id: the same change replayed gets the same id. */
  public String id() {
    return customerId + ":" + dimension + ":" + time + ":" + to;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SegmentChange)) {
      return false;
    }
    SegmentChange c = (SegmentChange) o;
    return time == c.time
        && Objects.equals(customerId, c.customerId)
        && Objects.equals(dimension, c.dimension)
        && Objects.equals(from, c.from)
        && Objects.equals(to, c.to);
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerId, dimension, from, to, time);
  }

  @Override
  public String toString() {
    return "SegmentChange{"
        + customerId
        + " "
        + dimension
        + ": "
        + from
        + " -> "
        + to
        + " @"
        + time
        + "}";
  }
}
