package io.rapport.listening;

import static io.rapport.listening.ListeningFixtures.enriched;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.model.EnrichedMention;
import io.rapport.testing.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListeningAccumulatorTest {
  static List<EnrichedMention> mentions() {
    EnrichedMention es1 =
        enriched("m1", "lumen", "x", "ana", "Me encanta #Lumen, genial el servicio", "es");
    EnrichedMention es2 =
        enriched("m2", "lumen", "instagram", "luis", "Pésimo servicio, una vergüenza #lumen", "es");
    EnrichedMention en1 =
        enriched("m3", "lumen", "x", "bob", "Terrible, awful, the worst delivery #lumen", "en");
    EnrichedMention en2 = enriched("m4", "lumen", "x", "amy", "My order arrives on Tuesday", "en");
    es2.mention.author.followers = 5_000;
    en1.mention.author.followers = 900;
    en2.mention.geo.country = "US";
    en2.mention.geo.city = "Austin";
    es1.mention.geo = null;
    return List.of(es1, es2, en1, en2);
  }

  @Test
  void countsSpanishAndEnglishMentions() {
    List<EnrichedMention> ms = mentions();
    // The analyzer's classes of the fixtures (±0.05), so that the counts below are known.
    assertThat(ms.get(0).analysis.compound).isGreaterThanOrEqualTo(0.05);
    assertThat(ms.get(1).analysis.compound).isLessThanOrEqualTo(-0.05);
    assertThat(ms.get(2).analysis.compound).isLessThanOrEqualTo(-0.05);
    assertThat(ms.get(3).analysis.compound).isStrictlyBetween(-0.05, 0.05);

    ListeningAccumulator acc = new ListeningAccumulator(50, 2);
    ms.forEach(acc::add);
    long start = Samples.T0.toEpochMilli();
    ListeningAggregate a = acc.toAggregate("lumen", ListeningAggregate.MINUTE, start, 3);

    assertThat(a.windowEnd).isEqualTo(start + 60_000);
    assertThat(a.total).isEqualTo(4);
    assertThat(a.positive).isEqualTo(1);
    assertThat(a.negative).isEqualTo(2);
    assertThat(a.neutral).isEqualTo(1);
    double sum = ms.stream().mapToDouble(m -> m.analysis.compound).sum();
    assertThat(a.sentimentSum).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(a.sentimentMean).isCloseTo(sum / 4, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(a.byPlatform).isEqualTo(Map.of("x", 3L, "instagram", 1L));
    assertThat(a.byLanguage).isEqualTo(Map.of("es", 2L, "en", 2L));
    assertThat(a.byCountry).isEqualTo(Map.of("ES", 2L, "US", 1L));
    assertThat(a.byCity).isEqualTo(Map.of("ES|Madrid", 2L, "US|Austin", 1L));
    // "servicio" twice (one praise, one complaint), "the worst delivery"; "my order" names none
    assertThat(a.byTopic).isEqualTo(Map.of("customer_service", 2L, "delivery", 1L));
    assertThat(a.byTopicNegative).isEqualTo(Map.of("customer_service", 1L, "delivery", 1L));
    assertThat(a.byIntent).isEqualTo(Map.of("complaint", 2L)); // "Pésimo servicio", "the worst"
    assertThat(a.topHashtags).containsExactly(new KeyCount("lumen", 3));
    assertThat(a.topTerms).hasSizeLessThanOrEqualTo(3);
    assertThat(a.topTerms.get(0)).isEqualTo(new KeyCount("servicio", 2));
    assertThat(a.topAuthors)
        .containsExactly(
            new KeyCount("social:instagram:luis", 5_000), new KeyCount("social:x:bob", 900));
  }

  @Test
  void mergingPartialsEqualsAddingEverything() {
    List<EnrichedMention> ms = mentions();
    ListeningAccumulator all = new ListeningAccumulator(50, 2);
    ListeningAccumulator left = new ListeningAccumulator(50, 2);
    ListeningAccumulator right = new ListeningAccumulator(50, 2);
    for (int i = 0; i < ms.size(); i++) {
      all.add(ms.get(i));
      (i < 2 ? left : right).add(ms.get(i));
    }
    left.merge(right);
    long start = Samples.T0.toEpochMilli();
    assertThat(left.toAggregate("lumen", ListeningAggregate.HOUR, start, 5))
        .isEqualTo(all.toAggregate("lumen", ListeningAggregate.HOUR, start, 5));
  }

  @Test
  void windowsAlign() {
    long t = Samples.T0.toEpochMilli() + 3_725_000; // 11:02:05
    assertThat(ListeningAggregate.windowStart(ListeningAggregate.MINUTE, t))
        .isEqualTo(Samples.T0.toEpochMilli() + 3_720_000);
    assertThat(ListeningAggregate.windowStart(ListeningAggregate.HOUR, t))
        .isEqualTo(Samples.T0.toEpochMilli() + 3_600_000);
  }
}
