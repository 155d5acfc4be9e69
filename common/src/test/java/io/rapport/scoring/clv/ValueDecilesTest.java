package io.rapport.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueDecilesTest {

  @Test
  void topValuesGetDecileOne() {
    double[] values = new double[20];
    for (int i = 0; i < 20; i++) {
      values[i] = i;
    }
    int[] deciles = ValueDeciles.of(values);
    assertThat(deciles[19]).isEqualTo(1);
    assertThat(deciles[18]).isEqualTo(1);
    assertThat(deciles[17]).isEqualTo(2);
    assertThat(deciles[0]).isEqualTo(10);
  }

  @Test
  void sizesDifferByAtMostOneAndNanRanksLast() {
    double[] values = {5, Double.NaN, 5, 5, 1, 2, 3};
    int[] deciles = ValueDeciles.of(values);
    assertThat(deciles[1]).isEqualTo(java.util.Arrays.stream(deciles).max().orElseThrow());
    assertThat(deciles[0]).isLessThan(deciles[2]); // ties broken by position
    assertThat(ValueDeciles.of(new double[0])).isEmpty();
    assertThat(ValueDeciles.of(new double[] {3})).containsExactly(1);
  }
}
