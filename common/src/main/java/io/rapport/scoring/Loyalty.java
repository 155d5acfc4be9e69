package io.rapport.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loyalty points, badges and levels. Points per action are configurable ({@link
 * ScoringConfig#loyaltyPoints}); the job observes registrations (first CRM record), purchases,
 * shares (reposts and quotes), recommendations (the recommendation intent), and reviews, referrals
 * and surveys (the activity types of {@code crm.activities}).
 */
public final class Loyalty {
  public static final String PURCHASE = "purchase";
  public static final String REVIEW = "review";
  public static final String SHARE = "share";
  public static final String RECOMMENDATION = "recommendation";
  public static final String REFERRAL = "referral";
  public static final String REGISTRATION = "registration";
  public static final String SURVEY = "survey";

  public static final Map<String, Integer> DEFAULT_POINTS = defaultPoints();

  /** Badges: a first purchase; 10 purchase days; 3 recommendations; 5 shares. */
  public static final String FIRST_PURCHASE = "first-purchase";

  public static final String REGULAR = "regular";
  public static final String ADVOCATE = "advocate";
  public static final String AMBASSADOR = "ambassador";

  public static final String BRONZE = "bronze";
  public static final String SILVER = "silver";
  public static final String GOLD = "gold";
  public static final String PLATINUM = "platinum";

  private Loyalty() {}

  private static Map<String, Integer> defaultPoints() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put(PURCHASE, 10);
    m.put(REVIEW, 20);
    m.put(SHARE, 5);
    m.put(RECOMMENDATION, 15);
    m.put(REFERRAL, 50);
    m.put(REGISTRATION, 25);
    m.put(SURVEY, 10);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Parses {@code action=points,...}; unknown actions are an error. */
  public static Map<String, Integer> parsePoints(String spec) {
    Map<String, Integer> m = new LinkedHashMap<>(DEFAULT_POINTS);
    if (spec == null || spec.isBlank()) {
      return m;
    }
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split("=");
      if (kv.length != 2 || !DEFAULT_POINTS.containsKey(kv[0].trim())) {
        throw new IllegalArgumentException(
            "loyalty points: expected action=points with action one of "
                + DEFAULT_POINTS.keySet()
                + ", got '"
                + part
                + "'");
      }
      m.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
    }
    return m;
  }

  /** Points earned by one action. */
  public static int points(ScoringConfig c, String action) {
    return c.loyaltyPoints.getOrDefault(action, 0);
  }

  /** The level of a points balance. */
  public static String level(ScoringConfig c, long points) {
    if (points >= c.platinumPoints) {
      return PLATINUM;
    }
    if (points >= c.goldPoints) {
      return GOLD;
    }
    return points >= c.silverPoints ? SILVER : BRONZE;
  }

  /** Awards the badges the state has earned (once each, in the order earned). */
  public static void awardBadges(ScoreState s) {
    award(s, FIRST_PURCHASE, s.purchaseDays >= 1);
    award(s, REGULAR, s.purchaseDays >= 10);
    award(s, ADVOCATE, s.recommendations >= 3);
    award(s, AMBASSADOR, s.shares >= 5);
  }

  private static void award(ScoreState s, String badge, boolean earned) {
    List<String> badges = s.badges;
    if (earned && !badges.contains(badge)) {
      badges.add(badge);
    }
  }
}
