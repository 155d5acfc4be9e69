package io.rapport.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BgNbdTest {

  /** Fader, Hardie &amp; Lee (2005), CDNOW: r, alpha, a, b. */
  private static final double[] PUBLISHED = {0.2426, 4.4135, 0.7929, 2.4258};

  private static final BgNbd PAPER = new BgNbd(0.2426, 4.4135, 0.7929, 2.4258);

  private static List<CustomerSummary> cdnow;
  private static BgNbd fitted;

  @BeforeAll
  static void fitCdnow() {
    cdnow = CdnowData.summaries();
    fitted = BgNbd.fit(cdnow);
  }

  @Test
  void reproducesThePublishedCdnowEstimates() {
    assertThat(cdnow).hasSize(2357);
    BgNbdParams p = fitted.params();
    double[] got = {p.r, p.alpha, p.a, p.b};
    for (int i = 0; i < 4; i++) {
      assertThat(got[i]).as("param %d", i).isCloseTo(PUBLISHED[i], within(0.005 * PUBLISHED[i]));
    }
    // the paper reports LL = -9582.4; the estimate is at least as good as the published one
    assertThat(fitted.logLikelihood(cdnow)).isCloseTo(-9582.4, within(0.05));
    assertThat(fitted.logLikelihood(cdnow)).isGreaterThanOrEqualTo(PAPER.logLikelihood(cdnow));
  }

  @Test
  void reproducesThePublishedExpectedPurchasesOfANewCustomer() {
    double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
    double[] published = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
    for (int i = 0; i < t.length; i++) {
      assertThat(fitted.expectedPurchases(t[i]))
          .as("t=%s", t[i])
          .isCloseTo(published[i], within(5e-4));
    }
  }

  @Test
  void reproducesThePublishedConditionalExpectation() {
    assertThat(fitted.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
        .isCloseTo(1.226, within(5e-4));
  }

  @Test
  void conditionalExpectationMatchesThePapersFormulaComputedDirectly() {
    double r = 0.2426;
    double alpha = 4.4135;
    double a = 0.7929;
    double b = 2.4258;
    double[][] cases = {{39, 2, 30.43, 38.86}, {10, 0, 0, 20}, {52, 7, 12, 30}, {1, 1, 0.5, 1}};
    for (double[] c : cases) {
      double t = c[0];
      double x = c[1];
      double tx = c[2];
      double bigT = c[3];
      double z = t / (alpha + bigT + t);
      double numerator =
          (a + b + x - 1)
              / (a - 1)
              * (1
                  - Math.pow((alpha + bigT) / (alpha + bigT + t), r + x)
                      * SpecialFunctions.hyp2f1(r + x, b + x, a + b + x - 1, z));
      double denominator =
          1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + bigT) / (alpha + tx), r + x) : 0);
      assertThat(PAPER.conditionalExpectedPurchases(t, x, tx, bigT))
          .isCloseTo(numerator / denominator, within(1e-12));
    }
  }

  @Test
  void logLikelihoodMatchesHandComputedCases() {
    // x = 0: L = (alpha / (alpha + T))^r
    BgNbd m = new BgNbd(0.7, 3, 1.5, 2.5);
    assertThat(m.logLikelihood(0, 0, 10)).isCloseTo(0.7 * Math.log(3.0 / 13), within(1e-14));
    // r = alpha = a = b = 1, x = 1: L = 1/2 (1+T)^-2 + 1/2 (1+t_x)^-2
    BgNbd ones = new BgNbd(1, 1, 1, 1);
    assertThat(ones.logLikelihood(1, 2, 5)).isCloseTo(Math.log(0.5 / 36 + 0.5 / 9), within(1e-14));
    // the total is the sum
    List<CustomerSummary> two = List.of(CustomerSummary.of(0, 0, 10), CustomerSummary.of(3, 4, 10));
    assertThat(m.logLikelihood(two))
        .isCloseTo(m.logLikelihood(0, 0, 10) + m.logLikelihood(3, 4, 10), within(1e-12));
  }

  @Test
  void logLikelihoodStaysFiniteForLargeCountsAndAges() {
    assertThat(PAPER.logLikelihood(10_000, 999, 1000)).isFinite();
    assertThat(PAPER.logLikelihood(1_000_000, 99_999, 100_000)).isFinite();
    assertThat(PAPER.logLikelihood(0, 0, 1e9)).isFinite();
  }

  @Test
  void probabilityAliveIsOneWithoutRepeatPurchases() {
    assertThat(PAPER.probabilityAlive(0, 0, 1)).isEqualTo(1.0);
    assertThat(PAPER.probabilityAlive(0, 0, 1000)).isEqualTo(1.0);
  }

  @Test
  void probabilityAliveFallsWithTimeSinceTheLastPurchase() {
    double previous = 1.0;
    for (double tx = 40; tx >= 0; tx -= 4) {
      double p = PAPER.probabilityAlive(3, tx, 40);
      assertThat(p).isBetween(0.0, 1.0).isLessThan(previous);
      previous = p;
    }
    // a purchase just now: 1 / (1 + a / (b + x - 1))
    assertThat(PAPER.probabilityAlive(3, 40, 40))
        .isCloseTo(1 / (1 + 0.7929 / (2.4258 + 2)), within(1e-14));
    // a heavy buyer who has gone quiet for long is almost surely gone, without overflow
    assertThat(PAPER.probabilityAlive(500, 1, 1000)).isCloseTo(0.0, within(1e-100));
  }

  @Test
  void expectedPurchasesBehaveAtTheLimits() {
    BgNbd m = new BgNbd(2, 1, 3, 2);
    assertThat(m.expectedPurchases(0)).isEqualTo(0.0);
    // initial rate: E[X(t)] ~ r t / alpha
    assertThat(m.expectedPurchases(1e-7) / 1e-7).isCloseTo(2.0, within(1e-5));
    // each customer buys 1/p times in all: E[X(inf)] = (a + b - 1)/(a - 1) when a > 1
    assertThat(m.expectedPurchases(1e5)).isCloseTo(2.0, within(1e-6));
    double previous = 0;
    for (double t = 1; t < 200; t *= 1.5) {
      double e = m.expectedPurchases(t);
      assertThat(e).isGreaterThan(previous);
      previous = e;
    }
  }

  @Test
  void conditionalExpectationOfANewbornCustomerIsTheUnconditionalOne() {
    for (double t : new double[] {1, 10, 78}) {
      assertThat(PAPER.conditionalExpectedPurchases(t, 0, 0, 1e-12))
          .isCloseTo(PAPER.expectedPurchases(t), within(1e-9));
    }
  }

  @Test
  void conditionalExpectationGrowsWithTheHorizonAndRecency() {
    assertThat(PAPER.conditionalExpectedPurchases(0, 2, 30, 38)).isEqualTo(0.0);
    double previous = 0;
    for (double t = 1; t < 500; t *= 2) {
      double e = PAPER.conditionalExpectedPurchases(t, 2, 30, 38);
      assertThat(e).isGreaterThan(previous);
      previous = e;
    }
    assertThat(PAPER.conditionalExpectedPurchases(10, 5, 35, 38))
        .isGreaterThan(PAPER.conditionalExpectedPurchases(10, 5, 10, 38));
    assertThat(PAPER.conditionalExpectedPurchases(10, 8, 35, 38))
        .isGreaterThan(PAPER.conditionalExpectedPurchases(10, 2, 35, 38));
  }

  @Test
  void heavyBuyersAreStable() {
    // ~ rate (r + x)/(alpha + T) ~ 4.8 a week over 10 weeks, times P(alive), minus drop-outs
    double alive = PAPER.probabilityAlive(500, 99, 100);
    double e = PAPER.conditionalExpectedPurchases(10, 500, 99, 100);
    assertThat(e).isFinite().isBetween(0.9 * alive * 48, alive * 48.1);
    assertThat(PAPER.conditionalExpectedPurchases(10, 100_000, 99.99, 100)).isFinite().isPositive();
  }

  @Test
  void smoothThroughAEqualsOne() {
    double below = new BgNbd(0.5, 3, 1 - 1e-9, 2).conditionalExpectedPurchases(20, 3, 5, 10);
    double at = new BgNbd(0.5, 3, 1, 2).conditionalExpectedPurchases(20, 3, 5, 10);
    double above = new BgNbd(0.5, 3, 1 + 1e-9, 2).conditionalExpectedPurchases(20, 3, 5, 10);
    assertThat(at).isCloseTo(below, within(1e-8)).isCloseTo(above, within(1e-8));
    assertThat(new BgNbd(0.5, 3, 1, 2).expectedPurchases(20)).isFinite().isPositive();
  }

  @Test
  void rejectsInvalidInput() {
    assertThatThrownBy(() -> PAPER.probabilityAlive(-1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PAPER.probabilityAlive(1.5, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PAPER.probabilityAlive(1, 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t_x");
    assertThatThrownBy(() -> PAPER.conditionalExpectedPurchases(-1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BgNbd(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fitRejectsDegenerateInput() {
    assertThatThrownBy(() -> BgNbd.fit(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no customer");
    assertThatThrownBy(
            () -> BgNbd.fit(List.of(CustomerSummary.of(0, 0, 10), CustomerSummary.of(0, 0, 20))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no customer made a repeat purchase");
    assertThatThrownBy(
            () ->
                BgNbd.fit(
                    List.of(
                        new CustomerSummary("c1", 1, 5, 10, 0),
                        new CustomerSummary("c2", 1, 15, 10, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c2")
        .hasMessageContaining("t_x");
  }

  @Test
  void fitRejectsBoundarySolutions() {
    List<CustomerSummary> identical = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      identical.add(new CustomerSummary("c" + i, 2, 5, 10, 0));
    }
    assertThatThrownBy(() -> BgNbd.fit(identical))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("boundary of the parameter space")
        .hasMessageContaining("-> infinity");
  }

  @Test
  void fitDoesNotDependOnTheTimeUnit() {
    List<CustomerSummary> days = new ArrayList<>();
    for (CustomerSummary s : cdnow) {
      days.add(CustomerSummary.of(s.x, 7 * s.tx, 7 * s.T));
    }
    BgNbdParams inDays = BgNbd.fit(days).params();
    BgNbdParams inWeeks = fitted.params();
    assertThat(inDays.r).isCloseTo(inWeeks.r, within(1e-5 * inWeeks.r));
    assertThat(inDays.alpha).isCloseTo(7 * inWeeks.alpha, within(1e-5 * 7 * inWeeks.alpha));
    assertThat(inDays.a).isCloseTo(inWeeks.a, within(1e-5 * inWeeks.a));
    assertThat(inDays.b).isCloseTo(inWeeks.b, within(1e-5 * inWeeks.b));
  }

  @Test
  void fitRecoversSimulatedParameters() {
    double r = 0.5;
    double alpha = 5;
    double a = 1.2;
    double b = 3;
    Random random = new Random(42);
    List<CustomerSummary> data = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      double bigT = 20 + 40 * random.nextDouble();
      double lambda = gamma(random, r) / alpha;
      double ga = gamma(random, a);
      double p = ga / (ga + gamma(random, b));
      int x = 0;
      double tx = 0;
      double t = 0;
      while (true) {
        t += -Math.log(1 - random.nextDouble()) / lambda;
        if (t > bigT) {
          break;
        }
        x++;
        tx = t;
        if (random.nextDouble() < p) {
          break;
        }
      }
      data.add(CustomerSummary.of(x, tx, bigT));
    }
    BgNbd fit = BgNbd.fit(data);
    BgNbdParams got = fit.params();
    assertThat(fit.logLikelihood(data))
        .isGreaterThanOrEqualTo(new BgNbd(r, alpha, a, b).logLikelihood(data));
    assertThat(got.r).isCloseTo(r, within(0.15 * r));
    assertThat(got.alpha).isCloseTo(alpha, within(0.25 * alpha));
    assertThat(got.a).isCloseTo(a, within(0.4 * a));
    assertThat(got.b).isCloseTo(b, within(0.5 * b));
  }

  /** A Gamma(shape, 1) draw: Marsaglia &amp; Tsang (2000), boosted for shape &lt; 1. */
  static double gamma(Random random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = random.nextGaussian();
      double v = Math.pow(1 + c * z, 3);
      if (v <= 0) {
        continue;
      }
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
