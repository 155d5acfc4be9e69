package io.rapport.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GammaGammaTest {

  private static List<CustomerSummary> cdnow;
  private static GammaGamma fitted;

  @BeforeAll
  static void fitCdnow() {
    cdnow = CdnowData.summaries();
    fitted = GammaGamma.fit(cdnow);
  }

  @Test
  void reproducesThePublishedCdnowEstimates() {
    assertThat(cdnow.stream().filter(s -> s.x > 0).count()).isEqualTo(946);
    GammaGammaParams p = fitted.params();
    // published to two decimals (truncated: the estimate of v is 15.4477, published 15.44)
    assertThat(p.p).isCloseTo(6.25, within(0.01));
    assertThat(p.q).isCloseTo(3.74, within(0.01));
    assertThat(p.v).isCloseTo(15.44, within(0.01));
  }

  @Test
  void reproducesThePublishedConditionalSpendOfTheFirstTenCustomers() {
    double[] published = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
    for (int i = 0; i < published.length; i++) {
      CustomerSummary s = cdnow.get(i);
      // within a cent: the published figures are truncated (the first is 24.6586)
      assertThat(fitted.conditionalExpectedAverageSpend(s.x, s.zbar))
          .as("customer %s", s.id)
          .isCloseTo(published[i], within(0.01));
    }
  }

  @Test
  void conditionalSpendIsAWeightedAverageOfPopulationMeanAndOwnMean() {
    GammaGamma m = new GammaGamma(6, 4, 15);
    double populationMean = 6 * 15 / 3.0;
    assertThat(m.conditionalExpectedAverageSpend(0, 123)).isCloseTo(populationMean, within(1e-12));
    double zbar = 50;
    double previous = populationMean;
    for (int x = 1; x < 1000; x *= 3) {
      double e = m.conditionalExpectedAverageSpend(x, zbar);
      assertThat(e).isBetween(previous, zbar);
      double weight = 6.0 * x / (6.0 * x + 3);
      assertThat(e).isCloseTo(weight * zbar + (1 - weight) * populationMean, within(1e-12));
      previous = e;
    }
    // no finite mean when p x + q <= 1
    assertThat(new GammaGamma(1, 0.8, 10).conditionalExpectedAverageSpend(0, 0))
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void logLikelihoodIsADensityInZbar() {
    // integrate f(zbar | x = 3) over zbar by the trapezoid rule on a log grid
    GammaGamma m = new GammaGamma(6, 4, 15);
    double integral = 0;
    double step = 0.001;
    for (double u = Math.log(1e-3); u < Math.log(1e4); u += step) {
      double z = Math.exp(u);
      integral += Math.exp(m.logLikelihood(3, z)) * z * step;
    }
    assertThat(integral).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void fitRecoversSimulatedParameters() {
    double p = 4;
    double q = 3;
    double v = 20;
    Random random = new Random(7);
    List<CustomerSummary> data = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      int x = 1 + random.nextInt(6);
      double nu = BgNbdTest.gamma(random, q) / v;
      double total = 0;
      for (int j = 0; j < x; j++) {
        total += BgNbdTest.gamma(random, p) / nu;
      }
      data.add(CustomerSummary.of(x, 1, 2, total / x));
    }
    data.add(CustomerSummary.of(0, 0, 2)); // skipped
    GammaGamma fit = GammaGamma.fit(data);
    GammaGamma truth = new GammaGamma(p, q, v);
    double fitLl = 0;
    double trueLl = 0;
    for (CustomerSummary s : data.subList(0, 4000)) {
      fitLl += fit.logLikelihood(s.x, s.zbar);
      trueLl += truth.logLikelihood(s.x, s.zbar);
    }
    assertThat(fitLl).isGreaterThanOrEqualTo(trueLl);
    // p and v are strongly correlated along a ridge; the population mean p v / (q - 1) is sharp
    GammaGammaParams got = fit.params();
    assertThat(got.p * got.v / (got.q - 1)).isCloseTo(p * v / (q - 1), within(0.05 * 40));
    assertThat(got.q).isCloseTo(q, within(0.15 * q));
    assertThat(got.p).isCloseTo(p, within(0.4 * p));
  }

  @Test
  void fitRejectsDegenerateInput() {
    assertThatThrownBy(() -> GammaGamma.fit(List.of(CustomerSummary.of(0, 0, 5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two repeat buyers");
    assertThatThrownBy(
            () ->
                GammaGamma.fit(
                    List.of(
                        new CustomerSummary("a", 1, 1, 2, 10),
                        new CustomerSummary("b", 2, 1, 2, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customer b")
        .hasMessageContaining("zbar");
    List<CustomerSummary> sameSpend = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sameSpend.add(CustomerSummary.of(1 + i % 4, 1, 2, 25.0));
    }
    assertThatThrownBy(() -> GammaGamma.fit(sameSpend))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("boundary");
  }
}
