package io.rapport.alerting;

import java.time.Instant;

/**
 * What the contact strategy decided for one alert: send it now, send it with delivery deferred past
 * the customer's quiet hours, or suppress it (pressure control), with the reason.
 */
public final class Decision {
  /** The outcome of a decision. */
  public enum Outcome {
    /** Emit the alert; contact as soon as the owner team can. */
    SEND,
    /** Emit the alert now, but contact no earlier than {@link #notBefore} (quiet hours). */
    DEFERRED,
    /** Do not emit the alert (counted): cool-down, contact limit or no consented channel. */
    SUPPRESSED
  }

  public static final String COOLDOWN = "cooldown";
  public static final String CONTACT_LIMIT = "contact_limit";
  public static final String NO_CONSENTED_CHANNEL = "no_consented_channel";
  public static final String QUIET_HOURS = "quiet_hours";

  public final Outcome outcome;

  /** Why it was deferred or suppressed; null when sent. */
  public final String reason;

  public final String action;
  public final String channel;
  public final String ownerTeam;
  public final String templateKey;
  public final String lang;
  public final Instant deadline;

  /** Earliest contact time when deferred; null otherwise. */
  public final Instant notBefore;

  /** Whether this alert counts as a contact of the customer (customer-facing channel). */
  public final boolean contact;

  Decision(
      Outcome outcome,
      String reason,
      String action,
      String channel,
      String ownerTeam,
      String templateKey,
      String lang,
      Instant deadline,
      Instant notBefore,
      boolean contact) {
    this.outcome = outcome;
    this.reason = reason;
    this.action = action;
    this.channel = channel;
    this.ownerTeam = ownerTeam;
    this.templateKey = templateKey;
    this.lang = lang;
    this.deadline = deadline;
    this.notBefore = notBefore;
    this.contact = contact;
  }

  static Decision suppressed(String reason) {
    return new Decision(
        Outcome.SUPPRESSED, reason, null, null, null, null, null, null, null, false);
  }

  public boolean emitted() {
    return outcome != Outcome.SUPPRESSED;
  }

  @Override
  public String toString() {
    return "Decision{"
        + outcome
        + (reason == null ? "" : " (" + reason + ")")
        + ", action="
        + action
        + ", channel="
        + channel
        + ", deadline="
        + deadline
        + ", notBefore="
        + notBefore
        + ", template="
        + templateKey
        + "}";
  }
}
