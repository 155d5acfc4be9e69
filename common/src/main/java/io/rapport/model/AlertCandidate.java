package io.rapport.model;

import java.util.Objects;

/**
 * An alert on its way to the contact strategy: the alert as its detector raised it (type, severity,
 * evidence, summary), who it is about, and the platform it came from. The strategy fills in action,
 * channel, deadline, owner team and template, or suppresses it.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class AlertCandidate {
  public Alert alert;

  /** Null for alerts about nobody in particular (brand crisis, merge guardrail). */
  public ContactProfile contact;

  /**
   * The social platform of the triggering mention (for the {@code same_channel} token), or null.
   */
  public String sourcePlatform;

  public AlertCandidate() {}

  public AlertCandidate(Alert alert, ContactProfile contact, String sourcePlatform) {
    this.alert = alert;
    this.contact = contact;
    this.sourcePlatform = sourcePlatform;
  }

  /** An alert raised elsewhere (e.g. brand crisis), without contact details. */
  public static AlertCandidate of(Alert alert) {
    return new AlertCandidate(alert, null, null);
  }

  /** The key of the pressure state: the customer, or the type and brand for alerts about nobody. */
  public String pressureKey() {
    return alert.customerId != null ? alert.customerId : "type:" + alert.type + ":" + alert.brand;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AlertCandidate)) {
      return false;
    }
    AlertCandidate that = (AlertCandidate) o;
    return Objects.equals(alert, that.alert)
        && Objects.equals(contact, that.contact)
        && Objects.equals(sourcePlatform, that.sourcePlatform);
  }

  @Override
  public int hashCode() {
    return Objects.hash(alert, contact, sourcePlatform);
  }

  @Override
  public String toString() {
    return "AlertCandidate{" + alert + ", " + contact + ", from=" + sourcePlatform + "}";
  }
}
