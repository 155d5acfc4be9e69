package io.rapport.alerting;

import io.rapport.model.Alert;
import io.rapport.model.AlertCandidate;
import io.rapport.model.AlertEvidence;
import io.rapport.model.Consent;
import io.rapport.model.ContactHistory;
import io.rapport.model.ContactProfile;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;

/**
 * Applies the contact strategy to one alert, given the customer's contact history, and records the
 * contact when the alert goes out. All times are the alerts' event times, so a replay decides the
 * same way.
 *
 * <ul>
 *   <li><b>Channel</b>: the first channel of the rule (type × segment) the customer consented to;
 *       {@code same_channel} is a public reply on the mention's platform and needs no consent;
 *       {@code internal} is the owner team only. None: suppressed ({@code no_consented_channel}).
 *   <li><b>Cool-down</b>: an alert of a type within the type's cool-down of another of the same
 *       type about the same customer is suppressed ({@code cooldown}).
 *   <li><b>Contact limit</b>: at most {@code maxContacts} contacts of one customer within {@code
 *       period} of each other, across all types; a type marked {@code limited} is suppressed past
 *       the limit ({@code contact_limit}); other types (service replies) go out and still count.
 *   <li><b>Quiet hours</b>: a contact on a quiet-hours channel whose event time falls in the quiet
 *       hours of the customer's time zone is deferred: emitted now with {@code notBefore} at the
 *       end of the quiet hours and its deadline counted from then.
 * </ul>
 *
 * Suppressed alerts are not emitted; the operator counts them by reason.
 */
public final class PressureControl implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ContactStrategy strategy;

  public PressureControl(ContactStrategy strategy) {
    this.strategy = strategy;
  }

  public ContactStrategy strategy() {
    return strategy;
  }

  /** Decides for {@code c}; when the alert is emitted, records it in {@code history}. */
  public Decision decide(AlertCandidate c, ContactHistory history) {
    Alert a = c.alert;
    ContactStrategy.TypeEntry entry = strategy.type(a.type);
    ContactProfile contact = c.contact;
    ContactStrategy.Rule rule = strategy.rule(a.type, contact == null ? null : contact.segment);
    long t = eventTime(a).toEpochMilli();

    String token = null;
    String channel = null;
    for (String candidate : rule.channels) {
      channel = resolve(candidate, contact, c.sourcePlatform);
      if (channel != null) {
        token = candidate;
        break;
      }
    }
    if (token == null) {
      return Decision.suppressed(Decision.NO_CONSENTED_CHANNEL);
    }
    boolean isContact = !ContactStrategy.INTERNAL.equals(token);

    prune(history, t);
    long cooldown = entry.cooldown.toMillis();
    long period = strategy.period.toMillis();
    int contactsNear = 0;
    for (int i = 0; i < history.times.size(); i++) {
      long dt = Math.abs(history.times.get(i) - t);
      if (cooldown > 0 && dt < cooldown && a.type.equals(history.types.get(i))) {
        return Decision.suppressed(Decision.COOLDOWN);
      }
      if (dt < period && history.contacts.get(i)) {
        contactsNear++;
      }
    }
    if (isContact && entry.limited && contactsNear >= strategy.maxContacts) {
      return Decision.suppressed(Decision.CONTACT_LIMIT);
    }
    record(history, t, a.type, isContact);

    Instant start = Instant.ofEpochMilli(t);
    Instant notBefore = null;
    if (isContact && strategy.quietChannels.contains(token)) {
      notBefore = quietHoursEnd(start, zone(contact));
    }
    String lang = language(a, contact);
    return new Decision(
        notBefore == null ? Decision.Outcome.SEND : Decision.Outcome.DEFERRED,
        notBefore == null ? null : Decision.QUIET_HOURS,
        rule.action,
        channel,
        rule.ownerTeam,
        rule.templates.get(lang),
        lang,
        (notBefore == null ? start : notBefore).plus(rule.deadline),
        notBefore,
        isContact);
  }

  /** The alert as emitted: the candidate's alert with the decision's contact plan. */
  public static Alert apply(Alert in, Decision d) {
    Alert a = copy(in);
    a.action = d.action;
    a.channel = d.channel;
    a.ownerTeam = d.ownerTeam;
    a.templateKey = d.templateKey;
    a.lang = d.lang;
    a.deadline = d.deadline;
    a.notBefore = d.notBefore;
    if (d.outcome == Decision.Outcome.DEFERRED) {
      if (a.evidence == null) {
        a.evidence = new AlertEvidence();
      }
      a.evidence.reasons =
          new ArrayList<>(a.evidence.reasons == null ? java.util.List.of() : a.evidence.reasons);
      a.evidence.reasons.add("contact deferred to " + d.notBefore + " (quiet hours)");
    }
    return a;
  }

  /** Drops contacts too old to matter next to {@code now} (epoch ms). */
  public void prune(ContactHistory h, long now) {
    long horizon = now - strategy.retention().toMillis();
    for (int i = h.times.size() - 1; i >= 0; i--) {
      if (h.times.get(i) <= horizon) {
        h.times.remove(i);
        h.types.remove(i);
        h.contacts.remove(i);
      }
    }
  }

  /** The contact channel for a strategy channel token, or null when not allowed. */
  static String resolve(String token, ContactProfile contact, String sourcePlatform) {
    Consent consent = contact == null ? null : contact.consent;
    switch (token) {
      case ContactStrategy.INTERNAL:
        return ContactStrategy.INTERNAL;
      case ContactStrategy.SAME_CHANNEL:
        return sourcePlatform;
      case ContactStrategy.SOCIAL_DM:
        return consent != null && consent.social ? ContactStrategy.SOCIAL_DM : null;
      case ContactStrategy.EMAIL:
        return consent != null && consent.email ? ContactStrategy.EMAIL : null;
      case ContactStrategy.SMS:
        return consent != null && consent.sms ? ContactStrategy.SMS : null;
      case ContactStrategy.PHONE:
        return consent != null && consent.phone ? ContactStrategy.PHONE : null;
      default:
        throw new IllegalArgumentException("unknown channel " + token);
    }
  }

  /** The end of the quiet hours {@code at} falls in, in {@code zone}; null when not quiet. */
  Instant quietHoursEnd(Instant at, ZoneId zone) {
    LocalTime from = strategy.quietFrom;
    LocalTime to = strategy.quietTo;
    if (from.equals(to)) {
      return null;
    }
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    LocalTime lt = local.toLocalTime();
    boolean quiet =
        from.isBefore(to)
            ? !lt.isBefore(from) && lt.isBefore(to)
            : !lt.isBefore(from) || lt.isBefore(to);
    if (!quiet) {
      return null;
    }
    LocalDateTime end = local.toLocalDate().atTime(to);
    if (!end.isAfter(local)) {
      end = end.plusDays(1);
    }
    return end.atZone(zone).toInstant();
  }

  private ZoneId zone(ContactProfile contact) {
    if (contact != null && contact.timeZone != null) {
      try {
        return ZoneId.of(contact.timeZone);
      } catch (DateTimeException e) {
        // an unknown zone in the CRM: the strategy's default applies
      }
    }
    return ZoneId.of(strategy.defaultTimeZone);
  }

  /** Spanish or English: the mention's language, else the customer's locale, else English. */
  static String language(Alert a, ContactProfile contact) {
    if ("es".equals(a.lang) || "en".equals(a.lang)) {
      return a.lang;
    }
    if (contact != null
        && contact.locale != null
        && contact.locale.toLowerCase().startsWith("es")) {
      return "es";
    }
    return "en";
  }

  /** When the alert happened: its event time, else its creation time. */
  public static Instant eventTime(Alert a) {
    if (a.eventTime != null) {
      return a.eventTime;
    }
    if (a.createdAt != null) {
      return a.createdAt;
    }
    throw new IllegalArgumentException(
        "alert " + a.alertId + " has neither eventTime nor createdAt");
  }

  private static void record(ContactHistory h, long t, String type, boolean contact) {
    int i = h.times.size();
    while (i > 0 && h.times.get(i - 1) > t) {
      i--;
    }
    h.times.add(i, t);
    h.types.add(i, type);
    h.contacts.add(i, contact);
  }

  private static Alert copy(Alert in) {
    Alert a = new Alert();
    a.schemaVersion = in.schemaVersion;
    a.alertId = in.alertId;
    a.type = in.type;
    a.severity = in.severity;
    a.confidence = in.confidence;
    a.customerId = in.customerId;
    a.brand = in.brand;
    a.eventTime = in.eventTime;
    a.createdAt = in.createdAt;
    a.summary = in.summary;
    a.evidence = in.evidence;
    a.action = in.action;
    a.channel = in.channel;
    a.deadline = in.deadline;
    a.notBefore = in.notBefore;
    a.ownerTeam = in.ownerTeam;
    a.templateKey = in.templateKey;
    a.lang = in.lang;
    return a;
  }
}
