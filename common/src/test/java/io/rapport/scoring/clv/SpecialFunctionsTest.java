package io.rapport.scoring.clv;

import static io.rapport.scoring.clv.SpecialFunctions.hyp2f1;
import static io.rapport.scoring.clv.SpecialFunctions.hyp2f1Reduced;
import static io.rapport.scoring.clv.SpecialFunctions.lnGamma;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

  @Test
  void lnGammaMatchesKnownValues() {
    assertThat(lnGamma(1)).isCloseTo(0, within(1e-14));
    assertThat(lnGamma(2)).isCloseTo(0, within(1e-14));
    assertThat(lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    assertThat(lnGamma(5)).isCloseTo(Math.log(24), within(1e-14));
    assertThat(lnGamma(10)).isCloseTo(Math.log(362880), within(1e-13));
    assertThat(lnGamma(100)).isCloseTo(359.13420536957539878, within(1e-12));
    // Gamma(1/3) = 2.678938534707747633...
    assertThat(lnGamma(1.0 / 3)).isCloseTo(Math.log(2.678938534707747633), within(1e-14));
    // Gamma(x) ~ 1/x - gamma_Euler for small x
    assertThat(lnGamma(1e-8)).isCloseTo(-Math.log(1e-8) - 0.5772156649015329e-8, within(1e-12));
    assertThat(lnGamma(1e6)).isCloseTo(12815504.569147612, within(1e-6));
  }

  @Test
  void lnGammaSatisfiesTheRecurrence() {
    for (double x = 0.05; x < 30; x += 0.37) {
      assertThat(lnGamma(x + 1) - lnGamma(x)).as("x=%s", x).isCloseTo(Math.log(x), within(1e-13));
    }
  }

  @Test
  void lnGammaRejectsNonPositive() {
    assertThatThrownBy(() -> lnGamma(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lnGamma(-1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lnGamma(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hyp2f1MatchesClosedForms() {
    for (double z : new double[] {-0.9, -0.3, 0.0, 0.1, 0.5, 0.9, 0.99, 0.999}) {
      // 2F1(1, 1; 2; z) = -ln(1 - z) / z
      double log = z == 0 ? 1 : -Math.log1p(-z) / z;
      assertThat(hyp2f1(1, 1, 2, z)).as("z=%s", z).isCloseTo(log, within(1e-12 * log));
      // 2F1(a, b; b; z) = (1 - z)^-a
      double power = Math.pow(1 - z, -0.7);
      assertThat(hyp2f1(0.7, 2.3, 2.3, z)).as("z=%s", z).isCloseTo(power, within(1e-12 * power));
    }
    // 2F1(1/2, 1/2; 3/2; s^2) = asin(s) / s
    double s = 0.95;
    assertThat(hyp2f1(0.5, 0.5, 1.5, s * s)).isCloseTo(Math.asin(s) / s, within(1e-13));
    // a non-positive integer a makes a polynomial: 2F1(-2, b; c; z) = 1 - 2bz/c +
    // b(b+1)z^2/(c(c+1))
    double b = 1.7;
    double c = 3.1;
    double z = 0.6;
    assertThat(hyp2f1(-2, b, c, z))
        .isCloseTo(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), within(1e-14));
  }

  @Test
  void hyp2f1HandlesNegativeParameters() {
    // 2F1(a, b; b; z) = (1 - z)^-a also for negative non-integer b = c
    for (double z : new double[] {-0.5, 0.3, 0.95}) {
      double power = Math.pow(1 - z, -0.7);
      assertThat(hyp2f1(0.7, -0.5, -0.5, z)).as("z=%s", z).isCloseTo(power, within(1e-12 * power));
      double inverse = Math.pow(1 - z, 1.5);
      assertThat(hyp2f1(-1.5, 0.4, 0.4, z)).as("z=%s", z).isCloseTo(inverse, within(1e-12));
    }
  }

  @Test
  void reducedSeriesIsTheLimitAtBZero() {
    // (2F1(a, b; a; z) - 1) / b -> sum z^n / n = -ln(1 - z) as b -> 0
    for (double z : new double[] {0.2, 0.8, 0.98}) {
      assertThat(hyp2f1Reduced(1.3, 0, 1.3, z)).isCloseTo(-Math.log1p(-z), within(1e-12));
      double b = 1e-3;
      assertThat(hyp2f1Reduced(1.3, b, 1.3, z))
          .isCloseTo((Math.pow(1 - z, -b) - 1) / b, within(1e-10));
    }
  }

  @Test
  void hyp2f1RejectsOutOfDomainAndReportsNonConvergence() {
    assertThatThrownBy(() -> hyp2f1(1, 1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hyp2f1(1, 1, -2, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SpecialFunctions.hyp2f1Reduced(1, 1, 2, 0.999999, 1000))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("did not converge");
  }
}
