package io.rapport.model;

import java.util.Objects;

/**
 * What the contact strategy needs to know about the person an alert is about, snapshotted from the
 * profile when the alert is raised: segment, consent per channel, time zone and language. Alerts
 * about nobody in particular (a brand crisis) have none.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class ContactProfile {
  /** {@code customer} or {@code prospect} (see {@link CustomerProfile#kind}). */
  public String kind;

  /** The contact strategy segment (e.g. {@code high_value}, {@code customer}, {@code prospect}). */
  public String segment;

  /** Consent per channel; null for prospects (no consent to anything but a public reply). */
  public Consent consent;

  /** IANA time zone (e.g. {@code Europe/Madrid}); null when unknown. */
  public String timeZone;

  /** Locale from the CRM (e.g. {@code es-ES}); null when unknown. */
  public String locale;

  public ContactProfile() {}

  /** A copy with another contact strategy segment. */
  public ContactProfile withSegment(String segment) {
    ContactProfile c = new ContactProfile();
    c.kind = kind;
    c.segment = segment;
    c.consent = consent;
    c.timeZone = timeZone;
    c.locale = locale;
    return c;
  }

  public static ContactProfile of(CustomerProfile p, String segment) {
    ContactProfile c = new ContactProfile();
    c.kind = p.kind;
    c.segment = segment;
    c.consent = p.consent;
    c.timeZone = p.timeZone;
    c.locale = p.locale;
    return c;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContactProfile)) {
      return false;
    }
    ContactProfile that = (ContactProfile) o;
    return Objects.equals(kind, that.kind)
        && Objects.equals(segment, that.segment)
        && Objects.equals(consent, that.consent)
        && Objects.equals(timeZone, that.timeZone)
        && Objects.equals(locale, that.locale);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, segment, consent, timeZone, locale);
  }

  @Override
  public String toString() {
    return "ContactProfile{" + kind + ", segment=" + segment + ", tz=" + timeZone + "}";
  }
}
