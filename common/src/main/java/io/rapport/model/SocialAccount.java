package io.rapport.model;

import java.util.Objects;

/**
 * A social network account that the customer supplied to the CRM (platform + handle).
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class SocialAccount {
  public String platform;
  public String handle;
  public boolean verified;

  public SocialAccount() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SocialAccount)) {
      return false;
    }
    SocialAccount that = (SocialAccount) o;
    return Objects.equals(platform, that.platform)
        && Objects.equals(handle, that.handle)
        && verified == that.verified;
  }

  @Override
  public int hashCode() {
    return Objects.hash(platform, handle, verified);
  }

  @Override
  public String toString() {
    return "SocialAccount{platform="
        + platform
        + ", handle="
        + handle
        + ", verified="
        + verified
        + "}";
  }
}
