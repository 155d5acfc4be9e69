package io.rapport.scoring;

/**
 * Segment rules, from scores. Each dimension has one segment at a time.
 *
 * <ul>
 *   <li>Value: {@code prospect} (fewer than two purchase days: no repeat yet), {@code lost}
 *       (P(alive) below {@link ScoringConfig#lostBelowPAlive}), {@code vulnerable} (at-risk score
 *       at least {@link ScoringConfig#vulnerableAtRisk}), otherwise {@code loyal}. A one-time buyer
 *       with a high at-risk score is vulnerable too.
 *   <li>Social role, first rule that holds: {@code detractor} (decayed sentiment at most {@link
 *       ScoringConfig#detractorSentiment} and 2+ negative mentions), {@code influencer} (influence
 *       at least {@link ScoringConfig#influencerAt}), {@code advocate} (decayed sentiment at least
 *       {@link ScoringConfig#advocateSentiment} and a recommendation or a share), {@code talker}
 *       ({@link ScoringConfig#talkerMentions}+ mentions), otherwise {@code spectator}.
 *   <li>Engagement: interactions (purchases + mentions) below {@link
 *       ScoringConfig#frequentInteractions} {@code novice}, below {@link
 *       ScoringConfig#masterInteractions} {@code frequent}, otherwise {@code master}.
 * </ul>
 */
public final class Segments {
  public static final String LOYAL = "loyal";
  public static final String VULNERABLE = "vulnerable";
  public static final String PROSPECT = "prospect";
  public static final String LOST = "lost";

  public static final String ADVOCATE = "advocate";
  public static final String INFLUENCER = "influencer";
  public static final String DETRACTOR = "detractor";
  public static final String SPECTATOR = "spectator";
  public static final String TALKER = "talker";

  public static final String NOVICE = "novice";
  public static final String FREQUENT = "frequent";
  public static final String MASTER = "master";

  private Segments() {}

  public static String value(ScoringConfig c, ScoreState s, Scores sc) {
    if (s.purchaseDays >= 1 && sc.pAlive < c.lostBelowPAlive) {
      return LOST;
    }
    if (sc.atRisk >= c.vulnerableAtRisk && s.purchaseDays >= 1) {
      return VULNERABLE;
    }
    return s.purchaseDays >= 2 ? LOYAL : PROSPECT;
  }

  public static String role(ScoringConfig c, ScoreState s, Scores sc, long mentions) {
    if (mentions == 0) {
      return SPECTATOR;
    }
    if (sc.sentiment <= c.detractorSentiment && s.negativeMentions >= 2) {
      return DETRACTOR;
    }
    if (sc.influence >= c.influencerAt) {
      return INFLUENCER;
    }
    if (sc.sentiment >= c.advocateSentiment && (s.recommendations > 0 || s.shares > 0)) {
      return ADVOCATE;
    }
    return mentions >= c.talkerMentions ? TALKER : SPECTATOR;
  }

  public static String engagement(ScoringConfig c, long interactions) {
    if (interactions >= c.masterInteractions) {
      return MASTER;
    }
    return interactions >= c.frequentInteractions ? FREQUENT : NOVICE;
  }
}
