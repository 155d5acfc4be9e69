package io.rapport.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InfluenceDistributionTest {
  @Test
  void percentileCountsLowerBucketsAndHalfOfItsOwn() {
    InfluenceDistribution d = new InfluenceDistribution();
    for (int i = 0; i < 100; i++) {
      d.update(-1, i); // one person at each of 0..99
    }
    assertThat(d.population()).isEqualTo(100);
    // 90 below, itself half
    assertThat(d.percentile(90)).isCloseTo(90.5, within(1e-9));
    assertThat(d.percentile(0)).isCloseTo(0.5, within(1e-9));
    assertThat(d.percentile(100)).isCloseTo(100.0, within(1e-9)); // above everyone
  }

  @Test
  void movingAndRemovingAPersonKeepsThePopulation() {
    InfluenceDistribution d = new InfluenceDistribution();
    d.update(-1, 10);
    d.update(-1, 20);
    d.update(10, 30); // the first moves above the second
    assertThat(d.population()).isEqualTo(2);
    assertThat(d.percentile(30)).isCloseTo(75.0, within(1e-9));
    d.update(30, -1);
    assertThat(d.population()).isEqualTo(1);
    assertThat(InfluenceDistribution.fromArray(d.toArray()).percentile(20))
        .isCloseTo(50.0, within(1e-9));
  }

  @Test
  void mergeAddsCounts() {
    InfluenceDistribution a = new InfluenceDistribution();
    a.update(-1, 5);
    InfluenceDistribution b = new InfluenceDistribution();
    b.update(-1, 50);
    a.merge(b.toArray());
    assertThat(a.population()).isEqualTo(2);
    assertThat(a.percentile(50)).isCloseTo(75.0, within(1e-9));
  }
}
