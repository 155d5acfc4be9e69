package io.rapport.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One person's profile: a CRM customer, or a prospect (a social author not linked to any customer
 * yet). Kept in keyed state and published, without raw personal identifiers, to the {@code
 * rapport-customers} index. Money is in the reporting currency.
 */
public class CustomerProfile {
  public static final String CUSTOMER = "customer";
  public static final String PROSPECT = "prospect";

  /** The surviving customer id, or {@code prospect:<platform>:<handle>}. */
  public String profileId;

  /** {@link #CUSTOMER} or {@link #PROSPECT}. */
  public String kind;

  /** Normalized identifiers ({@code kind:value}); kept in state only, never published raw. */
  public List<String> identifiers = new ArrayList<>();

  /** Channels the person was seen on: social platforms and purchase channels. */
  public List<String> channels = new ArrayList<>();

  public Consent consent;
  public String locale;
  public String country;
  public String city;
  public String timeZone;

  public Instant firstSeen;
  public Instant lastSeen;
  public Instant lastPurchaseAt;
  public Instant lastMentionAt;

  public long mentionCount;
  public long positiveMentions;
  public long negativeMentions;
  public long neutralMentions;
  public double sentimentSum;

  /** Mentions per tracked brand (the brand and its competitors). */
  public Map<String, Long> brandMentions = new HashMap<>();

  public long followers;

  public long purchaseCount;
  public long returnCount;

  /** Activities ({@code crm.activities}): reviews written, referrals made, surveys answered. */
  public long reviewCount;

  public long referralCount;
  public long surveyCount;

  /** Gross purchases, in the reporting currency. */
  public double purchasedAmount;

  /** Returns, in the reporting currency. */
  public double returnedAmount;

  public Instant updatedAt;

  /** Profile ids merged into this one (sorted); each folded in exactly once. */
  public List<String> mergedIds = new ArrayList<>();

  /**
   * Ids of the person's latest mentions (at most {@code ProfileLogic.MAX_MENTION_IDS}), kept in
   * state only, so that a forget request can blank their personal fields in Elasticsearch.
   */
  public List<String> mentionIds = new ArrayList<>();

  public CustomerProfile() {}

  /** Net spend: purchases less returns, in the reporting currency. */
  public double netSpend() {
    return purchasedAmount - returnedAmount;
  }

  /** Mean compound sentiment of the person's mentions, or 0 without mentions. */
  public double sentimentMean() {
    return mentionCount == 0 ? 0.0 : sentimentSum / mentionCount;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CustomerProfile)) {
      return false;
    }
    CustomerProfile that = (CustomerProfile) o;
    return mentionCount == that.mentionCount
        && positiveMentions == that.positiveMentions
        && negativeMentions == that.negativeMentions
        && neutralMentions == that.neutralMentions
        && Double.compare(sentimentSum, that.sentimentSum) == 0
        && followers == that.followers
        && purchaseCount == that.purchaseCount
        && returnCount == that.returnCount
        && reviewCount == that.reviewCount
        && referralCount == that.referralCount
        && surveyCount == that.surveyCount
        && Double.compare(purchasedAmount, that.purchasedAmount) == 0
        && Double.compare(returnedAmount, that.returnedAmount) == 0
        && Objects.equals(profileId, that.profileId)
        && Objects.equals(kind, that.kind)
        && Objects.equals(identifiers, that.identifiers)
        && Objects.equals(channels, that.channels)
        && Objects.equals(consent, that.consent)
        && Objects.equals(locale, that.locale)
        && Objects.equals(country, that.country)
        && Objects.equals(city, that.city)
        && Objects.equals(timeZone, that.timeZone)
        && Objects.equals(firstSeen, that.firstSeen)
        && Objects.equals(lastSeen, that.lastSeen)
        && Objects.equals(lastPurchaseAt, that.lastPurchaseAt)
        && Objects.equals(lastMentionAt, that.lastMentionAt)
        && Objects.equals(brandMentions, that.brandMentions)
        && Objects.equals(updatedAt, that.updatedAt)
        && Objects.equals(mergedIds, that.mergedIds)
        && Objects.equals(mentionIds, that.mentionIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(profileId, kind, mentionCount, purchaseCount, lastSeen);
  }

  @Override
  public String toString() {
    return "CustomerProfile{"
        + profileId
        + ", kind="
        + kind
        + ", mentions="
        + mentionCount
        + ", purchases="
        + purchaseCount
        + ", netSpend="
        + netSpend()
        + "}";
  }
}
