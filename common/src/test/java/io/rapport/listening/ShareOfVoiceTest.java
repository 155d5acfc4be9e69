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

  @Test
  void aWindowCollectsThenIsPublishedThenForgotten() {
    long published = 1_000;
    assertThat(ShareOfVoice.stage(published, 500, Long.MIN_VALUE))
        .isEqualTo(ShareOfVoice.Stage.COLLECTING);
    assertThat(ShareOfVoice.stage(published, 500, 999)).isEqualTo(ShareOfVoice.Stage.COLLECTING);
    assertThat(ShareOfVoice.stage(published, 500, 1_000)).isEqualTo(ShareOfVoice.Stage.PUBLISHED);
    assertThat(ShareOfVoice.stage(published, 500, 1_499)).isEqualTo(ShareOfVoice.Stage.PUBLISHED);
    assertThat(ShareOfVoice.stage(published, 500, 1_500)).isEqualTo(ShareOfVoice.Stage.FORGOTTEN);
    // Without retention a window is forgotten as soon as it is published.
    assertThat(ShareOfVoice.stage(published, 0, 1_000)).isEqualTo(ShareOfVoice.Stage.FORGOTTEN);
  }

  @Test
  void forgettingTimeSaturatesAndRefusesNegativeRetention() {
    assertThat(ShareOfVoice.forgetAt(1_000, 500)).isEqualTo(1_500);
    assertThat(ShareOfVoice.forgetAt(Long.MAX_VALUE - 10, 500)).isEqualTo(Long.MAX_VALUE);
    assertThat(ShareOfVoice.stage(Long.MAX_VALUE - 10, 500, Long.MAX_VALUE))
        .isEqualTo(ShareOfVoice.Stage.FORGOTTEN);
    assertThatThrownBy(() -> ShareOfVoice.forgetAt(0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownShareIsNoShareAndNoTotal() {
    ListeningAggregate a = agg("lumen", "minute", 0, 4);
    ShareOfVoice.apply(List.of(a, agg("vela", "minute", 0, 4)));
    ShareOfVoice.unknown(a);
    assertThat(a.shareOfVoice).isNull();
    assertThat(a.trackedTotal).isZero();
    assertThat(a.total).isEqualTo(4);
  }
}
