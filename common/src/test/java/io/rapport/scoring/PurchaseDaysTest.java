package io.rapport.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PurchaseDaysTest {
  private static int[] latest(TreeSet<Integer> days, int limit) {
    return days.descendingSet().stream()
        .limit(limit)
        .sorted()
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static int[] windowOf(List<Integer> days, int limit) {
    int[] w = new int[0];
    for (int d : days) {
      w = PurchaseDays.add(w, d, limit);
    }
    return w;
  }

  @Test
  void addKeepsTheLatestDistinctDaysAscending() {
    int[] w = windowOf(List.of(10, 3, 7, 10, 12), 3);
    assertThat(w).containsExactly(7, 10, 12);
    // older than every day of a full window: unchanged, the same array
    assertThat(PurchaseDays.add(w, 5, 3)).isSameAs(w);
    assertThat(PurchaseDays.add(w, 10, 3)).isSameAs(w);
    assertThat(PurchaseDays.add(w, 8, 3)).containsExactly(8, 10, 12);
    assertThat(PurchaseDays.add(new int[0], 4, 3)).containsExactly(4);
  }

  @Test
  void windowsInAnyOrderAndTheirUnionAreTheLatestDaysOfEverything() {
    Random random = new Random(42);
    for (int round = 0; round < 500; round++) {
      int limit = 1 + random.nextInt(8);
      List<Integer> a = new ArrayList<>();
      List<Integer> b = new ArrayList<>();
      for (int i = random.nextInt(20); i > 0; i--) {
        a.add(random.nextInt(30));
      }
      for (int i = random.nextInt(20); i > 0; i--) {
        b.add(random.nextInt(30));
      }
      Collections.shuffle(a, random);
      TreeSet<Integer> setA = new TreeSet<>(a);
      TreeSet<Integer> all = new TreeSet<>(a);
      all.addAll(b);
      int[] wa = windowOf(a, limit);
      int[] wb = windowOf(b, limit);
      assertThat(wa).as("round %d", round).containsExactly(latest(setA, limit));
      assertThat(PurchaseDays.union(wa, wb, limit))
          .as("round %d", round)
          .containsExactly(latest(all, limit));
      TreeSet<Integer> both = new TreeSet<>(a);
      both.retainAll(new TreeSet<>(b));
      int[] fa = windowOf(a, Integer.MAX_VALUE);
      int[] fb = windowOf(b, Integer.MAX_VALUE);
      assertThat(PurchaseDays.common(fa, fb)).as("round %d", round).isEqualTo(both.size());
    }
  }

  @Test
  void meanGapIsTheSpanOverTheGaps() {
    assertThat(PurchaseDays.meanGap(new int[] {0, 5, 10, 30})).isEqualTo(10.0);
    assertThat(PurchaseDays.meanGap(new int[] {7})).isZero();
    assertThat(PurchaseDays.meanGap(new int[0])).isZero();
  }
}
