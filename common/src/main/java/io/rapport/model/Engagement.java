package io.rapport.model;

import java.util.Objects;

/**
 * Engagement counts of a social post when it was captured.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class Engagement {
  public long likes;
  public long replies;
  public long reposts;
  public long quotes;
  public long views;

  public Engagement() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Engagement)) {
      return false;
    }
    Engagement that = (Engagement) o;
    return likes == that.likes
        && replies == that.replies
        && reposts == that.reposts
        && quotes == that.quotes
        && views == that.views;
  }

  @Override
  public int hashCode() {
    return Objects.hash(likes, replies, reposts, quotes, views);
  }

  @Override
  public String toString() {
    return "Engagement{likes="
        + likes
        + ", replies="
        + replies
        + ", reposts="
        + reposts
        + ", quotes="
        + quotes
        + ", views="
        + views
        + "}";
  }
}
