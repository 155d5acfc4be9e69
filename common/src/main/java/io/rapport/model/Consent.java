package io.rapport.model;

import java.util.Objects;

/**
 * Consent to be contacted, per channel.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class Consent {
  public boolean email;
  public boolean sms;
  public boolean phone;
  public boolean social;

  public Consent() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Consent)) {
      return false;
    }
    Consent that = (Consent) o;
    return email == that.email && sms == that.sms && phone == that.phone && social == that.social;
  }

  @Override
  public int hashCode() {
    return Objects.hash(email, sms, phone, social);
  }

  @Override
  public String toString() {
    return "Consent{email="
        + email
        + ", sms="
        + sms
        + ", phone="
        + phone
        + ", social="
        + social
        + "}";
  }
}
