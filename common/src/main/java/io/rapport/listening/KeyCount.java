package io.rapport.listening;

import java.util.Objects;

/**
 * A key (hashtag, term, author) with a count (mentions, or followers for authors).
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class KeyCount {
  public String key;
  public long count;

  public KeyCount() {}

  public KeyCount(String key, long count) {
    this.key = key;
    this.count = count;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KeyCount)) {
      return false;
    }
    KeyCount that = (KeyCount) o;
    return count == that.count && Objects.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, count);
  }

  @Override
  public String toString() {
    return key + "=" + count;
  }
}
