package io.rapport.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoyaltyTest {
  @Test
  void levelsByPoints() {
    ScoringConfig c = ScoringConfig.defaults();
    assertThat(Loyalty.level(c, 0)).isEqualTo(Loyalty.BRONZE);
    assertThat(Loyalty.level(c, 99)).isEqualTo(Loyalty.BRONZE);
    assertThat(Loyalty.level(c, 100)).isEqualTo(Loyalty.SILVER);
    assertThat(Loyalty.level(c, 500)).isEqualTo(Loyalty.GOLD);
    assertThat(Loyalty.level(c, 2000)).isEqualTo(Loyalty.PLATINUM);
  }

  @Test
  void pointsAreConfigurablePerAction() {
    var points = Loyalty.parsePoints("purchase=3, referral=100");
    assertThat(points)
        .containsEntry(Loyalty.PURCHASE, 3)
        .containsEntry(Loyalty.REFERRAL, 100)
        .containsEntry(Loyalty.REVIEW, 20);
    assertThatThrownBy(() -> Loyalty.parsePoints("likes=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("likes=1");
  }

  @Test
  void badgesOnceEachInTheOrderEarned() {
    ScoreState s = new ScoreState();
    s.recommendations = 3;
    Loyalty.awardBadges(s);
    s.purchaseDays = 1;
    Loyalty.awardBadges(s);
    Loyalty.awardBadges(s);
    assertThat(s.badges).containsExactly(Loyalty.ADVOCATE, Loyalty.FIRST_PURCHASE);
  }
}
