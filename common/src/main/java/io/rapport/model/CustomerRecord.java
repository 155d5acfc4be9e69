package io.rapport.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A CRM customer record (topic {@code crm.customers}): an upsert of the customer's identifiers and
 * consent, or a forget (erase) request.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class CustomerRecord {
  /** {@link #op} of a record that creates or updates the customer. */
  public static final String OP_UPSERT = "upsert";

  /** {@link #op} of a request to forget (erase) the customer. */
  public static final String OP_FORGET = "forget";

  public int schemaVersion = 1;
  public String op = OP_UPSERT;
  public String customerId;
  public String name;
  public List<String> emails;
  public List<String> phones;
  public String loyaltyCard;
  public List<SocialAccount> socialAccounts;
  public Consent consent;
  public String locale;
  public String country;
  public String city;
  public String timeZone;
  public Instant updatedAt;

  public CustomerRecord() {}

  /** Whether {@code c} asks to forget its customer (a static helper: no bean property). */
  public static boolean isForget(CustomerRecord c) {
    return c != null && OP_FORGET.equals(c.op);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CustomerRecord)) {
      return false;
    }
    CustomerRecord that = (CustomerRecord) o;
    return schemaVersion == that.schemaVersion
        && Objects.equals(op, that.op)
        && Objects.equals(customerId, that.customerId)
        && Objects.equals(name, that.name)
        && Objects.equals(emails, that.emails)
        && Objects.equals(phones, that.phones)
        && Objects.equals(loyaltyCard, that.loyaltyCard)
        && Objects.equals(socialAccounts, that.socialAccounts)
        && Objects.equals(consent, that.consent)
        && Objects.equals(locale, that.locale)
        && Objects.equals(country, that.country)
        && Objects.equals(city, that.city)
        && Objects.equals(timeZone, that.timeZone)
        && Objects.equals(updatedAt, that.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        schemaVersion,
        op,
        customerId,
        name,
        emails,
        phones,
        loyaltyCard,
        socialAccounts,
        consent,
        locale,
        country,
        city,
        timeZone,
        updatedAt);
  }

  @Override
  public String toString() {
    return "CustomerRecord{schemaVersion="
        + schemaVersion
        + ", op="
        + op
        + ", customerId="
        + customerId
        + ", name="
        + name
        + ", emails="
        + emails
        + ", phones="
        + phones
        + ", loyaltyCard="
        + loyaltyCard
        + ", socialAccounts="
        + socialAccounts
        + ", consent="
        + consent
        + ", locale="
        + locale
        + ", country="
        + country
        + ", city="
        + city
        + ", timeZone="
        + timeZone
        + ", updatedAt="
        + updatedAt
        + "}";
  }
}
