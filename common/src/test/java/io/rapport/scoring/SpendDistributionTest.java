package io.rapport.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpendDistributionTest {
  @Test
  void decilesOfAUniformPopulation() {
    SpendDistribution d = new SpendDistribution();
    // spends 5% apart, so that each customer has a bucket (2% wide) of their own
    for (int i = 1; i <= 100; i++) {
      d.update(0, spend(i));
    }
    assertThat(d.population()).isEqualTo(100);
    assertThat(d.decile(spend(100))).isEqualTo(10);
    assertThat(d.decile(spend(91))).isEqualTo(10); // 9 of 100 spend more
    assertThat(d.decile(spend(90))).isEqualTo(9); // 10 of 100 spend more
    assertThat(d.decile(spend(1))).isEqualTo(1);
    assertThat(d.decile(0)).isZero();
    assertThat(d.shareAbove(spend(100))).isZero();
  }

  @Test
  void customersInOneBucketCountAsEqual() {
    SpendDistribution d = new SpendDistribution();
    d.update(0, 900);
    d.update(0, 905); // within 2%: same bucket
    assertThat(d.shareAbove(900)).isZero();
  }

  private static double spend(int i) {
    return 10 * Math.pow(1.05, i);
  }

  @Test
  void updatesMoveCustomersAndSurviveRoundTrip() {
    SpendDistribution d = new SpendDistribution();
    d.update(0, 50);
    d.update(0, 500);
    d.update(500, 0);
    assertThat(d.population()).isEqualTo(1);
    d.update(50, 5e12); // beyond the last bucket: clamped, still counted
    SpendDistribution copy = SpendDistribution.fromArray(d.toArray());
    assertThat(copy.population()).isEqualTo(1);
    assertThat(copy.decile(5e12)).isEqualTo(10);
  }
}
