package io.rapport.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecayedTest {
  private static final double H = 10_000;

  @Test
  void meanWeighsEachObservationByHalfLivesElapsed() {
    Decayed d = new Decayed();
    d.add(1.0, 0, H);
    d.add(-1.0, 10_000, H); // the first now weighs 1/2
    // (1 * 0.5 + -1 * 1) / (0.5 + 1)
    assertThat(d.mean(0)).isCloseTo(-0.5 / 1.5, within(1e-12));
    assertThat(d.weight).isCloseTo(1.5, within(1e-12));
    assertThat(d.weightAt(30_000, H)).isCloseTo(1.5 * 0.25, within(1e-12));
  }

  @Test
  void lateObservationGetsTheWeightOfItsAge() {
    Decayed inOrder = new Decayed();
    inOrder.add(0.2, 0, H);
    inOrder.add(0.8, 20_000, H);
    Decayed late = new Decayed();
    late.add(0.8, 20_000, H);
    late.add(0.2, 0, H);
    assertThat(late.mean(0)).isCloseTo(inOrder.mean(0), within(1e-12));
    assertThat(late.time).isEqualTo(20_000);
  }

  @Test
  void emptyMeanIsTheFallback() {
    assertThat(new Decayed().mean(0.5)).isEqualTo(0.5);
  }
}
