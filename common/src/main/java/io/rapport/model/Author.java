package io.rapport.model;

import java.util.Objects;

/**
 * The author of a social mention, as the listening tool saw them.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class Author {
  public String handle;
  public String name;
  public long followers;
  public long following;
  public boolean verified;

  public Author() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Author)) {
      return false;
    }
    Author that = (Author) o;
    return Objects.equals(handle, that.handle)
        && Objects.equals(name, that.name)
        && followers == that.followers
        && following == that.following
        && verified == that.verified;
  }

  @Override
  public int hashCode() {
    return Objects.hash(handle, name, followers, following, verified);
  }

  @Override
  public String toString() {
    return "Author{handle="
        + handle
        + ", name="
        + name
        + ", followers="
        + followers
        + ", following="
        + following
        + ", verified="
        + verified
        + "}";
  }
}
