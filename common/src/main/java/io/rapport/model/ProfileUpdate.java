package io.rapport.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the profile operator tells the scoring operator after each event: the profile as it is now
 * and the facts of the event that scores need but the profile does not keep (a mention's sentiment,
 * intents and engagement; a transaction's amount). {@link #FORGET} carries no profile.
 */
public class ProfileUpdate {
  public static final String CUSTOMER = "customer";
  public static final String MENTION = "mention";
  public static final String TRANSACTION = "transaction";
  public static final String ACTIVITY = "activity";
  public static final String FORGET = "forget";

  /**
   * Another profile was folded into this one: {@link #folded} holds the score inputs of its own
   * history, to fold in once ({@link #otherProfileId}); {@link #profile} is the folded profile.
   */
  public static final String FOLD = "fold";

  /** This profile was merged into another: its scores and documents go. Carries no profile. */
  public static final String ABSORBED = "absorbed";

  public String kind;
  public String profileId;

  /** Event time, epoch milliseconds. */
  public long time;

  /** The profile after the event; null for {@link #FORGET}. */
  public CustomerProfile profile;

  /** Mentions: compound sentiment, intents, brand, and whether it reposts or quotes a post. */
  public double compound;

  public List<String> intents = new ArrayList<>();
  public String brand;
  public boolean share;

  /** Mentions: what others did with the post (amplification) and likes (engagement). */
  public long reposts;

  public long quotes;
  public long replies;
  public long likes;

  /** Transactions: purchase or return, amount in the reporting currency. */
  public String transactionType;

  public double amount;

  /** Activities: review, referral or survey (the loyalty action). */
  public String activityType;

  /** For {@link #FOLD}: the folded id and the score inputs of its own history. */
  public String otherProfileId;

  public io.rapport.scoring.ScoreState folded;

  public ProfileUpdate() {}

  public static ProfileUpdate absorbed(String profileId, long time) {
    ProfileUpdate u = forget(profileId, time);
    u.kind = ABSORBED;
    return u;
  }

  /**
   * The survivor {@code p} after folding {@code otherId}, whose score inputs are {@code scores}.
   */
  public static ProfileUpdate fold(
      CustomerProfile p, String otherId, io.rapport.scoring.ScoreState scores, long time) {
    ProfileUpdate u = of(FOLD, p, time);
    u.otherProfileId = otherId;
    u.folded = scores;
    return u;
  }

  public static ProfileUpdate forget(String profileId, long time) {
    ProfileUpdate u = new ProfileUpdate();
    u.kind = FORGET;
    u.profileId = profileId;
    u.time = time;
    return u;
  }

  public static ProfileUpdate of(String kind, CustomerProfile p, long time) {
    ProfileUpdate u = new ProfileUpdate();
    u.kind = kind;
    u.profileId = p.profileId;
    u.profile = p;
    u.time = time;
    return u;
  }

  /**
   * A mention's facts, from the enriched mention. A repost's sentiment counts as the reposter's
   * (who shares what they agree with, mostly), but its intents are the original author's: a
   * reposted churn threat or recommendation is not the reposter's (the repost counts as a share).
   */
  public static ProfileUpdate mention(CustomerProfile p, EnrichedMention em) {
    ProfileUpdate u = of(MENTION, p, em.mention.time.toEpochMilli());
    u.compound = em.analysis.compound;
    if (em.analysis.intents != null && SocialMention.ownWords(em.mention)) {
      u.intents.addAll(em.analysis.intents);
    }
    u.brand = em.mention.brand;
    u.share = em.mention.repostOf != null || em.mention.quoteOf != null;
    Engagement g = em.mention.engagement;
    if (g != null) {
      u.reposts = g.reposts;
      u.quotes = g.quotes;
      u.replies = g.replies;
      u.likes = g.likes;
    }
    return u;
  }

  public static ProfileUpdate transaction(CustomerProfile p, Transaction t, double amount) {
    ProfileUpdate u = of(TRANSACTION, p, t.time.toEpochMilli());
    u.transactionType = t.type;
    u.amount = amount;
    return u;
  }

  public static ProfileUpdate activity(CustomerProfile p, CustomerActivity a) {
    ProfileUpdate u = of(ACTIVITY, p, a.time.toEpochMilli());
    u.activityType = a.type;
    return u;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ProfileUpdate)) {
      return false;
    }
    ProfileUpdate u = (ProfileUpdate) o;
    return time == u.time
        && Double.compare(compound, u.compound) == 0
        && share == u.share
        && reposts == u.reposts
        && quotes == u.quotes
        && replies == u.replies
        && likes == u.likes
        && Double.compare(amount, u.amount) == 0
        && Objects.equals(kind, u.kind)
        && Objects.equals(profileId, u.profileId)
        && Objects.equals(profile, u.profile)
        && Objects.equals(intents, u.intents)
        && Objects.equals(brand, u.brand)
        && Objects.equals(transactionType, u.transactionType)
        && Objects.equals(activityType, u.activityType)
        && Objects.equals(otherProfileId, u.otherProfileId)
        && Objects.equals(folded, u.folded);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, profileId, time);
  }

  @Override
  public String toString() {
    return "ProfileUpdate{" + kind + " " + profileId + " @" + time + "}";
  }
}
