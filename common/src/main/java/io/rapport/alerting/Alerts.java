package io.rapport.alerting;

import io.rapport.model.Alert;
import io.rapport.model.AlertEvidence;
import io.rapport.model.EnrichedMention;
import io.rapport.model.SocialMention;
import io.rapport.model.ValueSignal;
import io.rapport.text.Analysis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds alerts. Alert ids are deterministic, so that a replay produces the same ids. */
public final class Alerts {
  public static final String HIGH_VALUE_COMPLAINT = AlertTypes.HIGH_VALUE_COMPLAINT;

  /** How long the brand has to acknowledge a high-value customer's complaint. */
  public static final Duration HIGH_VALUE_COMPLAINT_SLA = Duration.ofHours(1);

  private Alerts() {}

  /** A deterministic alert id: a name-based UUID of the alert type and what triggered it. */
  public static String alertId(String type, String... triggers) {
    StringBuilder sb = new StringBuilder(type);
    for (String t : triggers) {
      sb.append('|').append(t);
    }
    return UUID.nameUUIDFromBytes(sb.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * A negative mention from a customer in the top spend decile: acknowledge it on the channel it
   * was made on, within the hour.
   *
   * @param customerId the customer id as published (hashed where pseudonymization is on)
   * @param decile the customer's spend decile (10 = top)
   * @param shareAbove share of customers who spend more
   */
  public static Alert highValueComplaint(
      ValueSignal signal, String customerId, int decile, double shareAbove, Instant createdAt) {
    return highValueComplaint(signal, customerId, decile, shareAbove, createdAt, AlertText.EN);
  }

  /** As {@link #highValueComplaint(ValueSignal, String, int, double, Instant)}, in a language. */
  public static Alert highValueComplaint(
      ValueSignal signal,
      String customerId,
      int decile,
      double shareAbove,
      Instant createdAt,
      AlertText text) {
    EnrichedMention em = signal.mention;
    SocialMention m = em.mention;
    Alert a = new Alert();
    a.alertId = alertId(HIGH_VALUE_COMPLAINT, m.mentionId);
    a.type = HIGH_VALUE_COMPLAINT;
    double compound = em.analysis.compound;
    a.severity = compound <= -0.6 ? "critical" : "high";
    a.confidence = Math.min(1.0, Math.abs(compound));
    a.customerId = customerId;
    a.brand = m.brand;
    a.eventTime = m.time;
    a.createdAt = createdAt;
    a.summary =
        text.highValueComplaint(
            compound, m.platform, signal.spend, signal.purchaseCount, shareAbove * 100.0);
    AlertEvidence ev = new AlertEvidence();
    ev.mentionIds = List.of(m.mentionId);
    ev.transactionIds = new ArrayList<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("sentiment.compound", compound);
    scores.put("spend.net", signal.spend);
    scores.put("spend.decile", (double) decile);
    scores.put("spend.shareAbove", shareAbove);
    scores.put("purchases", (double) signal.purchaseCount);
    ev.scores = scores;
    ev.reasons =
        List.of(
            "negative mention: compound " + String.format(java.util.Locale.ROOT, "%.2f", compound),
            "spend decile " + decile + " of 10");
    ev.topics = topics(em.analysis);
    a.evidence = ev;
    a.action = "acknowledge_complaint";
    a.channel = m.platform;
    a.deadline = m.time.plus(HIGH_VALUE_COMPLAINT_SLA);
    a.ownerTeam = "customer-care";
    a.lang = em.analysis.lang;
    a.templateKey = "complaint.acknowledge." + ("es".equals(a.lang) ? "es" : "en");
    return a;
  }

  /** A mention's topics for an alert's evidence (a copy; empty when it names none). */
  static List<String> topics(Analysis an) {
    return an == null || an.topics == null ? new ArrayList<>() : new ArrayList<>(an.topics);
  }
}
