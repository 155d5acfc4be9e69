package io.rapport.profile;

import io.rapport.identity.Identifiers;
import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerProfile;
import io.rapport.model.CustomerRecord;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import java.time.Instant;
import java.util.List;

/**
 * How events change a profile. Pure functions on a mutable {@link CustomerProfile}; the Flink
 * operator that keeps profiles in keyed state only calls these.
 */
public final class ProfileLogic {
  /** Compound sentiment at or above which a mention is positive (VADER's customary threshold). */
  public static final double POSITIVE_THRESHOLD = 0.05;

  /** Compound sentiment at or below which a mention is negative. */
  public static final double NEGATIVE_THRESHOLD = -0.05;

  /** Mention ids kept per profile for forget requests (the latest ones). */
  public static final int MAX_MENTION_IDS = 1000;

  private ProfileLogic() {}

  public static CustomerProfile newProfile(String profileId, String kind) {
    CustomerProfile p = new CustomerProfile();
    p.profileId = profileId;
    p.kind = kind;
    return p;
  }

  /** The sentiment class of a compound score: positive, negative or neutral. */
  public static String sentimentLabel(double compound) {
    if (compound >= POSITIVE_THRESHOLD) {
      return "positive";
    }
    return compound <= NEGATIVE_THRESHOLD ? "negative" : "neutral";
  }

  /** A CRM upsert: the profile becomes a customer's, with the record's identifiers and consent. */
  public static void applyCustomer(CustomerProfile p, CustomerRecord c) {
    p.kind = CustomerProfile.CUSTOMER;
    for (String id : Identifiers.of(c)) {
      addOnce(p.identifiers, id);
    }
    if (c.consent != null) {
      p.consent = c.consent;
    }
    p.locale = firstNonNull(c.locale, p.locale);
    p.country = firstNonNull(c.country, p.country);
    p.city = firstNonNull(c.city, p.city);
    p.timeZone = firstNonNull(c.timeZone, p.timeZone);
    p.updatedAt = max(p.updatedAt, c.updatedAt);
  }

  /** A mention by the person, with its compound sentiment. */
  public static void applyMention(CustomerProfile p, SocialMention m, double compound) {
    p.mentionCount++;
    switch (sentimentLabel(compound)) {
      case "positive":
        p.positiveMentions++;
        break;
      case "negative":
        p.negativeMentions++;
        break;
      default:
        p.neutralMentions++;
    }
    p.sentimentSum += compound;
    p.brandMentions.merge(m.brand, 1L, Long::sum);
    addOnce(p.channels, m.platform);
    String social = Identifiers.of(m);
    if (social != null) {
      addOnce(p.identifiers, social);
    }
    if (m.author != null) {
      p.followers = Math.max(p.followers, m.author.followers);
    }
    p.lastMentionAt = max(p.lastMentionAt, m.time);
    seen(p, m.time);
    p.mentionIds.add(m.mentionId); // mentions are deduplicated upstream
    if (p.mentionIds.size() > MAX_MENTION_IDS) {
      p.mentionIds.remove(0);
    }
  }

  /**
   * Folds {@code from} (another profile's history) into {@code into}, the survivor of a merge:
   * counters and amounts add up, first/last times widen, lists unite; the survivor's CRM fields win
   * where it has them. Commutative for everything but those CRM fields, so folds arriving in any
   * order give the same counters.
   */
  public static void fold(CustomerProfile into, CustomerProfile from) {
    if (CustomerProfile.CUSTOMER.equals(from.kind)) {
      into.kind = CustomerProfile.CUSTOMER;
    }
    for (String id : from.identifiers) {
      addOnce(into.identifiers, id);
    }
    for (String c : from.channels) {
      addOnce(into.channels, c);
    }
    into.consent = firstNonNull(into.consent, from.consent);
    into.locale = firstNonNull(into.locale, from.locale);
    into.country = firstNonNull(into.country, from.country);
    into.city = firstNonNull(into.city, from.city);
    into.timeZone = firstNonNull(into.timeZone, from.timeZone);
    into.firstSeen = min(into.firstSeen, from.firstSeen);
    into.lastSeen = max(into.lastSeen, from.lastSeen);
    into.lastPurchaseAt = max(into.lastPurchaseAt, from.lastPurchaseAt);
    into.lastMentionAt = max(into.lastMentionAt, from.lastMentionAt);
    into.updatedAt = max(into.updatedAt, from.updatedAt);
    into.mentionCount += from.mentionCount;
    into.positiveMentions += from.positiveMentions;
    into.negativeMentions += from.negativeMentions;
    into.neutralMentions += from.neutralMentions;
    into.sentimentSum += from.sentimentSum;
    from.brandMentions.forEach((b, n) -> into.brandMentions.merge(b, n, Long::sum));
    into.followers = Math.max(into.followers, from.followers);
    into.purchaseCount += from.purchaseCount;
    into.returnCount += from.returnCount;
    into.reviewCount += from.reviewCount;
    into.referralCount += from.referralCount;
    into.surveyCount += from.surveyCount;
    into.purchasedAmount += from.purchasedAmount;
    into.returnedAmount += from.returnedAmount;
    for (String m : from.mentionIds) {
      addOnce(into.mentionIds, m);
    }
    while (into.mentionIds.size() > MAX_MENTION_IDS) {
      into.mentionIds.remove(0);
    }
  }

  /**
   * A purchase or a return. {@code amountInReportingCurrency} is the transaction's amount already
   * converted.
   */
  public static void applyTransaction(
      CustomerProfile p, Transaction t, double amountInReportingCurrency) {
    if ("return".equals(t.type)) {
      p.returnCount++;
      p.returnedAmount += amountInReportingCurrency;
    } else {
      p.purchaseCount++;
      p.purchasedAmount += amountInReportingCurrency;
      p.lastPurchaseAt = max(p.lastPurchaseAt, t.time);
    }
    addOnce(p.channels, t.channel);
    seen(p, t.time);
  }

  /** A review, referral or survey answer (a type the parser accepted) counted once. */
  public static void applyActivity(CustomerProfile p, CustomerActivity a) {
    switch (a.type) {
      case CustomerActivity.REVIEW:
        p.reviewCount++;
        break;
      case CustomerActivity.REFERRAL:
        p.referralCount++;
        break;
      case CustomerActivity.SURVEY:
        p.surveyCount++;
        break;
      default:
        throw new IllegalArgumentException("unknown activity type " + a.type);
    }
    if (a.channel != null) {
      addOnce(p.channels, a.channel);
    }
    seen(p, a.time);
  }

  private static void seen(CustomerProfile p, Instant time) {
    if (p.firstSeen == null || time.isBefore(p.firstSeen)) {
      p.firstSeen = time;
    }
    p.lastSeen = max(p.lastSeen, time);
    p.updatedAt = max(p.updatedAt, time);
  }

  private static boolean addOnce(List<String> list, String value) {
    if (value != null && !list.contains(value)) {
      list.add(value);
      return true;
    }
    return false;
  }

  private static Instant min(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static <T> T firstNonNull(T a, T b) {
    return a != null ? a : b;
  }
}
