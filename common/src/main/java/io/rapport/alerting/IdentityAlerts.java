package io.rapport.alerting;

import io.rapport.model.Alert;
import io.rapport.model.AlertEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alerts about identity resolution. Deterministic: a replay produces the same alert. */
public final class IdentityAlerts {
  public static final String MERGE_GUARDRAIL = "MERGE_GUARDRAIL";

  /** How long the CRM data team has to look at a refused merge. */
  public static final Duration MERGE_GUARDRAIL_SLA = Duration.ofDays(1);

  private IdentityAlerts() {}

  /**
   * A merge refused because the merged profile would have had {@code count} identifiers of kind
   * {@code kind}, more than {@code max}: usually a shared or junk identifier in the CRM.
   */
  public static Alert mergeGuardrail(
      String survivor, String other, String kind, int count, int max, long time) {
    return mergeGuardrail(survivor, other, kind, count, max, time, AlertText.EN);
  }

  /** As {@link #mergeGuardrail(String, String, String, int, int, long)}, in a language. */
  public static Alert mergeGuardrail(
      String survivor, String other, String kind, int count, int max, long time, AlertText text) {
    Alert a = new Alert();
    a.alertId = Alerts.alertId(MERGE_GUARDRAIL, survivor, other);
    a.type = MERGE_GUARDRAIL;
    a.severity = "medium";
    a.confidence = 1.0;
    a.customerId = survivor;
    a.eventTime = Instant.ofEpochMilli(time);
    a.createdAt = a.eventTime;
    a.summary = text.mergeRefused(other, survivor, count, kind, max);
    AlertEvidence ev = new AlertEvidence();
    ev.mentionIds = new ArrayList<>();
    ev.transactionIds = new ArrayList<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("identifiers." + kind, (double) count);
    scores.put("identifiers.limit", (double) max);
    ev.scores = scores;
    ev.reasons = new ArrayList<>(List.of("merge with " + other + " refused", kind + " > " + max));
    a.evidence = ev;
    a.action = text.mergeRefusedAction();
    a.channel = "crm";
    a.deadline = a.eventTime.plus(MERGE_GUARDRAIL_SLA);
    a.ownerTeam = "crm-data";
    a.templateKey = "merge_guardrail";
    a.lang = text.code();
    return a;
  }
}
