package io.rapport.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerProfile;
import io.rapport.model.EnrichedMention;
import io.rapport.model.ProfileUpdate;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.profile.ProfileLogic;
import io.rapport.scoring.clv.BgNbd;
import io.rapport.scoring.clv.Clv;
import io.rapport.scoring.clv.GammaGamma;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import io.rapport.text.IntentDetector;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CustomerScorerTest {
  private static final long DAY = ScoringConfig.DAY_MILLIS;
  private static final Instant T0 = Samples.T0;

  private final ScoringConfig config = ScoringConfig.defaults();
  private final CustomerScorer scorer = new CustomerScorer(config);
  private final BgNbd bgNbd = new BgNbd(config.bgNbd);
  private final GammaGamma gammaGamma = new GammaGamma(config.gammaGamma);
  private final InfluenceDistribution influence = new InfluenceDistribution();
  private final SpendDistribution clvs = new SpendDistribution();

  /** One person: the profile as the profile operator keeps it, and the score state. */
  private static final class Person {
    final CustomerProfile p;
    final ScoreState s = new ScoreState();

    Person(String id, String kind) {
      p = ProfileLogic.newProfile(id, kind);
    }
  }

  private void buy(Person x, double amount, Instant at) {
    Transaction t = Samples.purchase("t-" + at, x.p.profileId, amount, at);
    ProfileLogic.applyTransaction(x.p, t, amount);
    scorer.apply(x.s, ProfileUpdate.transaction(x.p, t, amount));
  }

  private void say(
      Person x,
      double compound,
      Instant at,
      long followers,
      long reposts,
      long likes,
      String... intents) {
    SocialMention m = Samples.mention("m-" + at, "x", x.p.profileId, "text", at);
    m.author.followers = followers;
    m.engagement.reposts = reposts;
    m.engagement.likes = likes;
    Analysis a = new Analysis();
    a.compound = compound;
    a.intents = List.of(intents);
    EnrichedMention em = new EnrichedMention(m, a);
    ProfileLogic.applyMention(x.p, m, compound);
    scorer.apply(x.s, ProfileUpdate.mention(x.p, em));
  }

  /** A repost by {@code x} of someone else's mention with this analysis. */
  private void repost(Person x, double compound, Instant at, String... intents) {
    SocialMention m = Samples.mention("rt-" + at, "x", x.p.profileId, "RT @ana: text", at);
    m.repostOf = "m-original";
    Analysis a = new Analysis();
    a.compound = compound;
    a.intents = List.of(intents);
    ProfileLogic.applyMention(x.p, m, compound);
    scorer.apply(x.s, ProfileUpdate.mention(x.p, new EnrichedMention(m, a)));
  }

  @Test
  void aRepostCountsAsAShareWithItsSentimentButNotAsTheRepostersIntents() {
    Person bea = new Person("C2", CustomerProfile.CUSTOMER);
    repost(bea, -0.6, T0, IntentDetector.CHURN_THREAT, IntentDetector.COMPLAINT);
    repost(bea, 0.7, T0.plusMillis(DAY), IntentDetector.RECOMMENDATION);
    Scores sc = score(bea, T0.plusMillis(2 * DAY));
    assertThat(sc.churnIntent).isFalse(); // someone else's threat
    assertThat(bea.s.churnIntentAt).isLessThan(T0.toEpochMilli());
    assertThat(bea.s.recommendations).isZero(); // someone else's recommendation, shared
    assertThat(bea.s.shares).isEqualTo(2);
    assertThat(sc.points)
        .isEqualTo(2 * Loyalty.points(config, Loyalty.SHARE) + registrationPoints(bea));
    assertThat(sc.recentNegativeMentions).isEqualTo(1); // what they share, they mostly endorse

    Person own = new Person("C3", CustomerProfile.CUSTOMER);
    say(own, -0.6, T0, 10, 0, 0, IntentDetector.CHURN_THREAT);
    assertThat(score(own, T0.plusMillis(2 * DAY)).churnIntent).isTrue();
  }

  private long registrationPoints(Person x) {
    return score(new Person("probe-" + x.p.profileId, CustomerProfile.CUSTOMER), T0).points;
  }

  private Scores score(Person x, Instant at) {
    return scorer.score(x.s, x.p, at.toEpochMilli(), influence, clvs);
  }

  private static double weeks(long millis) {
    return millis / (7.0 * DAY);
  }

  @Test
  void loyalCustomerWhoStopsBuyingAndTurnsNegative() {
    Person ana = new Person("C1", CustomerProfile.CUSTOMER);
    for (int i = 0; i < 9; i++) {
      buy(ana, 40, T0.plusMillis(i * 21 * DAY));
    }
    Instant last = T0.plusMillis(8 * 21 * DAY);
    Scores before = score(ana, last.plusMillis(DAY));
    assertThat(before.valueSegment).isEqualTo(Segments.LOYAL);
    assertThat(before.reasons).isEmpty();
    assertThat(before.atRisk).isZero();

    Instant now = last.plusMillis(94 * DAY);
    say(ana, -0.6, now.minusMillis(5 * DAY), 100, 0, 1);
    say(ana, -0.7, now.minusMillis(3 * DAY), 100, 0, 1);
    say(ana, -0.5, now.minusMillis(1 * DAY), 100, 0, 1, IntentDetector.CHURN_THREAT);
    Scores sc = score(ana, now);

    double tx = weeks(8 * 21 * DAY);
    double bigT = weeks(now.toEpochMilli() - T0.toEpochMilli());
    double pAlive = bgNbd.probabilityAlive(8, tx, bigT);
    assertThat(sc.pAlive).isCloseTo(pAlive, within(1e-4));
    assertThat(sc.repeatPurchases).isEqualTo(8);
    assertThat(sc.usualCadenceDays).isEqualTo(21.0);
    assertThat(sc.daysSinceLastPurchase).isEqualTo(94.0);
    assertThat(sc.recentNegativeMentions).isEqualTo(3);
    assertThat(sc.churnIntent).isTrue();
    assertThat(sc.reasons)
        .contains(
            "no purchase for 94 days against a usual 21-day cadence",
            String.format(Locale.ROOT, "P(alive) %.2f", sc.pAlive),
            "3 negative mentions in 7 days",
            "said they are switching to a competitor");
    // largest contribution first: the churn statement (0.7)
    assertThat(sc.reasons.get(0)).isEqualTo("said they are switching to a competitor");
    // the same reasons for a Spanish-speaking team (alert.language es)
    ScoringConfig spanish = config.copy();
    spanish.language = "es";
    Scores es =
        new CustomerScorer(spanish).score(ana.s, ana.p, now.toEpochMilli(), influence, clvs);
    assertThat(es.atRisk).isEqualTo(sc.atRisk);
    assertThat(es.reasons)
        .hasSameSizeAs(sc.reasons)
        .contains(
            "sin compras desde hace 94 días, cuando suele comprar cada 21 días",
            String.format(Locale.forLanguageTag("es"), "P(activo) %.2f", sc.pAlive),
            "3 menciones negativas en 7 días");
    assertThat(es.reasons.get(0)).isEqualTo("ha dicho que se cambia a la competencia");

    // noisy-OR of the weighted components
    double cadence = CustomerScorer.W_CADENCE * Math.min(1, (94.0 / 21 - 1.5) / 2.5);
    double alive = CustomerScorer.W_ALIVE * Math.min(1, (0.8 - sc.pAlive) / 0.6);
    double negatives = CustomerScorer.W_NEGATIVES;
    double churn = CustomerScorer.W_CHURN;
    double survive = (1 - cadence) * (1 - alive) * (1 - negatives) * (1 - churn);
    double trend = 0;
    if (sc.sentimentTrend < -0.2) {
      trend = CustomerScorer.W_TREND * Math.min(1, -sc.sentimentTrend / 0.8);
      survive *= 1 - trend;
    }
    assertThat(sc.atRisk).isCloseTo(100 * (1 - survive), within(0.01));
    assertThat(sc.atRisk).isGreaterThanOrEqualTo(config.vulnerableAtRisk);
    assertThat(sc.valueSegment)
        .isEqualTo(pAlive < config.lostBelowPAlive ? Segments.LOST : Segments.VULNERABLE);
    assertThat(sc.role).isEqualTo(Segments.DETRACTOR);

    // a week later the negatives left the window
    Scores later = score(ana, now.plusMillis(8 * DAY));
    assertThat(later.recentNegativeMentions).isZero();
    assertThat(later.reasons).noneMatch(r -> r.contains("negative mention"));
    assertThat(later.pAlive).isLessThan(sc.pAlive);
  }

  private void register(Person x, Instant at) {
    scorer.apply(x.s, ProfileUpdate.of(ProfileUpdate.CUSTOMER, x.p, at.toEpochMilli()));
  }

  @Test
  void foldingAnAbsorbedProfileScoresAsIfEveryEventHadBeenHere() {
    // one person, two CRM records: some events went to each before the merge
    Person survivor = new Person("C10", CustomerProfile.CUSTOMER);
    Person absorbed = new Person("C11", CustomerProfile.CUSTOMER);
    Person whole = new Person("C10", CustomerProfile.CUSTOMER);
    register(survivor, T0);
    register(whole, T0);
    register(absorbed, T0.plusMillis(DAY));
    register(whole, T0.plusMillis(DAY));
    for (int i = 0; i < 6; i++) {
      Instant at = T0.plusMillis(i * 20 * DAY);
      Person target = i % 2 == 0 ? survivor : absorbed;
      buy(target, 30 + i, at);
      buy(whole, 30 + i, at);
    }
    // the same day on both records counts once (the last purchase day of both)
    Instant sameDay = T0.plusMillis(120 * DAY);
    buy(survivor, 12, sameDay);
    buy(absorbed, 8, sameDay.plusMillis(3_600_000));
    buy(whole, 12, sameDay);
    buy(whole, 8, sameDay.plusMillis(3_600_000));
    say(absorbed, -0.6, T0.plusMillis(125 * DAY), 10, 2, 3, IntentDetector.CHURN_THREAT);
    say(whole, -0.6, T0.plusMillis(125 * DAY), 10, 2, 3, IntentDetector.CHURN_THREAT);
    say(survivor, 0.5, T0.plusMillis(126 * DAY), 10, 0, 1, IntentDetector.RECOMMENDATION);
    say(whole, 0.5, T0.plusMillis(126 * DAY), 10, 0, 1, IntentDetector.RECOMMENDATION);

    scorer.fold(survivor.s, absorbed.s);
    ProfileLogic.fold(survivor.p, absorbed.p);

    ScoreState f = survivor.s;
    ScoreState w = whole.s;
    assertThat(f.purchaseDays).isEqualTo(w.purchaseDays).isEqualTo(7);
    assertThat(f.purchaseAmount).isCloseTo(w.purchaseAmount, within(1e-9));
    assertThat(f.firstDayAmount).isEqualTo(w.firstDayAmount);
    assertThat(f.firstPurchaseAt).isEqualTo(w.firstPurchaseAt);
    assertThat(f.lastPurchaseAt).isEqualTo(w.lastPurchaseAt);
    assertThat(f.lastPurchaseDay).isEqualTo(w.lastPurchaseDay);
    assertThat(f.recentNegatives).isEqualTo(w.recentNegatives);
    assertThat(f.negativeMentions).isEqualTo(1);
    assertThat(f.churnIntentAt).isEqualTo(w.churnIntentAt);
    assertThat(f.recommendations).isEqualTo(1);
    assertThat(f.amplification).isEqualTo(w.amplification);
    assertThat(f.likes).isEqualTo(w.likes);
    assertThat(f.sentiment.mean(0)).isCloseTo(w.sentiment.mean(0), within(1e-12));
    assertThat(f.sentimentShort.mean(0)).isCloseTo(w.sentimentShort.mean(0), within(1e-12));
    assertThat(f.sentimentLong.weight).isCloseTo(w.sentimentLong.weight, within(1e-12));
    // registration points once: the whole history registered twice too, and counted it once
    assertThat(f.points).isEqualTo(w.points);
    assertThat(f.badges).containsExactlyInAnyOrderElementsOf(w.badges);

    Instant now = T0.plusMillis(127 * DAY);
    Scores folded =
        scorer.score(f, survivor.p, now.toEpochMilli(), influence, new SpendDistribution());
    Scores direct = scorer.score(w, whole.p, now.toEpochMilli(), new InfluenceDistribution(), clvs);
    assertThat(folded.atRisk).isEqualTo(direct.atRisk).isPositive();
    assertThat(folded.reasons).isEqualTo(direct.reasons);
    assertThat(folded.clv).isEqualTo(direct.clv);
    assertThat(folded.pAlive).isEqualTo(direct.pAlive);
    assertThat(folded.sentiment).isEqualTo(direct.sentiment);
  }

  @Test
  void quietBigSpenderIsLoyalSpectatorWithTheModelsClv() {
    Person big = new Person("C2", CustomerProfile.CUSTOMER);
    double[] amounts = {500, 700, 600, 900, 800, 650};
    for (int i = 0; i < amounts.length; i++) {
      buy(big, amounts[i], T0.plusMillis(i * 14 * DAY));
    }
    Instant now = T0.plusMillis(5 * 14 * DAY + 2 * DAY);
    Scores sc = score(big, now);

    double x = 5;
    double tx = weeks(5 * 14 * DAY);
    double bigT = weeks(now.toEpochMilli() - T0.toEpochMilli());
    double zbar = (700 + 600 + 900 + 800 + 650) / 5.0;
    Clv clv =
        new Clv(
            bgNbd,
            gammaGamma,
            12,
            365.25 / 12 / 7,
            Math.pow(1 + config.clvYearlyDiscount, 1.0 / 12) - 1);
    assertThat(sc.clv).isCloseTo(clv.value(x, tx, bigT, zbar), within(0.01));
    assertThat(sc.expectedAverageSpend)
        .isCloseTo(gammaGamma.conditionalExpectedAverageSpend(x, zbar), within(0.01));
    assertThat(sc.expectedPurchases)
        .isCloseTo(
            bgNbd.conditionalExpectedPurchases(12 * 365.25 / 12 / 7, x, tx, bigT), within(1e-4));
    assertThat(sc.valueSegment).isEqualTo(Segments.LOYAL);
    assertThat(sc.role).isEqualTo(Segments.SPECTATOR);
    assertThat(sc.engagement).isEqualTo(Segments.FREQUENT);
    assertThat(sc.atRisk).isZero();
    assertThat(sc.reasons).isEmpty();
    assertThat(sc.valueDecile).isEqualTo(10); // alone in the population
    // spent far above the average customer of the same tenure
    assertThat(sc.shareOfWallet).isEqualTo(100.0);
    assertThat(sc.shareOfHeart).isZero();
    assertThat(sc.points).isEqualTo(6 * 10);
    assertThat(sc.badges).containsExactly(Loyalty.FIRST_PURCHASE);
  }

  @Test
  void prospectWhoIsAnInfluencer() {
    Person star = new Person("prospect-1", CustomerProfile.PROSPECT);
    say(star, 0.8, T0, 250_000, 1_500, 12_000, IntentDetector.RECOMMENDATION);
    say(star, 0.6, T0.plusMillis(DAY), 250_000, 900, 8_000);
    Scores sc = score(star, T0.plusMillis(DAY));
    double expected =
        100
            * (0.2 * Math.log10(250_001) / 6
                + 0.45 * Math.log10(1 + 2_400) / 4
                + 0.35 * Math.log10(1 + 20_000) / 5);
    assertThat(sc.influence).isCloseTo(expected, within(0.01));
    assertThat(sc.role).isEqualTo(Segments.INFLUENCER);
    assertThat(sc.valueSegment).isEqualTo(Segments.PROSPECT);
    assertThat(sc.pAlive).isZero();
    assertThat(sc.clv).isZero();
    assertThat(sc.shareOfVoice).isEqualTo(100.0);
    assertThat(sc.shareOfMind).isEqualTo(50.0); // alone: half of its own bucket
    // decayed sentiment with a 30-day half-life: the first mention weighs 2^(-1/30)
    double w = Math.pow(0.5, 1 / 30.0);
    double mean = (0.8 * w + 0.6) / (w + 1);
    assertThat(sc.sentiment).isCloseTo(mean, within(1e-4));
    assertThat(sc.shareOfHeart).isCloseTo(100 * (0.7 * (mean + 1) / 2 + 0.3 / 3), within(0.01));
    assertThat(sc.points).isEqualTo(15);
  }

  @Test
  void shareOfVoiceAgainstAllBrandsAndCompetitors() {
    Person p = new Person("C3", CustomerProfile.CUSTOMER);
    p.p.brandMentions.put("lumen", 3L);
    p.p.brandMentions.put("northwind", 1L);
    p.p.brandMentions.put("other", 2L);
    Scores sc = score(p, T0);
    assertThat(sc.shareOfVoice).isEqualTo(50.0);
    assertThat(sc.shareOfVoiceVsCompetitors).isEqualTo(75.0);
  }

  @Test
  void shareOfMindIsThePercentileInThePopulation() {
    for (int i = 0; i < 9; i++) {
      Person small = new Person("s" + i, CustomerProfile.PROSPECT);
      say(small, 0.1, T0, 10, 0, 0);
      score(small, T0);
    }
    Person star = new Person("star", CustomerProfile.PROSPECT);
    say(star, 0.1, T0, 1_000_000, 10_000, 100_000);
    Scores sc = score(star, T0);
    assertThat(sc.influence).isEqualTo(100.0);
    assertThat(sc.shareOfMind).isEqualTo(95.0); // 9 below, itself half, of 10
    // rescoring does not count the person twice
    assertThat(score(star, T0).shareOfMind).isEqualTo(95.0);
    assertThat(influence.population()).isEqualTo(10);
    CustomerScorer.forget(star.s, influence, clvs);
    assertThat(influence.population()).isEqualTo(9);
  }

  @Test
  void segmentChangesOnlyWhenASegmentMoves() {
    Person p = new Person("C4", CustomerProfile.CUSTOMER);
    buy(p, 10, T0);
    Scores first = score(p, T0);
    assertThat(scorer.segmentChanges(p.s, first, "C4"))
        .containsExactly(
            new SegmentChange("C4", SegmentChange.VALUE, null, Segments.PROSPECT, first.scoredAt),
            new SegmentChange("C4", SegmentChange.ROLE, null, Segments.SPECTATOR, first.scoredAt),
            new SegmentChange(
                "C4", SegmentChange.ENGAGEMENT, null, Segments.NOVICE, first.scoredAt));
    assertThat(scorer.segmentChanges(p.s, score(p, T0), "C4")).isEmpty();
    buy(p, 10, T0.plusMillis(10 * DAY));
    Scores second = score(p, T0.plusMillis(10 * DAY));
    assertThat(scorer.segmentChanges(p.s, second, "C4"))
        .containsExactly(
            new SegmentChange(
                "C4", SegmentChange.VALUE, Segments.PROSPECT, Segments.LOYAL, second.scoredAt));
  }

  private static void act(CustomerScorer sc, Person x, String id, String type, Instant at) {
    CustomerActivity a = Samples.activity(id, type, x.p.profileId, at);
    ProfileLogic.applyActivity(x.p, a);
    sc.apply(x.s, ProfileUpdate.activity(x.p, a));
  }

  @Test
  void reviewsReferralsAndSurveysEarnTheirConfiguredPointsAndFoldOnce() {
    ScoringConfig c = ScoringConfig.defaults();
    c.loyaltyPoints.put(Loyalty.REVIEW, 7);
    c.loyaltyPoints.put(Loyalty.REFERRAL, 41);
    c.loyaltyPoints.put(Loyalty.SURVEY, 3);
    CustomerScorer sc = new CustomerScorer(c);
    Person survivor = new Person("C20", CustomerProfile.CUSTOMER);
    Person absorbed = new Person("C21", CustomerProfile.CUSTOMER);
    sc.apply(survivor.s, ProfileUpdate.of(ProfileUpdate.CUSTOMER, survivor.p, T0.toEpochMilli()));
    act(sc, survivor, "a1", CustomerActivity.REVIEW, T0.plusSeconds(60));
    act(sc, survivor, "a2", CustomerActivity.REVIEW, T0.plusSeconds(120));
    act(sc, survivor, "a3", CustomerActivity.SURVEY, T0.plusSeconds(180));
    assertThat(survivor.s.points).isEqualTo(25 + 2 * 7 + 3);
    assertThat(survivor.p.reviewCount).isEqualTo(2);
    assertThat(survivor.p.surveyCount).isEqualTo(1);
    assertThat(survivor.p.referralCount).isZero();

    act(sc, absorbed, "a4", CustomerActivity.REFERRAL, T0.plusSeconds(240));
    act(sc, absorbed, "a5", CustomerActivity.SURVEY, T0.plusSeconds(300));
    assertThat(absorbed.s.points).isEqualTo(41 + 3);

    sc.fold(survivor.s, absorbed.s);
    ProfileLogic.fold(survivor.p, absorbed.p);
    assertThat(survivor.s.points).isEqualTo(25 + 2 * 7 + 41 + 2 * 3);
    assertThat(survivor.p.reviewCount).isEqualTo(2);
    assertThat(survivor.p.referralCount).isEqualTo(1);
    assertThat(survivor.p.surveyCount).isEqualTo(2);
    assertThat(score(survivor, T0.plusSeconds(300)).points).isEqualTo(25 + 14 + 41 + 6);
    // activities are not purchases: no purchase days, no purchase badge
    assertThat(survivor.s.purchaseDays).isZero();
    assertThat(survivor.s.badges).isEmpty();
  }

  @Test
  void foldingLongHistoriesWithCommonDaysKeepsTheCadenceOfTheWholeHistory() {
    // two CRM records of one person, 36 purchase days each over a year (60 in all), 12 days
    // shared: the first day of both, inner days of both, five of them inside both windows
    Person survivor = new Person("C20", CustomerProfile.CUSTOMER);
    Person absorbed = new Person("C21", CustomerProfile.CUSTOMER);
    Person whole = new Person("C20", CustomerProfile.CUSTOMER);
    for (int day = 0; day < 360; day += 6) {
      boolean toSurvivor = day % 12 == 0 || day % 30 == 0;
      boolean toAbsorbed = day % 12 != 0 || day % 30 == 0;
      Instant at = T0.plusMillis(day * DAY + 3_600_000L * (day % 7));
      if (toSurvivor) {
        buy(survivor, 20, at);
        buy(whole, 20, at);
      }
      if (toAbsorbed) {
        buy(absorbed, 15, at.plusSeconds(60));
        buy(whole, 15, at.plusSeconds(60));
      }
    }
    // a late purchase inside the window, on a day the person already bought on
    buy(absorbed, 5, T0.plusMillis(354 * DAY + 1));
    buy(whole, 5, T0.plusMillis(354 * DAY + 1));
    assertThat(whole.s.purchaseDays).isEqualTo(60);
    assertThat(whole.s.recentPurchaseDays).hasSize(PurchaseDays.WINDOW);
    assertThat(survivor.s.purchaseDays + absorbed.s.purchaseDays).isEqualTo(72);

    scorer.fold(survivor.s, absorbed.s);
    ProfileLogic.fold(survivor.p, absorbed.p);

    assertThat(survivor.s.recentPurchaseDays).isEqualTo(whole.s.recentPurchaseDays);
    Instant now = T0.plusMillis(400 * DAY);
    Scores folded = score(survivor, now);
    Scores direct = score(whole, now);
    assertThat(folded.usualCadenceDays).isEqualTo(direct.usualCadenceDays).isEqualTo(6.0);
    assertThat(folded.reasons)
        .contains("no purchase for 45 days against a usual 6-day cadence")
        .filteredOn(r -> r.contains("cadence"))
        .isEqualTo(direct.reasons.stream().filter(r -> r.contains("cadence")).toList());
    // the count of distinct days (for BG/NBD) is exact for the shared days within both windows
    // (210, 240, 270, 300, 330) and the common first day; the six shared days older than either
    // window (30 to 180) still count twice: 66 against 60
    assertThat(survivor.s.purchaseDays).isEqualTo(66);
  }

  @Test
  void stateWithoutTheWindowStillScoresAndStartsOne() {
    // a score state written before the window was kept: counts, first and last purchase only
    Person p = new Person("C30", CustomerProfile.CUSTOMER);
    for (int i = 0; i < 5; i++) {
      buy(p, 10, T0.plusMillis(i * 10 * DAY));
    }
    p.s.recentPurchaseDays = new int[0];
    Scores before = score(p, T0.plusMillis(41 * DAY));
    assertThat(before.usualCadenceDays).isEqualTo(10.0);
    assertThat(before.repeatPurchases).isEqualTo(4);
    buy(p, 10, T0.plusMillis(40 * DAY + 60_000)); // the last day again: not a new day
    buy(p, 10, T0.plusMillis(48 * DAY));
    // a late purchase on day 25: the days before 40 are unknown, so it stays out of the window
    buy(p, 10, T0.plusMillis(25 * DAY));
    assertThat(p.s.purchaseDays).isEqualTo(7);
    assertThat(p.s.recentPurchaseDays).containsExactly(40 + dayOfT0(), 48 + dayOfT0());
    // a window that misses older days gives no cadence: the whole history's mean gap (48 / 6)
    assertThat(score(p, T0.plusMillis(49 * DAY)).usualCadenceDays).isEqualTo(8.0);
    for (int i = 0; i < PurchaseDays.WINDOW - 2; i++) {
      buy(p, 10, T0.plusMillis((50 + 2 * i) * DAY));
    }
    // full again: the latest 16 days, 40, 48 and every other day from 50 to 76
    assertThat(p.s.recentPurchaseDays).hasSize(PurchaseDays.WINDOW);
    assertThat(score(p, T0.plusMillis(77 * DAY)).usualCadenceDays).isEqualTo(2.4);
  }

  private static int dayOfT0() {
    return (int) Math.floorDiv(T0.toEpochMilli(), DAY);
  }

  @Test
  void purchaseDaysCountDistinctDaysAndRegistrationEarnsOnce() {
    Person p = new Person("C5", CustomerProfile.CUSTOMER);
    ProfileUpdate reg = ProfileUpdate.of(ProfileUpdate.CUSTOMER, p.p, T0.toEpochMilli());
    scorer.apply(p.s, reg);
    scorer.apply(p.s, reg);
    buy(p, 10, T0);
    buy(p, 5, T0.plusSeconds(60)); // same day
    buy(p, 20, T0.plusMillis(3 * DAY));
    assertThat(p.s.purchaseDays).isEqualTo(2);
    assertThat(p.s.firstDayAmount).isEqualTo(15.0);
    assertThat(p.s.points).isEqualTo(25 + 3 * 10);
    Scores sc = score(p, T0.plusMillis(3 * DAY));
    assertThat(sc.repeatPurchases).isEqualTo(1);
    assertThat(sc.expectedAverageSpend)
        .isCloseTo(gammaGamma.conditionalExpectedAverageSpend(1, 20), within(0.01));
  }

  @Test
  void rescoringStopsWhenNothingChangesWithTime() {
    Person quiet = new Person("prospect-2", CustomerProfile.PROSPECT);
    say(quiet, 0.3, T0, 10, 0, 0);
    assertThat(scorer.needsRescoring(quiet.s, score(quiet, T0))).isFalse();
    Person angry = new Person("prospect-3", CustomerProfile.PROSPECT);
    say(angry, -0.8, T0, 10, 0, 0);
    assertThat(scorer.needsRescoring(angry.s, score(angry, T0))).isTrue();
    assertThat(scorer.needsRescoring(angry.s, score(angry, T0.plusMillis(8 * DAY)))).isFalse();
    Person buyer = new Person("C6", CustomerProfile.CUSTOMER);
    buy(buyer, 10, T0);
    assertThat(scorer.needsRescoring(buyer.s, score(buyer, T0))).isTrue();
    // a one-time buyer is never "lost" (P(alive) 1): rescoring stops a year after the purchase
    assertThat(scorer.needsRescoring(buyer.s, score(buyer, T0.plusMillis(364 * DAY)))).isTrue();
    Scores yearLater = score(buyer, T0.plusMillis(365 * DAY));
    assertThat(yearLater.pAlive).isEqualTo(1.0);
    assertThat(scorer.needsRescoring(buyer.s, yearLater)).isFalse();
  }
}
