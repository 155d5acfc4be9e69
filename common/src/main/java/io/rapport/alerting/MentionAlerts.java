package io.rapport.alerting;

import io.rapport.model.Alert;
import io.rapport.model.AlertCandidate;
import io.rapport.model.AlertEvidence;
import io.rapport.model.CustomerProfile;
import io.rapport.model.EnrichedMention;
import io.rapport.model.MentionSignal;
import io.rapport.model.SocialMention;
import io.rapport.profile.ProfileLogic;
import io.rapport.text.Analysis;
import io.rapport.text.IntentDetector;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Alerts raised by one mention, from its analysis and the profile it was attributed to. One per
 * mention ({@link #detect}), the first that applies of:
 *
 * <ol>
 *   <li>{@link AlertTypes#INFLUENCER_NEGATIVE}: {@link #negativeEnough negative enough}, by an
 *       author with at least {@code minFollowers} followers (customer or prospect);
 *   <li>{@link AlertTypes#CHURN_RISK}: a churn threat by a customer;
 *   <li>{@link AlertTypes#SOCIAL_QUESTION}: a question (customer or prospect);
 *   <li>{@link AlertTypes#RECOMMENDATION}: a recommendation (customer or prospect);
 *   <li>{@link AlertTypes#PURCHASE_INTENT}: purchase intent by a prospect; with the contact segment
 *       {@link #SWITCHER} when the prospect says they are switching to the brand ({@code "harta de
 *       @vela, me cambio a @lumen"}), for which the contact strategy has its own rule.
 * </ol>
 *
 * <p>An influencer customer's own churn threat raises both {@link AlertTypes#INFLUENCER_NEGATIVE}
 * and {@link AlertTypes#CHURN_RISK} ({@link #detectAll}): answering it in public and keeping the
 * customer are two jobs, for two teams, and the at-risk score leaves a stated churn threat to this
 * alert.
 *
 * <p>A repost says what the original said, in its author's words, not the reposter's: it raises
 * only {@link AlertTypes#INFLUENCER_NEGATIVE} (an influencer spreading a negative mention is urgent
 * for its reach), never a question, recommendation, purchase intent or churn threat of the
 * reposter's (the original's author gets those for the original). A quote or a reply is in its
 * author's own words.
 *
 * <p>High-value complaints are raised by the value ranking, which knows the spend distribution,
 * for a customer's negative mention in their own words ({@link #ownComplaint}). Action, channel,
 * deadline and template are left to the contact strategy.
 */
public final class MentionAlerts implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Confidence of an alert that rests on a cue-phrase intent match alone. */
  public static final double INTENT_CONFIDENCE = 0.7;

  /**
   * Contact segment of a prospect switching to the brand from another (a {@link
   * AlertTypes#PURCHASE_INTENT} whose analysis names the brand as the switch's destination).
   */
  public static final String SWITCHER = "switcher";

  private final long minFollowers;
  private final String brand;
  private final AlertText text;

  /**
   * @param minFollowers followers from which a negative mention's author is an influencer
   * @param brand the brand's tracked name ({@code TrackedBrands#brand()}): a purchase intent whose
   *     analysis has it as {@code switchingTo} is a switch to the brand
   */
  public MentionAlerts(long minFollowers, String brand) {
    this(minFollowers, brand, AlertText.EN);
  }

  /**
   * @param text the language of the summaries ({@code alert.language})
   */
  public MentionAlerts(long minFollowers, String brand, AlertText text) {
    this.minFollowers = minFollowers;
    this.brand = brand;
    this.text = text;
  }

  /**
   * Compound at or below which a mention is negative enough to alert on by itself (an influencer's,
   * a high-value customer's); between it and {@link ProfileLogic#NEGATIVE_THRESHOLD} (the
   * "negative" label) it takes a complaint as well. A question with a doubtful emoji ("¿hacen
   * envíos? 🤔", -0.19) is labelled negative but is not a complaint to answer within the hour.
   */
  public static final double ALERT_NEGATIVE = -0.3;

  /**
   * Whether a mention is negative enough for a negative-mention alert: compound at or below {@link
   * #ALERT_NEGATIVE}, or labelled negative and a complaint.
   */
  public static boolean negativeEnough(Analysis an) {
    return an.compound <= ALERT_NEGATIVE
        || an.compound <= ProfileLogic.NEGATIVE_THRESHOLD && has(an, IntentDetector.COMPLAINT);
  }

  /**
   * Whether a mention can raise any alert here: it is negative enough, or it has an intent in its
   * author's own words.
   */
  public static boolean worthChecking(EnrichedMention em) {
    return SocialMention.ownWords(em.mention) && !em.analysis.intents.isEmpty()
        || negativeEnough(em.analysis);
  }

  /**
   * Whether a mention is a complaint of its author's own (for a customer: a high-value complaint
   * when they are in the top spend share): negative enough, and not a repost of someone else's.
   */
  public static boolean ownComplaint(EnrichedMention em) {
    return SocialMention.ownWords(em.mention) && negativeEnough(em.analysis);
  }

  /**
   * Every alert of the mention: {@link #detect}'s, and for an influencer customer's churn threat in
   * their own words, {@link AlertTypes#CHURN_RISK} as well.
   */
  public List<AlertCandidate> detectAll(MentionSignal s, Instant createdAt) {
    Optional<AlertCandidate> first = detect(s, createdAt);
    if (first.isEmpty()) {
      return List.of();
    }
    SocialMention m = s.mention.mention;
    if (AlertTypes.INFLUENCER_NEGATIVE.equals(first.get().alert.type)
        && CustomerProfile.CUSTOMER.equals(s.contact.kind)
        && SocialMention.ownWords(m)
        && has(s.mention.analysis, IntentDetector.CHURN_THREAT)) {
      return List.of(
          first.get(), new AlertCandidate(churnThreat(s, createdAt), s.contact, m.platform));
    }
    return List.of(first.get());
  }

  /** The alert of the mention: the first type that applies (see the class comment), if any. */
  public Optional<AlertCandidate> detect(MentionSignal s, Instant createdAt) {
    SocialMention m = s.mention.mention;
    Analysis an = s.mention.analysis;
    boolean customer = CustomerProfile.CUSTOMER.equals(s.contact.kind);
    long followers = m.author == null ? 0 : m.author.followers;
    Alert a;
    if (negativeEnough(an) && followers >= minFollowers) {
      a = base(AlertTypes.INFLUENCER_NEGATIVE, s, createdAt);
      a.severity = an.compound <= -0.6 || followers >= 10 * minFollowers ? "critical" : "high";
      a.confidence = Math.min(1.0, Math.abs(an.compound));
      a.summary =
          text.negativeMention(!SocialMention.ownWords(m), an.compound, m.platform, followers);
      a.evidence.reasons.add(
          "author followers "
              + followers
              + " >= "
              + minFollowers
              + " (alert.influencer.min-followers)");
      a.evidence.reasons.add(
          "negative mention: compound " + String.format(Locale.ROOT, "%.2f", an.compound));
    } else if (!SocialMention.ownWords(m)) {
      return Optional.empty(); // someone else's question, intent or recommendation
    } else if (customer && has(an, IntentDetector.CHURN_THREAT)) {
      a = churnThreat(s, createdAt);
    } else if (has(an, IntentDetector.QUESTION)) {
      a = intent(AlertTypes.SOCIAL_QUESTION, IntentDetector.QUESTION, "medium", s, createdAt);
      a.summary = text.question(m.platform);
    } else if (has(an, IntentDetector.RECOMMENDATION)) {
      a = intent(AlertTypes.RECOMMENDATION, IntentDetector.RECOMMENDATION, "low", s, createdAt);
      a.summary = text.recommendation(customer, m.platform);
    } else if (!customer && has(an, IntentDetector.PURCHASE_INTENT)) {
      a =
          intent(
              AlertTypes.PURCHASE_INTENT, IntentDetector.PURCHASE_INTENT, "medium", s, createdAt);
      if (brand != null && brand.equals(an.switchingTo)) {
        a.summary = text.switching(brand, m.platform);
        a.evidence.reasons.add("switching to " + brand + ": contact segment " + SWITCHER);
        return Optional.of(new AlertCandidate(a, s.contact.withSegment(SWITCHER), m.platform));
      }
      a.summary = text.purchaseIntent(m.platform);
    } else {
      return Optional.empty();
    }
    return Optional.of(new AlertCandidate(a, s.contact, m.platform));
  }

  private Alert churnThreat(MentionSignal s, Instant createdAt) {
    Alert a = intent(AlertTypes.CHURN_RISK, IntentDetector.CHURN_THREAT, "high", s, createdAt);
    a.summary = text.churnThreat(s.mention.mention.platform);
    return a;
  }

  private static boolean has(Analysis an, String intent) {
    return an.intents != null && an.intents.contains(intent);
  }

  private static Alert intent(
      String type, String intent, String severity, MentionSignal s, Instant createdAt) {
    Alert a = base(type, s, createdAt);
    a.severity = severity;
    a.confidence = INTENT_CONFIDENCE;
    a.evidence.reasons.add("intent " + intent + " in the mention's text");
    return a;
  }

  private static Alert base(String type, MentionSignal s, Instant createdAt) {
    SocialMention m = s.mention.mention;
    Analysis an = s.mention.analysis;
    Alert a = new Alert();
    a.alertId = Alerts.alertId(type, m.mentionId);
    a.type = type;
    a.customerId = s.profileId;
    a.brand = m.brand;
    a.eventTime = m.time;
    a.createdAt = createdAt;
    a.lang = an.lang;
    AlertEvidence ev = new AlertEvidence();
    ev.mentionIds = List.of(m.mentionId);
    ev.transactionIds = new ArrayList<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("sentiment.compound", an.compound);
    scores.put("author.followers", (double) (m.author == null ? 0 : m.author.followers));
    ev.scores = scores;
    ev.reasons = new ArrayList<>();
    ev.reasons.add("intents " + an.intents + ", segment " + s.contact.segment);
    ev.topics = Alerts.topics(an);
    a.evidence = ev;
    return a;
  }
}
