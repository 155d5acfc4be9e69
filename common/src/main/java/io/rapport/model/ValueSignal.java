package io.rapport.model;

import java.util.Objects;

/**
 * What the profile operator tells the value ranking: a customer's net spend changed, or a customer
 * said something negative (a candidate for a high-value complaint alert).
 */
public class ValueSignal {
  public static final String SPEND = "spend";
  public static final String NEGATIVE_MENTION = "negative-mention";

  public String kind;
  public String profileId;
  public long time;

  /** For {@link #SPEND}: net spend before and after (≤ 0: not ranked). */
  public double oldSpend;

  public double newSpend;

  /** For {@link #NEGATIVE_MENTION}: the mention, its analysis and the customer's spend. */
  public EnrichedMention mention;

  public double spend;
  public long purchaseCount;

  /** For {@link #NEGATIVE_MENTION}: what the contact strategy needs (consent, time zone). */
  public ContactProfile contact;

  public ValueSignal() {}

  public static ValueSignal spend(String profileId, long time, double oldSpend, double newSpend) {
    ValueSignal s = new ValueSignal();
    s.kind = SPEND;
    s.profileId = profileId;
    s.time = time;
    s.oldSpend = oldSpend;
    s.newSpend = newSpend;
    return s;
  }

  public static ValueSignal negativeMention(
      String profileId, EnrichedMention mention, double spend, long purchaseCount) {
    ValueSignal s = new ValueSignal();
    s.kind = NEGATIVE_MENTION;
    s.profileId = profileId;
    s.time = mention.mention.time.toEpochMilli();
    s.mention = mention;
    s.spend = spend;
    s.purchaseCount = purchaseCount;
    return s;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ValueSignal)) {
      return false;
    }
    ValueSignal that = (ValueSignal) o;
    return time == that.time
        && Double.compare(oldSpend, that.oldSpend) == 0
        && Double.compare(newSpend, that.newSpend) == 0
        && Double.compare(spend, that.spend) == 0
        && purchaseCount == that.purchaseCount
        && Objects.equals(kind, that.kind)
        && Objects.equals(profileId, that.profileId)
        && Objects.equals(mention, that.mention);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, profileId, time);
  }

  @Override
  public String toString() {
    return "ValueSignal{" + kind + " " + profileId + " @" + time + "}";
  }
}
