package io.rapport.alerting;

import java.util.List;

/**
 * The alert type catalogue. Every alert carries one of these in {@code type}; the contact strategy
 * ({@link ContactStrategy}) has an entry for each.
 */
public final class AlertTypes {
  /** A negative mention by a customer in the top spend share. */
  public static final String HIGH_VALUE_COMPLAINT = "HIGH_VALUE_COMPLAINT";

  /** A negative mention by an author with a large audience (customer or prospect). */
  public static final String INFLUENCER_NEGATIVE = "INFLUENCER_NEGATIVE";

  /**
   * A customer at risk of leaving: a churn threat in a mention, or a churn score crossing its
   * threshold.
   */
  public static final String CHURN_RISK = "CHURN_RISK";

  /** A customer recommended the brand: thank them on a channel they consented to. */
  public static final String RECOMMENDATION = "RECOMMENDATION";

  /** A question on a social channel: acknowledge it on the same channel within the SLA. */
  public static final String SOCIAL_QUESTION = "SOCIAL_QUESTION";

  /** A prospect (not a customer yet) says they mean to buy. */
  public static final String PURCHASE_INTENT = "PURCHASE_INTENT";

  /** A brand crisis detected by listening (volume and negativity spike). */
  public static final String BRAND_CRISIS = "BRAND_CRISIS";

  /** An identity merge stopped by a guardrail (too many profiles would collapse into one). */
  public static final String MERGE_GUARDRAIL = "MERGE_GUARDRAIL";

  /** Every type, in catalogue order. */
  public static final List<String> ALL =
      List.of(
          HIGH_VALUE_COMPLAINT,
          INFLUENCER_NEGATIVE,
          CHURN_RISK,
          RECOMMENDATION,
          SOCIAL_QUESTION,
          PURCHASE_INTENT,
          BRAND_CRISIS,
          MERGE_GUARDRAIL);

  private AlertTypes() {}
}
