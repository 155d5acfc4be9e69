package io.rapport.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One person's scores at {@link #scoredAt}: values (0-100 where marked), the inputs they came from,
 * the at-risk reasons in words, segments and loyalty. Published in the customer document.
 */
public class Scores {
  public long scoredAt;

  /** BG/NBD: P(alive), expected purchases over the CLV horizon; Gamma-Gamma: expected spend. */
  public double pAlive;

  public double expectedPurchases;
  public double expectedAverageSpend;

  /** Discounted CLV over the horizon (reporting currency) and its decile, 1-10 (0: no value). */
  public double clv;

  public int valueDecile;

  /** 0-100, with reasons in words (largest contribution first). */
  public double atRisk;

  public List<String> reasons = new ArrayList<>();

  /** Decayed sentiment (-1..1) and its trend (short half-life mean minus long). */
  public double sentiment;

  public double sentimentTrend;

  /** Influence index 0-100 (absolute) and the four shares, 0-100. */
  public double influence;

  public double shareOfVoice;
  public double shareOfVoiceVsCompetitors;
  public double shareOfWallet;
  public double shareOfMind;
  public double shareOfHeart;

  /** Inputs. */
  public long repeatPurchases;

  public double daysSinceLastPurchase;
  public double usualCadenceDays;
  public int recentNegativeMentions;
  public boolean churnIntent;

  /** Segments. */
  public String valueSegment;

  public String role;
  public String engagement;

  /** Loyalty. */
  public long points;

  public String level;
  public List<String> badges = new ArrayList<>();

  public Scores() {}

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Scores)) {
      return false;
    }
    Scores s = (Scores) o;
    return scoredAt == s.scoredAt
        && Double.compare(pAlive, s.pAlive) == 0
        && Double.compare(expectedPurchases, s.expectedPurchases) == 0
        && Double.compare(expectedAverageSpend, s.expectedAverageSpend) == 0
        && Double.compare(clv, s.clv) == 0
        && valueDecile == s.valueDecile
        && Double.compare(atRisk, s.atRisk) == 0
        && Objects.equals(reasons, s.reasons)
        && Double.compare(sentiment, s.sentiment) == 0
        && Double.compare(sentimentTrend, s.sentimentTrend) == 0
        && Double.compare(influence, s.influence) == 0
        && Double.compare(shareOfVoice, s.shareOfVoice) == 0
        && Double.compare(shareOfVoiceVsCompetitors, s.shareOfVoiceVsCompetitors) == 0
        && Double.compare(shareOfWallet, s.shareOfWallet) == 0
        && Double.compare(shareOfMind, s.shareOfMind) == 0
        && Double.compare(shareOfHeart, s.shareOfHeart) == 0
        && repeatPurchases == s.repeatPurchases
        && Double.compare(daysSinceLastPurchase, s.daysSinceLastPurchase) == 0
        && Double.compare(usualCadenceDays, s.usualCadenceDays) == 0
        && recentNegativeMentions == s.recentNegativeMentions
        && churnIntent == s.churnIntent
        && Objects.equals(valueSegment, s.valueSegment)
        && Objects.equals(role, s.role)
        && Objects.equals(engagement, s.engagement)
        && points == s.points
        && Objects.equals(level, s.level)
        && Objects.equals(badges, s.badges);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scoredAt, clv, atRisk, valueSegment, role);
  }

  @Override
  public String toString() {
    return "Scores{atRisk="
        + atRisk
        + ", reasons="
        + reasons
        + ", value="
        + valueSegment
        + ", role="
        + role
        + ", engagement="
        + engagement
        + ", clv="
        + clv
        + "}";
  }
}
