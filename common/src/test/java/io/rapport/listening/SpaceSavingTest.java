package io.rapport.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpaceSavingTest {
  @Test
  void exactWhileUnderCapacity() {
    SpaceSaving s = new SpaceSaving(10);
    for (String w : "a b a c a b".split(" ")) {
      s.add(w);
    }
    assertThat(s.top(2)).containsExactly(Map.entry("a", 3L), Map.entry("b", 2L));
    assertThat(s.errors.values()).containsOnly(0L);
  }

  @Test
  void boundedAndKeepsHeavyHittersWithinTheirErrorBound() {
    Random r = new Random(7);
    Map<String, Long> truth = new HashMap<>();
    SpaceSaving s = new SpaceSaving(20);
    for (int i = 0; i < 20_000; i++) {
      // "hot0".."hot4" take about half the stream; the rest is spread over 2,000 items.
      String item = r.nextBoolean() ? "hot" + r.nextInt(5) : "cold" + r.nextInt(2_000);
      truth.merge(item, 1L, Long::sum);
      s.add(item);
    }
    assertThat(s.counts).hasSize(20);
    for (int h = 0; h < 5; h++) {
      String hot = "hot" + h;
      assertThat(s.counts).containsKey(hot);
      long est = s.counts.get(hot);
      assertThat(est).isGreaterThanOrEqualTo(truth.get(hot));
      assertThat(est - s.errors.get(hot)).isLessThanOrEqualTo(truth.get(hot));
    }
    assertThat(s.top(5)).extracting(Map.Entry::getKey).allMatch(k -> k.startsWith("hot"));
  }

  @Test
  void mergeOfExactSummariesIsExact() {
    SpaceSaving a = new SpaceSaving(10);
    SpaceSaving b = new SpaceSaving(10);
    SpaceSaving all = new SpaceSaving(10);
    String[] words = "x y z x x y w".split(" ");
    for (int i = 0; i < words.length; i++) {
      (i % 2 == 0 ? a : b).add(words[i]);
      all.add(words[i]);
    }
    a.merge(b);
    assertThat(a.counts).isEqualTo(all.counts);
  }

  @Test
  void mergeOfFullSummariesKeepsCapacityAndHeavyHitter() {
    SpaceSaving a = new SpaceSaving(3);
    SpaceSaving b = new SpaceSaving(3);
    for (int i = 0; i < 10; i++) {
      a.add("hot");
      b.add("hot");
      a.add("a" + i);
      b.add("b" + i);
    }
    a.merge(b);
    assertThat(a.counts).hasSize(3);
    assertThat(a.top(1).get(0).getKey()).isEqualTo("hot");
    assertThat(a.top(1).get(0).getValue()).isGreaterThanOrEqualTo(20L);
  }
}
