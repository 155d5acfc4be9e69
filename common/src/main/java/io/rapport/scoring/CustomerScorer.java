package io.rapport.scoring;

import io.rapport.alerting.AlertText;
import io.rapport.model.CustomerProfile;
import io.rapport.model.ProfileUpdate;
import io.rapport.scoring.clv.BgNbd;
import io.rapport.scoring.clv.Clv;
import io.rapport.scoring.clv.GammaGamma;
import io.rapport.text.IntentDetector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Customer scoring as plain functions: {@link #apply} folds an event into a {@link ScoreState};
 * {@link #score} computes {@link Scores} at a point in event time from the state, the profile and
 * the population distributions; {@link #segmentChanges} compares segments with the last published
 * ones. The Flink operator only calls these. Formulas are documented in the README ("Scores").
 */
public final class CustomerScorer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Weights of the at-risk components (noisy-OR). */
  static final double W_CADENCE = 0.5;

  static final double W_ALIVE = 0.6;
  static final double W_NEGATIVES = 0.5;
  static final double W_CHURN = 0.7;
  static final double W_TREND = 0.3;

  /** Weights of the influence index: reach weighs less than amplification and engagement. */
  static final double W_REACH = 0.2;

  static final double W_AMPLIFICATION = 0.45;
  static final double W_ENGAGEMENT = 0.35;

  private final ScoringConfig config;
  private final BgNbd purchases;
  private final GammaGamma spend;
  private final Clv clv;
  private final double unitMillis;
  private final double horizonUnits;

  /** The language of the at-risk reasons ({@link ScoringConfig#language}). */
  private final AlertText text;

  public CustomerScorer(ScoringConfig config) {
    this.config = config;
    this.text = AlertText.of(config.language == null ? "en" : config.language);
    this.purchases = new BgNbd(config.bgNbd);
    this.spend = new GammaGamma(config.gammaGamma);
    this.unitMillis = config.modelTimeUnitDays * ScoringConfig.DAY_MILLIS;
    double monthUnits = 365.25 / 12 / config.modelTimeUnitDays;
    this.horizonUnits = config.clvHorizonMonths * monthUnits;
    this.clv =
        new Clv(
            purchases,
            spend,
            config.clvHorizonMonths,
            monthUnits,
            Math.pow(1 + config.clvYearlyDiscount, 1.0 / 12) - 1);
  }

  public ScoringConfig config() {
    return config;
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  /** Folds one profile event into the state (a forget is handled by the caller). */
  public void apply(ScoreState s, ProfileUpdate u) {
    s.clock = Math.max(s.clock, u.time);
    switch (u.kind) {
      case ProfileUpdate.CUSTOMER:
        if (!s.registered) {
          s.registered = true;
          s.points += Loyalty.points(config, Loyalty.REGISTRATION);
        }
        break;
      case ProfileUpdate.TRANSACTION:
        if (!"return".equals(u.transactionType)) {
          purchase(s, u.time, u.amount);
          s.points += Loyalty.points(config, Loyalty.PURCHASE);
        }
        break;
      case ProfileUpdate.MENTION:
        mention(s, u);
        break;
      case ProfileUpdate.ACTIVITY:
        // review, referral or survey: the activity type is the loyalty action
        s.points += Loyalty.points(config, u.activityType);
        break;
      default:
        throw new IllegalArgumentException("cannot score a " + u.kind + " update");
    }
    Loyalty.awardBadges(s);
  }

  /**
   * Folds into {@code into} the score inputs of a profile merged into it ({@code from}: what the
   * absorbed id's own events gave, built with {@link #apply}); the caller folds each absorbed id
   * once. Counts, amounts and decayed sentiments add up as if every event had been applied here;
   * the registration points count once. Purchase days: the windows of latest distinct days ({@link
   * PurchaseDays}) are joined, exactly; the count of distinct days adds both sides' counts less the
   * days both are known to share (their windows, first and last days), so only a common day older
   * than both windows (and not the first day of both) would count twice. Published segments,
   * population placements, the timer and the churn-alert latch stay those of {@code into}.
   */
  public void fold(ScoreState into, ScoreState from) {
    into.clock = Math.max(into.clock, from.clock);
    foldPurchases(into, from);
    double day = ScoringConfig.DAY_MILLIS;
    into.sentiment.merge(from.sentiment, config.sentimentHalfLifeDays * day);
    into.sentimentShort.merge(from.sentimentShort, config.trendShortHalfLifeDays * day);
    into.sentimentLong.merge(from.sentimentLong, config.trendLongHalfLifeDays * day);
    for (long t : from.recentNegatives) {
      int i = into.recentNegatives.size();
      while (i > 0 && into.recentNegatives.get(i - 1) > t) {
        i--;
      }
      into.recentNegatives.add(i, t);
    }
    into.negativeMentions += from.negativeMentions;
    into.churnIntentAt = Math.max(into.churnIntentAt, from.churnIntentAt);
    into.recommendations += from.recommendations;
    into.shares += from.shares;
    into.amplification += from.amplification;
    into.likes += from.likes;
    into.points += from.points;
    if (into.registered && from.registered) {
      into.points -= Loyalty.points(config, Loyalty.REGISTRATION);
    }
    into.registered |= from.registered;
    Loyalty.awardBadges(into);
  }

  private static void foldPurchases(ScoreState into, ScoreState from) {
    if (from.purchaseDays == 0) {
      return;
    }
    if (into.purchaseDays == 0) {
      into.firstPurchaseAt = from.firstPurchaseAt;
      into.lastPurchaseAt = from.lastPurchaseAt;
      into.lastPurchaseDay = from.lastPurchaseDay;
      into.purchaseDays = from.purchaseDays;
      into.purchaseAmount = from.purchaseAmount;
      into.firstDayAmount = from.firstDayAmount;
      into.recentPurchaseDays = window(from).clone();
      return;
    }
    long intoFirst = firstDay(into);
    long fromFirst = firstDay(from);
    long shared = PurchaseDays.common(knownDays(into), knownDays(from));
    int[] window = PurchaseDays.union(window(into), window(from), PurchaseDays.WINDOW);
    into.purchaseDays = Math.max(window.length, into.purchaseDays + from.purchaseDays - shared);
    into.recentPurchaseDays = window;
    if (fromFirst < intoFirst) {
      into.firstDayAmount = from.firstDayAmount;
    } else if (fromFirst == intoFirst) {
      into.firstDayAmount += from.firstDayAmount;
    }
    into.purchaseAmount += from.purchaseAmount;
    into.firstPurchaseAt = Math.min(into.firstPurchaseAt, from.firstPurchaseAt);
    if (from.lastPurchaseAt >= into.lastPurchaseAt) {
      into.lastPurchaseAt = from.lastPurchaseAt;
      into.lastPurchaseDay = from.lastPurchaseDay;
    }
  }

  private static long firstDay(ScoreState s) {
    return Math.floorDiv(s.firstPurchaseAt, ScoringConfig.DAY_MILLIS);
  }

  /**
   * The window of latest purchase days; in state written before windows were kept, the last
   * purchase day alone (the latest day, so still the start of an exact window).
   */
  private static int[] window(ScoreState s) {
    int[] w = s.recentPurchaseDays == null ? new int[0] : s.recentPurchaseDays;
    return w.length == 0 && s.purchaseDays > 0 ? new int[] {(int) s.lastPurchaseDay} : w;
  }

  /**
   * Whether the window misses days between its first day and the latest ones: only in state that
   * started without a window (not full, yet fewer days than the person has). Such a window takes no
   * day older than its own and gives no cadence.
   */
  private static boolean partial(ScoreState s, int[] window) {
    return window.length < PurchaseDays.WINDOW && window.length < s.purchaseDays;
  }

  /** Every day known to have had a purchase: the window, the first and the last purchase day. */
  private static int[] knownDays(ScoreState s) {
    int[] known = PurchaseDays.add(window(s), (int) firstDay(s), Integer.MAX_VALUE);
    return PurchaseDays.add(known, (int) s.lastPurchaseDay, Integer.MAX_VALUE);
  }

  private static void purchase(ScoreState s, long time, double amount) {
    long day = Math.floorDiv(time, ScoringConfig.DAY_MILLIS);
    if (s.purchaseDays == 0) {
      s.firstPurchaseAt = time;
      s.lastPurchaseAt = time;
      s.lastPurchaseDay = day;
      s.purchaseDays = 1;
      s.firstDayAmount = amount;
      s.purchaseAmount = amount;
      s.recentPurchaseDays = new int[] {(int) day};
      return;
    }
    long firstDay = firstDay(s);
    int[] window = window(s);
    boolean partial = partial(s, window);
    s.purchaseAmount += amount;
    if (day == firstDay) {
      s.firstDayAmount += amount;
    } else if (day < firstDay) {
      // a late purchase before the first one: it becomes the first day
      s.purchaseDays++;
      s.firstDayAmount = amount;
    } else if (day != s.lastPurchaseDay && !PurchaseDays.contains(window, (int) day)) {
      // a new day; only a late purchase on a day older than the window that already had one
      // (other than the first day) cannot be told apart and counts as new
      s.purchaseDays++;
    }
    if (!partial || day > window[0]) {
      s.recentPurchaseDays = PurchaseDays.add(window, (int) day, PurchaseDays.WINDOW);
    }
    s.firstPurchaseAt = Math.min(s.firstPurchaseAt, time);
    if (time >= s.lastPurchaseAt) {
      s.lastPurchaseAt = time;
      s.lastPurchaseDay = day;
    }
  }

  private void mention(ScoreState s, ProfileUpdate u) {
    double c = u.compound;
    s.sentiment.add(c, u.time, config.sentimentHalfLifeDays * ScoringConfig.DAY_MILLIS);
    s.sentimentShort.add(c, u.time, config.trendShortHalfLifeDays * ScoringConfig.DAY_MILLIS);
    s.sentimentLong.add(c, u.time, config.trendLongHalfLifeDays * ScoringConfig.DAY_MILLIS);
    if (c <= io.rapport.profile.ProfileLogic.NEGATIVE_THRESHOLD) {
      s.negativeMentions++;
      int i = s.recentNegatives.size();
      while (i > 0 && s.recentNegatives.get(i - 1) > u.time) {
        i--;
      }
      s.recentNegatives.add(i, u.time);
    }
    if (u.intents.contains(IntentDetector.CHURN_THREAT)) {
      s.churnIntentAt = Math.max(s.churnIntentAt, u.time);
    }
    if (u.intents.contains(IntentDetector.RECOMMENDATION)) {
      s.recommendations++;
      s.points += Loyalty.points(config, Loyalty.RECOMMENDATION);
    }
    if (u.share) {
      s.shares++;
      s.points += Loyalty.points(config, Loyalty.SHARE);
    }
    s.amplification += u.reposts + u.quotes + u.replies;
    s.likes += u.likes;
  }

  // ---------------------------------------------------------------------------------------------
  // Scores

  /**
   * The scores at {@code now} (epoch ms, event time). Moves the person in the population
   * distributions to their new influence and CLV (so call once per rescoring) and drops negative
   * mentions that left the window.
   */
  public Scores score(
      ScoreState s,
      CustomerProfile p,
      long now,
      InfluenceDistribution influencePopulation,
      SpendDistribution clvPopulation) {
    s.clock = Math.max(s.clock, now);
    now = s.clock;
    Scores sc = new Scores();
    sc.scoredAt = now;
    purchaseScores(s, p, now, sc);
    socialScores(s, p, now, sc);

    // population placements
    if (p.mentionCount > 0) {
      influencePopulation.update(s.placedInfluence, sc.influence);
      s.placedInfluence = sc.influence;
      sc.shareOfMind = round(influencePopulation.percentile(sc.influence));
    }
    if (sc.clv > 0 || s.placedClv > 0) {
      clvPopulation.update(s.placedClv, sc.clv);
      s.placedClv = sc.clv;
    }
    sc.valueDecile = clvPopulation.decile(sc.clv);

    atRisk(s, now, sc);

    sc.valueSegment = Segments.value(config, s, sc);
    sc.role = Segments.role(config, s, sc, p.mentionCount);
    sc.engagement = Segments.engagement(config, p.purchaseCount + p.mentionCount);
    sc.points = s.points;
    sc.level = Loyalty.level(config, s.points);
    sc.badges = new ArrayList<>(s.badges);
    return sc;
  }

  private void purchaseScores(ScoreState s, CustomerProfile p, long now, Scores sc) {
    double populationSpend = spend.conditionalExpectedAverageSpend(0, 0);
    if (s.purchaseDays == 0) {
      sc.pAlive = 0;
      sc.expectedAverageSpend = populationSpend;
      sc.shareOfWallet = 0;
      return;
    }
    long x = s.purchaseDays - 1;
    double tx = (s.lastPurchaseAt - s.firstPurchaseAt) / unitMillis;
    // the model needs T > 0: a first purchase just now has an age of a millionth of a unit
    double bigT = Math.max(Math.max(tx, 1e-6), (now - s.firstPurchaseAt) / unitMillis);
    double zbar = x > 0 ? Math.max(0, s.purchaseAmount - s.firstDayAmount) / x : 0;
    sc.repeatPurchases = x;
    sc.pAlive = round4(purchases.probabilityAlive(x, tx, bigT));
    sc.expectedPurchases =
        round4(purchases.conditionalExpectedPurchases(horizonUnits, x, tx, bigT));
    sc.expectedAverageSpend = round(spend.conditionalExpectedAverageSpend(x, zbar));
    sc.clv = round(clv.value(x, tx, bigT, zbar));
    sc.daysSinceLastPurchase = round((now - s.lastPurchaseAt) / (double) ScoringConfig.DAY_MILLIS);
    if (x > 0) {
      // the mean gap between the latest distinct purchase days (the window); in state written
      // before the window was kept, the mean gap over the whole history
      int[] window = window(s);
      sc.usualCadenceDays =
          round(
              window.length >= 2 && !partial(s, window)
                  ? PurchaseDays.meanGap(window)
                  : (s.lastPurchaseAt - s.firstPurchaseAt) / (double) ScoringConfig.DAY_MILLIS / x);
    }
    // Share of Wallet: net spend against what the model expects of an average customer over the
    // same tenure (the first purchase plus E[X(T)] repeats at the population's mean spend).
    double expected = (1 + purchases.expectedPurchases(bigT)) * populationSpend;
    sc.shareOfWallet = round(100 * clamp(p.netSpend() / expected));
  }

  private void socialScores(ScoreState s, CustomerProfile p, long now, Scores sc) {
    sc.sentiment = round4(s.sentiment.mean(0));
    sc.sentimentTrend =
        s.sentimentShort.weight > 0
            ? round4(s.sentimentShort.mean(0) - s.sentimentLong.mean(0))
            : 0;
    sc.influence = round(influence(p.followers, s.amplification, s.likes));
    long brand = p.brandMentions.getOrDefault(config.brand, 0L);
    long competitors = 0;
    long all = 0;
    for (var e : p.brandMentions.entrySet()) {
      all += e.getValue();
      if (config.competitors.contains(e.getKey())) {
        competitors += e.getValue();
      }
    }
    sc.shareOfVoice = all == 0 ? 0 : round(100.0 * brand / all);
    sc.shareOfVoiceVsCompetitors =
        brand + competitors == 0 ? 0 : round(100.0 * brand / (brand + competitors));
    if (p.mentionCount > 0) {
      sc.shareOfHeart =
          round(
              100 * (0.7 * (sc.sentiment + 1) / 2 + 0.3 * Math.min(1.0, s.recommendations / 3.0)));
    }
  }

  /**
   * The influence index, 0-100: log-scaled reach (followers, 10^6 = full), amplification (reposts,
   * quotes and replies by others, 10^4 = full) and engagement (likes, 10^5 = full), weighted
   * 0.2/0.45/0.35.
   */
  public static double influence(long followers, long amplification, long likes) {
    double reach = Math.min(1, Math.log10(1 + Math.max(0, followers)) / 6);
    double amp = Math.min(1, Math.log10(1 + Math.max(0, amplification)) / 4);
    double eng = Math.min(1, Math.log10(1 + Math.max(0, likes)) / 5);
    return 100 * (W_REACH * reach + W_AMPLIFICATION * amp + W_ENGAGEMENT * eng);
  }

  private void atRisk(ScoreState s, long now, Scores sc) {
    long window = config.negativeWindowDays * ScoringConfig.DAY_MILLIS;
    for (Iterator<Long> it = s.recentNegatives.iterator(); it.hasNext(); ) {
      if (it.next() <= now - window) {
        it.remove();
      } else {
        break;
      }
    }
    List<double[]> parts = new ArrayList<>(); // {weighted contribution, index}
    List<String> words = new ArrayList<>();
    if (sc.repeatPurchases > 0 && sc.usualCadenceDays > 0) {
      double ratio = sc.daysSinceLastPurchase / Math.max(1.0, sc.usualCadenceDays);
      double c = clamp((ratio - 1.5) / 2.5);
      if (c > 0) {
        add(
            parts,
            words,
            W_CADENCE * c,
            text.noPurchaseFor(
                Math.round(Math.floor(sc.daysSinceLastPurchase)), Math.round(sc.usualCadenceDays)));
      }
    }
    if (sc.repeatPurchases > 0) {
      double c = clamp((0.8 - sc.pAlive) / 0.6);
      if (c > 0) {
        add(parts, words, W_ALIVE * c, text.pAlive(sc.pAlive));
      }
    }
    int negatives = s.recentNegatives.size();
    sc.recentNegativeMentions = negatives;
    if (negatives > 0) {
      add(
          parts,
          words,
          W_NEGATIVES * Math.min(1.0, negatives / 3.0),
          text.negativeMentions(negatives, config.negativeWindowDays));
    }
    if (s.churnIntentAt > 0
        && now - s.churnIntentAt < config.churnIntentDays * ScoringConfig.DAY_MILLIS) {
      sc.churnIntent = true;
      add(parts, words, W_CHURN, text.saidSwitching());
    }
    if (sc.sentimentTrend < -0.2) {
      add(
          parts,
          words,
          W_TREND * clamp(-sc.sentimentTrend / 0.8),
          text.sentimentFalling(
              s.sentimentShort.mean(0),
              s.sentimentLong.mean(0),
              Math.round(config.trendLongHalfLifeDays)));
    }
    double survive = 1;
    for (double[] part : parts) {
      survive *= 1 - part[0];
    }
    sc.atRisk = round(100 * (1 - survive));
    Integer[] order = new Integer[parts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(parts.get(b)[0], parts.get(a)[0]));
    for (Integer i : order) {
      sc.reasons.add(words.get(i));
    }
  }

  private static void add(List<double[]> parts, List<String> words, double weight, String why) {
    parts.add(new double[] {weight});
    words.add(why);
  }

  // ---------------------------------------------------------------------------------------------
  // Segments and forgetting

  /**
   * The segment changes since the last published segments, recorded in the state. A person's first
   * segments are changes from {@code null}.
   */
  public List<SegmentChange> segmentChanges(ScoreState s, Scores sc, String customerId) {
    List<SegmentChange> changes = new ArrayList<>(3);
    if (!sc.valueSegment.equals(s.valueSegment)) {
      changes.add(
          new SegmentChange(
              customerId, SegmentChange.VALUE, s.valueSegment, sc.valueSegment, sc.scoredAt));
      s.valueSegment = sc.valueSegment;
    }
    if (!sc.role.equals(s.role)) {
      changes.add(new SegmentChange(customerId, SegmentChange.ROLE, s.role, sc.role, sc.scoredAt));
      s.role = sc.role;
    }
    if (!sc.engagement.equals(s.engagement)) {
      changes.add(
          new SegmentChange(
              customerId, SegmentChange.ENGAGEMENT, s.engagement, sc.engagement, sc.scoredAt));
      s.engagement = sc.engagement;
    }
    return changes;
  }

  /** Removes a forgotten person from the population distributions. */
  public static void forget(
      ScoreState s, InfluenceDistribution influencePopulation, SpendDistribution clvPopulation) {
    influencePopulation.update(s.placedInfluence, -1);
    clvPopulation.update(s.placedClv, 0);
  }

  /**
   * Whether scores still change with time alone: a buyer not yet lost (P(alive) and CLV decay), for
   * at most {@link ScoringConfig#rescoreForMillis} after the last purchase, negatives still in the
   * window, or a churn statement still counting.
   */
  public boolean needsRescoring(ScoreState s, Scores sc) {
    boolean buyerNotLost =
        s.purchaseDays > 0
            && !Segments.LOST.equals(sc.valueSegment)
            && sc.scoredAt - s.lastPurchaseAt < config.rescoreForMillis;
    boolean churnCounting =
        s.churnIntentAt > 0
            && sc.scoredAt - s.churnIntentAt < config.churnIntentDays * ScoringConfig.DAY_MILLIS;
    return buyerNotLost || !s.recentNegatives.isEmpty() || churnCounting;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static double round4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
