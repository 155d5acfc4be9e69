package io.rapport.alerting;

import io.rapport.model.Alert;
import io.rapport.model.AlertCandidate;
import io.rapport.model.AlertEvidence;
import io.rapport.model.ContactProfile;
import io.rapport.model.CustomerProfile;
import io.rapport.scoring.ScoreState;
import io.rapport.scoring.Scores;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AlertTypes#CHURN_RISK} from the at-risk score: raised when a customer's score goes from
 * below {@code threshold} to at or above it, with the score's reasons in words as evidence. The
 * latch lives in {@link ScoreState#churnAlertedAt}: no new alert while the score stays up, and the
 * alert re-arms only once the score has dropped below {@code rearmBelow} (hysteresis, so that a
 * score hovering around the threshold does not alert on every wobble). Prospects never get one
 * (they have no purchases to lose; a prospect's churn statement is not a customer leaving). A
 * crossing caused by a churn statement itself latches without an alert: {@link MentionAlerts}
 * raises that mention's CHURN_RISK alert already.
 *
 * <p>The alert id is a name-based UUID of the customer and the crossing's event time, so a replay
 * of the same events gives the same id.
 */
public final class ChurnRiskAlerts implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The contact strategy segment of customers in the top CLV decile. */
  public static final String HIGH_VALUE_SEGMENT = "high_value";

  private final double threshold;
  private final double rearmBelow;
  private final AlertText text;

  /**
   * @param threshold at-risk score (0-100) whose crossing from below raises the alert
   * @param rearmBelow at-risk score below which the alert is armed again (at most {@code
   *     threshold})
   */
  public ChurnRiskAlerts(double threshold, double rearmBelow) {
    this(threshold, rearmBelow, AlertText.EN);
  }

  /**
   * As {@link #ChurnRiskAlerts(double, double)}, with summaries in {@code text}'s language (the
   * scorer writes the reasons they list in the same one: {@code ScoringConfig#language}).
   */
  public ChurnRiskAlerts(double threshold, double rearmBelow, AlertText text) {
    if (!(threshold > 0 && threshold <= 100)) {
      throw new IllegalArgumentException(
          "churn-risk threshold must be in (0, 100], was " + threshold);
    }
    if (!(rearmBelow > 0 && rearmBelow <= threshold)) {
      throw new IllegalArgumentException(
          "churn-risk re-arm level must be in (0, threshold], was " + rearmBelow);
    }
    this.threshold = threshold;
    this.rearmBelow = rearmBelow;
    this.text = text;
  }

  public double threshold() {
    return threshold;
  }

  public double rearmBelow() {
    return rearmBelow;
  }

  /**
   * Checks the latest scores of {@code profile} against the latch in {@code state} (updated here)
   * and returns the alert when the score has just crossed the threshold.
   */
  public Optional<AlertCandidate> check(
      ScoreState state, Scores scores, CustomerProfile profile, Instant createdAt) {
    return check(state, scores, profile, false, createdAt);
  }

  /**
   * {@link #check(ScoreState, Scores, CustomerProfile, Instant)} for scores computed on a mention;
   * {@code churnStatement}: the mention says the customer is leaving (alerted as a mention).
   */
  public Optional<AlertCandidate> check(
      ScoreState state,
      Scores scores,
      CustomerProfile profile,
      boolean churnStatement,
      Instant createdAt) {
    if (state.churnAlertedAt != 0) {
      if (scores.atRisk < rearmBelow) {
        state.churnAlertedAt = 0;
      }
      return Optional.empty();
    }
    if (scores.atRisk < threshold || !CustomerProfile.CUSTOMER.equals(profile.kind)) {
      return Optional.empty();
    }
    state.churnAlertedAt = scores.scoredAt;
    return churnStatement ? Optional.empty() : Optional.of(candidate(profile, scores, createdAt));
  }

  private AlertCandidate candidate(CustomerProfile p, Scores sc, Instant createdAt) {
    Alert a = new Alert();
    a.alertId = Alerts.alertId(AlertTypes.CHURN_RISK, "at-risk", p.profileId, "" + sc.scoredAt);
    a.type = AlertTypes.CHURN_RISK;
    a.severity = sc.atRisk >= 90 || sc.valueDecile >= 10 ? "critical" : "high";
    a.confidence = Math.min(1.0, sc.atRisk / 100.0);
    a.customerId = p.profileId;
    a.eventTime = Instant.ofEpochMilli(sc.scoredAt);
    a.createdAt = createdAt;
    a.lang = p.locale != null && p.locale.toLowerCase(Locale.ROOT).startsWith("es") ? "es" : "en";
    a.summary = text.churnRisk(sc.atRisk, threshold, sc.reasons);
    AlertEvidence ev = new AlertEvidence();
    ev.mentionIds = new ArrayList<>();
    ev.transactionIds = new ArrayList<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("atRisk", sc.atRisk);
    scores.put("atRisk.threshold", threshold);
    scores.put("pAlive", sc.pAlive);
    scores.put("daysSinceLastPurchase", sc.daysSinceLastPurchase);
    scores.put("usualCadenceDays", sc.usualCadenceDays);
    scores.put("repeatPurchases", (double) sc.repeatPurchases);
    scores.put("recentNegativeMentions", (double) sc.recentNegativeMentions);
    scores.put("churnIntent", sc.churnIntent ? 1.0 : 0.0);
    scores.put("sentiment", sc.sentiment);
    scores.put("sentimentTrend", sc.sentimentTrend);
    scores.put("clv", sc.clv);
    scores.put("valueDecile", (double) sc.valueDecile);
    ev.scores = scores;
    ev.reasons = new ArrayList<>(sc.reasons);
    a.evidence = ev;
    String segment = sc.valueDecile >= 10 ? HIGH_VALUE_SEGMENT : p.kind;
    return new AlertCandidate(a, ContactProfile.of(p, segment), null);
  }
}
