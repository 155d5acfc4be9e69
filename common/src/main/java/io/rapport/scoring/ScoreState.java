package io.rapport.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What scoring keeps per person in keyed state next to the profile: the purchase rhythm, decayed
 * sentiments, recent negatives, social reach, loyalty, and the last published segments (so that
 * only changes are emitted). A Flink POJO.
 */
public class ScoreState {
  /** Latest event or timer time scored (epoch ms): the clock scores are computed at. */
  public long clock;

  /** Purchases: first and last time (epoch ms, 0 = none), distinct purchase days, amounts. */
  public long firstPurchaseAt;

  public long lastPurchaseAt;
  public long lastPurchaseDay = -1;
  public long purchaseDays;
  public double purchaseAmount;
  public double firstDayAmount;

  /**
   * The latest distinct purchase days (epoch days, ascending, at most {@link PurchaseDays#WINDOW}):
   * the usual cadence, and distinct days on merges and late purchases. Empty in state written
   * before it existed (then the first and last days are all that is known).
   */
  public int[] recentPurchaseDays = new int[0];

  /** Decayed sentiment for Share of Heart and roles, and the short/long pair for the trend. */
  public Decayed sentiment = new Decayed();

  public Decayed sentimentShort = new Decayed();
  public Decayed sentimentLong = new Decayed();

  /** Times (epoch ms) of negative mentions within the window, oldest first. */
  public List<Long> recentNegatives = new ArrayList<>();

  public long negativeMentions;

  /** When the person last said they are switching (churn intent), 0 = never. */
  public long churnIntentAt;

  public long recommendations;
  public long shares;

  /** What others did with the person's posts: reposts + quotes + replies; and likes. */
  public long amplification;

  public long likes;

  /** Loyalty. */
  public boolean registered;

  public long points;
  public List<String> badges = new ArrayList<>();

  /** Last values placed in the population distributions (-1 = not placed). */
  public double placedInfluence = -1;

  public double placedClv = -1;

  /** Last published segments. */
  public String valueSegment;

  public String role;
  public String engagement;

  /** The pending rescoring timer (epoch ms), 0 = none. */
  public long timerAt;

  /**
   * When the at-risk score last crossed the churn-risk alert threshold (epoch ms, event time); 0:
   * armed (below the threshold, or back below the re-arm level since).
   */
  public long churnAlertedAt;

  public ScoreState() {}

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScoreState)) {
      return false;
    }
    ScoreState s = (ScoreState) o;
    return clock == s.clock
        && firstPurchaseAt == s.firstPurchaseAt
        && lastPurchaseAt == s.lastPurchaseAt
        && lastPurchaseDay == s.lastPurchaseDay
        && purchaseDays == s.purchaseDays
        && Double.compare(purchaseAmount, s.purchaseAmount) == 0
        && Double.compare(firstDayAmount, s.firstDayAmount) == 0
        && java.util.Arrays.equals(recentPurchaseDays, s.recentPurchaseDays)
        && Objects.equals(sentiment, s.sentiment)
        && Objects.equals(sentimentShort, s.sentimentShort)
        && Objects.equals(sentimentLong, s.sentimentLong)
        && Objects.equals(recentNegatives, s.recentNegatives)
        && negativeMentions == s.negativeMentions
        && churnIntentAt == s.churnIntentAt
        && recommendations == s.recommendations
        && shares == s.shares
        && amplification == s.amplification
        && likes == s.likes
        && registered == s.registered
        && points == s.points
        && Objects.equals(badges, s.badges)
        && Double.compare(placedInfluence, s.placedInfluence) == 0
        && Double.compare(placedClv, s.placedClv) == 0
        && Objects.equals(valueSegment, s.valueSegment)
        && Objects.equals(role, s.role)
        && Objects.equals(engagement, s.engagement)
        && timerAt == s.timerAt
        && churnAlertedAt == s.churnAlertedAt;
  }

  @Override
  public int hashCode() {
    return Objects.hash(clock, purchaseDays, points);
  }
}
