package io.rapport.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.model.CustomerProfile;
import io.rapport.model.CustomerRecord;
import io.rapport.model.ProfileUpdate;
import io.rapport.profile.ProfileLogic;
import io.rapport.scoring.CustomerScorer;
import io.rapport.scoring.PurchaseDays;
import io.rapport.scoring.ScoreState;
import io.rapport.scoring.ScoringConfig;
import io.rapport.testing.Samples;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

class ScoringStateSizeTest {
  private final SerializedState state = new SerializedState();
  private final TypeSerializer<ScoreState> scoreSer = state.serializer(ScoreState.class);

  private int scoreBytesAfter(int purchaseDays) throws Exception {
    CustomerScorer scorer = new CustomerScorer(ScoringConfig.defaults());
    CustomerProfile p = ProfileLogic.newProfile("C1", CustomerProfile.CUSTOMER);
    ScoreState s = new ScoreState();
    for (int d = 0; d < purchaseDays; d++) {
      var t =
          Samples.purchase(
              "t" + d, "C1", 10, Samples.T0.plusMillis(d * 7 * ScoringConfig.DAY_MILLIS));
      scorer.apply(s, ProfileUpdate.transaction(p, t, 10));
    }
    // the same badges whatever the count, so that only the purchase days differ
    s.badges.clear();
    return state.entry("C1", scoreSer, s);
  }

  @Test
  void scoreInputsStopGrowingOnceThePurchaseDayWindowIsFull() throws Exception {
    int few = scoreBytesAfter(5);
    int full = scoreBytesAfter(PurchaseDays.WINDOW);
    assertThat(few).isLessThan(full);
    assertThat(scoreBytesAfter(PurchaseDays.WINDOW + 1)).isEqualTo(full);
    assertThat(scoreBytesAfter(10 * PurchaseDays.WINDOW)).isEqualTo(full);
  }

  @Test
  void theFigureAddsUpItsPartsForScoredCustomers() throws Exception {
    ScoringStateSize size =
        ScoringStateSize.measure(
            300,
            12,
            6,
            k -> {
              CustomerRecord c =
                  Samples.customer("C" + (1_000 + k), "c" + k + "@example.com", "x", "fan_" + k);
              c.updatedAt = Samples.T0;
              return c;
            });
    assertThat(size.customers).isEqualTo(300);
    assertThat(size.total())
        .isEqualTo(size.profileCopy + size.scoreInputs + size.timers + size.forwardingInputs);
    assertThat(size.profileCopy).isPositive();
    // score-customers also keeps the published segments
    assertThat(size.scoreInputs).isGreaterThan(size.forwardingInputs);
    assertThat(size.pendingTimers).isBetween(1L, 300L);
    assertThat(size.timers).isGreaterThanOrEqualTo(size.pendingTimers * 8); // a timestamp each
    // purchase days beyond the window are counted, not kept: at most 16 per customer
    assertThat(size.windowDays).isGreaterThan(300L).isLessThanOrEqualTo(300L * PurchaseDays.WINDOW);
    assertThat(size.describe(12, 6)).contains("bytes/customer").contains("300 customers");
  }
}
