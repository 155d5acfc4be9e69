package io.rapport.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClvTest {

  private static final BgNbd PURCHASES = new BgNbd(0.2426, 4.4135, 0.7929, 2.4258);
  private static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44);

  @Test
  void withoutDiscountingItIsExpectedPurchasesTimesExpectedSpend() {
    Clv clv = new Clv(PURCHASES, SPEND, 12, 52.0 / 12, 0.0);
    double expected =
        PURCHASES.conditionalExpectedPurchases(52, 2, 30.43, 38.86)
            * SPEND.conditionalExpectedAverageSpend(2, 22.35);
    assertThat(clv.value(2, 30.43, 38.86, 22.35)).isCloseTo(expected, within(1e-10));
    assertThat(clv.value(CustomerSummary.of(2, 30.43, 38.86, 22.35)))
        .isEqualTo(clv.value(2, 30.43, 38.86, 22.35));
    assertThat(clv.discountedExpectedPurchases(2, 30.43, 38.86))
        .isCloseTo(PURCHASES.conditionalExpectedPurchases(52, 2, 30.43, 38.86), within(1e-12));
  }

  @Test
  void oneUndiscountedPeriodIsTheConditionalExpectation() {
    Clv clv = new Clv(PURCHASES, SPEND, 1, 39, 0.0);
    assertThat(clv.discountedExpectedPurchases(2, 30.43, 38.86)).isCloseTo(1.226, within(5e-4));
  }

  @Test
  void discountingLowersTheValueAndPeriodsAddUp() {
    Clv undiscounted = new Clv(PURCHASES, SPEND, 12, 4, 0.0);
    Clv discounted = new Clv(PURCHASES, SPEND, 12, 4, 0.01);
    Clv longer = new Clv(PURCHASES, SPEND, 24, 4, 0.01);
    double u = undiscounted.value(5, 30, 38, 40);
    double d = discounted.value(5, 30, 38, 40);
    assertThat(d).isPositive().isLessThan(u);
    assertThat(longer.value(5, 30, 38, 40)).isGreaterThan(d);
    // each period's purchases discounted at its end: between the two extremes
    assertThat(d).isGreaterThan(u / Math.pow(1.01, 12));
  }

  @Test
  void valueIsHigherForRecentAndFrequentBuyers() {
    Clv clv = Clv.monthsFromWeeks(PURCHASES, SPEND, 12, 0.10);
    assertThat(clv.periods()).isEqualTo(12);
    assertThat(clv.periodLength()).isCloseTo(52.0 / 12, within(1e-12));
    assertThat(clv.discountRate()).isCloseTo(Math.pow(1.1, 1.0 / 12) - 1, within(1e-15));
    assertThat(clv.value(5, 37, 38, 30)).isGreaterThan(clv.value(5, 10, 38, 30));
    assertThat(clv.value(8, 37, 38, 30)).isGreaterThan(clv.value(2, 37, 38, 30));
    assertThat(clv.value(5, 37, 38, 60)).isGreaterThan(clv.value(5, 37, 38, 30));
    assertThat(clv.value(0, 0, 38, 0)).isPositive();
  }

  @Test
  void cdnowValuesAreFiniteAndRankable() {
    Clv clv = Clv.monthsFromWeeks(PURCHASES, SPEND, 12, 0.10);
    List<CustomerSummary> cdnow = CdnowData.summaries();
    double[] values = cdnow.stream().mapToDouble(clv::value).toArray();
    for (double v : values) {
      assertThat(v).isFinite().isNotNegative();
    }
    int[] deciles = ValueDeciles.of(values);
    double top = 0;
    double bottom = 0;
    for (int i = 0; i < values.length; i++) {
      if (deciles[i] == 1) {
        top += values[i];
      } else if (deciles[i] == 10) {
        bottom += values[i];
      }
    }
    assertThat(top).isGreaterThan(5 * bottom);
  }

  @Test
  void rejectsBadHorizons() {
    assertThatThrownBy(() -> new Clv(PURCHASES, SPEND, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Clv(PURCHASES, SPEND, 1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Clv(PURCHASES, SPEND, 1, 1, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
