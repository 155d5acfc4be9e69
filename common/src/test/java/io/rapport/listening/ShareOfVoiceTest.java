package io.rapport.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShareOfVoiceTest {
  static ListeningAggregate agg(String brand, String granularity, long start, long total) {
    ListeningAggregate a = new ListeningAggregate();
    a.brand = brand;
    a.granularity = granularity;
    a.windowStart = start;
    a.total = total;
    return a;
  }

  @Test
  void sharesOfOneWindowAddUpToOne() {
    ListeningAggregate a = agg("lumen", "minute", 0, 6);
    ListeningAggregate b = agg("vela", "minute", 0, 3);
    ListeningAggregate c = agg("northwind", "minute", 0, 1);
    ShareOfVoice.apply(List.of(a, b, c));
    assertThat(a.shareOfVoice).isEqualTo(0.6);
    assertThat(b.shareOfVoice).isEqualTo(0.3);
    assertThat(c.shareOfVoice).isEqualTo(0.1);
    assertThat(a.trackedTotal).isEqualTo(10);
    assertThat(ShareOfVoice.windowKey(a)).isEqualTo("minute|0");
  }

  @Test
  void aloneIsAllTheVoice() {
    ListeningAggregate a = agg("lumen", "hour", 0, 4);
    ShareOfVoice.apply(List.of(a));
    assertThat(a.shareOfVoice).isEqualTo(1.0);
  }

  @Test
  void refusesMixedWindows() {
    assertThatThrownBy(
            () -> ShareOfVoice.apply(List.of(agg("a", "hour", 0, 1), agg("b", "hour", 1, 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
