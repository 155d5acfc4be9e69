package io.rapport.model;

import java.util.Objects;

/**
 * How a transaction names its customer: a CRM customer id, a loyalty card or an email (at least
 * one).
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class CustomerRef {
  public String customerId;
  public String loyaltyCard;
  public String email;

  public CustomerRef() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CustomerRef)) {
      return false;
    }
    CustomerRef that = (CustomerRef) o;
    return Objects.equals(customerId, that.customerId)
        && Objects.equals(loyaltyCard, that.loyaltyCard)
        && Objects.equals(email, that.email);
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerId, loyaltyCard, email);
  }

  @Override
  public String toString() {
    return "CustomerRef{customerId="
        + customerId
        + ", loyaltyCard="
        + loyaltyCard
        + ", email="
        + email
        + "}";
  }
}
