package io.rapport.jobs.bench;

import io.rapport.model.Author;
import io.rapport.model.CustomerProfile;
import io.rapport.model.CustomerRecord;
import io.rapport.model.Engagement;
import io.rapport.model.EnrichedMention;
import io.rapport.model.ProfileUpdate;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.profile.ProfileLogic;
import io.rapport.scoring.CustomerScorer;
import io.rapport.scoring.InfluenceDistribution;
import io.rapport.scoring.PurchaseDays;
import io.rapport.scoring.ScoreState;
import io.rapport.scoring.Scores;
import io.rapport.scoring.ScoringConfig;
import io.rapport.scoring.SpendDistribution;
import io.rapport.text.Analysis;
import io.rapport.text.IntentDetector;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The scoring stage's keyed state per customer, as {@link SerializedState} counts it: what
 * score-customers keeps (its copy of the profile, the score inputs, the daily rescoring timer while
 * one is pending) and what route-to-survivor keeps for merges only when scoring is on (each id's
 * own score inputs). Customer {@code k} has a CRM record, {@code 1 + k*7919 mod (2P-1)} purchases
 * on distinct days (1 to 2P-1, P on average) every 7 to 59 days, and {@code k*104729 mod (2M+1)}
 * mentions (0 to 2M, M on average; a third negative, some recommendations, shares and a churn
 * statement), the latest 4 to 6 days before it is scored; it is scored once, as score-customers
 * does.
 */
final class ScoringStateSize {
  private static final long DAY = ScoringConfig.DAY_MILLIS;
  private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

  long customers;
  long profileCopy;
  long scoreInputs;
  long timers;
  long pendingTimers;
  long forwardingInputs;
  long windowDays;
  long operatorState;

  long total() {
    return profileCopy + scoreInputs + timers + forwardingInputs;
  }

  /**
   * Builds and measures {@code customers} scored customers; {@code record} gives customer {@code
   * k}'s CRM record.
   */
  static ScoringStateSize measure(
      int customers, int purchases, int mentions, IntFunction<CustomerRecord> record)
      throws IOException {
    SerializedState state = new SerializedState();
    TypeSerializer<CustomerProfile> profileSer = state.serializer(CustomerProfile.class);
    TypeSerializer<ScoreState> scoreSer = state.serializer(ScoreState.class);
    ScoringConfig config = ScoringConfig.defaults();
    CustomerScorer scorer = new CustomerScorer(config);
    InfluenceDistribution influence = new InfluenceDistribution();
    SpendDistribution clvs = new SpendDistribution();
    ScoringStateSize size = new ScoringStateSize();
    long now = NOW.toEpochMilli();
    for (int k = 0; k < customers; k++) {
      CustomerRecord c = record.apply(k);
      String id = c.customerId;
      CustomerProfile p = ProfileLogic.newProfile(id, CustomerProfile.CUSTOMER);
      ScoreState scores = new ScoreState(); // score-customers
      ScoreState own = new ScoreState(); // route-to-survivor, for a merge
      int n = 1 + (int) ((k * 7919L) % (2L * purchases - 1));
      int m = (int) ((k * 104729L) % (2L * mentions + 1));
      long gap = (7 + k % 53) * DAY;
      long first = now - n * gap - (k % 36_000) * 1000L;
      ProfileLogic.applyCustomer(p, c);
      ProfileUpdate registration = ProfileUpdate.of(ProfileUpdate.CUSTOMER, p, first - DAY);
      scorer.apply(scores, registration);
      scorer.apply(own, registration);
      // purchases and mentions in time order
      int i = 0;
      int j = 0;
      while (i < n || j < m) {
        long purchaseAt = i < n ? first + i * gap : Long.MAX_VALUE;
        long mentionAt = j < m ? now - (m - j) * 5 * DAY + (k % 3) * DAY - DAY : Long.MAX_VALUE;
        ProfileUpdate u;
        if (purchaseAt <= mentionAt) {
          Transaction t = purchase(id, i++, purchaseAt);
          ProfileLogic.applyTransaction(p, t, t.amount);
          u = ProfileUpdate.transaction(p, t, t.amount);
        } else {
          EnrichedMention em = mention(k, j++, mentionAt);
          ProfileLogic.applyMention(p, em.mention, em.analysis.compound);
          u = ProfileUpdate.mention(p, em);
        }
        scorer.apply(scores, u);
        scorer.apply(own, u);
      }
      Scores sc = scorer.score(scores, p, now, influence, clvs);
      scorer.segmentChanges(scores, sc, id);
      if (scorer.needsRescoring(scores, sc)) {
        scores.timerAt =
            (Math.floorDiv(scores.clock, config.rescoreIntervalMillis) + 1)
                * config.rescoreIntervalMillis;
        size.timers += state.timer(id, scores.timerAt);
        size.pendingTimers++;
      }
      size.profileCopy += state.entry(id, profileSer, p);
      size.scoreInputs += state.entry(id, scoreSer, scores);
      size.forwardingInputs += state.entry(id, scoreSer, own);
      size.windowDays += scores.recentPurchaseDays.length;
      size.customers++;
    }
    size.operatorState = 8L * (influence.toArray().length + clvs.toArray().length);
    return size;
  }

  private static Transaction purchase(String id, int i, long at) {
    Transaction t = new Transaction();
    t.transactionId = id + "-t" + i;
    t.type = "purchase";
    t.time = Instant.ofEpochMilli(at);
    t.amount = 15 + (at / DAY) % 80;
    t.currency = "EUR";
    t.channel = i % 3 == 0 ? "store" : "web";
    return t;
  }

  private static EnrichedMention mention(int k, int j, long at) {
    SocialMention sm = new SocialMention();
    sm.mentionId = "1" + (7_000_000_000_000L + 32L * k + j);
    sm.platform = "x";
    sm.brand = j % 4 == 3 ? "northwind" : "lumen";
    sm.author = new Author();
    sm.author.handle = "fan_" + k;
    sm.author.followers = 50 + k % 20_000;
    sm.time = Instant.ofEpochMilli(at);
    sm.engagement = new Engagement();
    sm.engagement.likes = (k + j) % 40;
    sm.engagement.reposts = (k + j) % 4;
    if (j % 5 == 2) {
      sm.repostOf = "1" + (6_000_000_000_000L + k);
    }
    Analysis a = new Analysis();
    a.lang = "es";
    a.compound = j % 3 == 0 ? -0.6 : 0.5;
    a.intents =
        j % 4 == 1
            ? List.of(IntentDetector.RECOMMENDATION)
            : j % 7 == 6 ? List.of(IntentDetector.CHURN_THREAT) : List.of();
    return new EnrichedMention(sm, a);
  }

  /** One line: bytes per scored customer, by part. */
  String describe(int purchases, int mentions) {
    double n = customers;
    return String.format(
        Locale.ROOT,
        "scoring state at %d customers (%d purchase days and %d mentions each on average): %.0f"
            + " bytes/customer serialized (score-customers: profile copy %.0f, score inputs %.0f,"
            + " rescoring timer %.0f (pending for %.0f%%); route-to-survivor score inputs %.0f);"
            + " %.2f GB in all; %.1f purchase days kept per customer (at most %d); per subtask"
            + " operator state (populations) %d bytes",
        customers,
        purchases,
        mentions,
        total() / n,
        profileCopy / n,
        scoreInputs / n,
        timers / n,
        100 * pendingTimers / n,
        forwardingInputs / n,
        total() / 1e9,
        windowDays / n,
        PurchaseDays.WINDOW,
        operatorState);
  }
}
