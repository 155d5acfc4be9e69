package io.rapport.jobs.listening;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.listening.BrandMention;
import io.rapport.listening.CrisisDetector;
import io.rapport.listening.ListeningAggregate;
import io.rapport.listening.ShareOfVoice;
import io.rapport.listening.TrackedBrands;
import io.rapport.model.Alert;
import io.rapport.model.DeadLetter;
import io.rapport.model.EnrichedMention;
import io.rapport.model.SocialMention;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import io.rapport.text.IntentDetector;
import io.rapport.text.TextAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** Operator harness tests of the listening functions: outputs, state and timers. */
class ListeningFunctionsTest {
  static final long T0 = Samples.T0.toEpochMilli(); // 2026-03-01T10:00:00Z
  static final long MIN = 60_000L;
  static final Duration LATENESS = Duration.ofMinutes(2);
  static final Duration RETENTION = Duration.ofMinutes(10);

  static EnrichedMention em(String id, String brand, String text, String lang, long time) {
    SocialMention m = Samples.mention(id, "x", "ana" + id, text, Instant.ofEpochMilli(time));
    m.brand = brand;
    return new EnrichedMention(m, TextAnalyzer.shared().analyze(text, lang));
  }

  @Test
  void routesByBrandAndSendsLateMentionsToDeadLetters() throws Exception {
    OneInputStreamOperatorTestHarness<EnrichedMention, BrandMention> h =
        ProcessFunctionTestHarnesses.forProcessFunction(
            new RouteListeningMentions(
                new TrackedBrands("lumen", List.of("vela")), LATENESS, "mentions"));
    h.processElement(em("a", "lumen", "Me encanta, mejor que @vela", "es", T0), T0);
    h.processElement(em("b", "acme", "nothing to see", "en", T0), T0);
    h.processWatermark(new Watermark(T0 + 10 * MIN));
    long late = T0 + 8 * MIN; // exactly watermark − lateness: late
    EnrichedMention c = em("c", "lumen", "Tarde", "es", late);
    c.mention.sourceTopic = "mentions";
    c.mention.sourcePartition = 1;
    c.mention.sourceOffset = 41;
    c.mention.sourceTimestamp = late + 5;
    h.processElement(c, late);
    long inTime = T0 + 8 * MIN + 1;
    h.processElement(em("d", "lumen", "A tiempo", "es", inTime), inTime);

    assertThat(h.extractOutputValues())
        .extracting(b -> b.brand + ":" + b.mention.mention.mentionId)
        .containsExactly("lumen:a", "vela:a", "lumen:d");
    List<DeadLetter> dead =
        h.getSideOutput(RouteListeningMentions.LATE).stream().map(StreamRecord::getValue).toList();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).errorCode).isEqualTo("LATE");
    assertThat(dead.get(0).sourceTopic).isEqualTo("mentions");
    assertThat(dead.get(0).partition).isEqualTo(1);
    assertThat(dead.get(0).offset).isEqualTo(41);
    assertThat(dead.get(0).sourceTimestamp).isEqualTo(late + 5);
    assertThat(new String(Base64.getDecoder().decode(dead.get(0).payloadBase64)))
        .contains("\"mentionId\":\"c\"");
    h.close();
  }

  @Test
  void eachBrandAMentionIsAboutReadsASwitchAsItsOwn() throws Exception {
    TrackedBrands brands = new TrackedBrands("lumen", List.of("vela", "northwind"));
    OneInputStreamOperatorTestHarness<EnrichedMention, BrandMention> h = route(brands);
    // as analyze-mentions enriches them: read by the brand (lumen)
    String out = "Harta de @lumen, su atención es pésima. Me cambio a @vela";
    String in = "Harta de @vela, su atención es pésima. Me cambio a @lumen";
    for (String[] m : new String[][] {{"out", out}, {"in", in}}) {
      SocialMention s = Samples.mention(m[0], "x", "ana", m[1], Instant.ofEpochMilli(T0));
      s.brand = "lumen";
      s.lang = "es";
      h.processElement(
          new EnrichedMention(s, brands.readAs("lumen", TextAnalyzer.shared(), m[1], "es")), T0);
    }

    Map<String, Analysis> read = readByBrand(h);
    assertThat(read.keySet())
        .containsExactlyInAnyOrder("lumen:out", "vela:out", "lumen:in", "vela:in");
    // the brand left: a negative complaint about its customer service, and a churn threat
    for (String left : List.of("lumen:out", "vela:in")) {
      assertThat(read.get(left).compound).as(left).isLessThan(-0.3);
      assertThat(read.get(left).intents)
          .as(left)
          .containsExactly(IntentDetector.COMPLAINT, IntentDetector.CHURN_THREAT);
      assertThat(read.get(left).topics).as(left).containsExactly("customer_service");
    }
    // the brand chosen: an intent to buy, and nothing said of it
    for (String chosen : List.of("vela:out", "lumen:in")) {
      assertThat(read.get(chosen).compound).as(chosen).isZero();
      assertThat(read.get(chosen).intents)
          .as(chosen)
          .containsExactly(IntentDetector.PURCHASE_INTENT);
      assertThat(read.get(chosen).topics).as(chosen).isEmpty();
    }
    h.close();
  }

  @Test
  void eachBrandAComparisonNamesReadsItsOwnSide() throws Exception {
    TrackedBrands brands = new TrackedBrands("lumen", List.of("vela", "northwind"));
    OneInputStreamOperatorTestHarness<EnrichedMention, BrandMention> h = route(brands);
    String[][] mentions = {
      {"ours", "Lumen es mil veces mejor que @vela"},
      {"theirs", "@vela es mucho mejor que Lumen, os la recomiendo"},
      {"rivals", "Northwind is way worse than Vela"}
    };
    for (String[] m : mentions) {
      SocialMention s = Samples.mention(m[0], "x", "ana", m[1], Instant.ofEpochMilli(T0));
      s.brand = m[0].equals("rivals") ? null : "lumen"; // filed under no brand: named ones only
      // as analyze-mentions enriches them (read by the brand, lumen), then across the job's
      // serializer, which carries no transient part of the analysis
      EnrichedMention em =
          new EnrichedMention(s, brands.readAs("lumen", TextAnalyzer.shared(), m[1], null));
      h.processElement(
          TypeInformation.of(EnrichedMention.class)
              .createSerializer(new SerializerConfigImpl())
              .copy(em),
          T0);
    }
    Map<String, Analysis> read = readByBrand(h);
    assertThat(read.keySet())
        .containsExactlyInAnyOrder(
            "lumen:ours",
            "vela:ours",
            "lumen:theirs",
            "vela:theirs",
            "northwind:rivals",
            "vela:rivals");
    for (String praised : List.of("lumen:ours", "vela:theirs", "vela:rivals")) {
      assertThat(read.get(praised).compound).as(praised).isGreaterThan(0.3);
    }
    for (String putDown : List.of("vela:ours", "lumen:theirs", "northwind:rivals")) {
      assertThat(read.get(putDown).compound).as(putDown).isLessThan(-0.3);
      assertThat(read.get(putDown).intents)
          .as(putDown)
          .doesNotContain(IntentDetector.RECOMMENDATION);
    }
    assertThat(read.get("vela:theirs").intents).contains(IntentDetector.RECOMMENDATION);
    h.close();
  }

  @Test
  void publishesMinuteAndHourWindowsOnceAndClearsTheirState() throws Exception {
    AggregateMentions fn = new AggregateMentions(LATENESS, 5, 50, "mentions");
    KeyedOneInputStreamOperatorTestHarness<String, BrandMention, ListeningAggregate> h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(fn, b -> b.brand, Types.STRING);
    add(h, "lumen", "m1", "Me encanta Lumen", "es", T0 + 5_000);
    add(h, "lumen", "m2", "Terrible, awful, the worst", "en", T0 + 30_000);
    add(h, "lumen", "m3", "Pésimo servicio", "es", T0 + MIN + 1_000);
    add(h, "vela", "v1", "Vela is fine", "en", T0 + 2_000);
    // Two keys × (two minutes + one hour) for lumen, (one minute + one hour) for vela.
    assertThat(h.numKeyedStateEntries()).isEqualTo(2);
    assertThat(h.numEventTimeTimers()).isEqualTo(5);

    // The first minute closes at 10:01 + 2 min lateness.
    h.processWatermark(new Watermark(T0 + MIN - 1 + LATENESS.toMillis() - 1));
    assertThat(h.extractOutputValues()).isEmpty();
    h.processWatermark(new Watermark(T0 + MIN - 1 + LATENESS.toMillis()));
    Map<String, ListeningAggregate> first = byBrand(h.extractOutputValues());
    assertThat(first.keySet()).containsExactlyInAnyOrder("lumen", "vela");
    assertThat(first.get("lumen").total).isEqualTo(2);
    assertThat(first.get("lumen").granularity).isEqualTo("minute");
    assertThat(first.get("lumen").windowStart).isEqualTo(T0);
    assertThat(first.get("vela").total).isEqualTo(1);

    h.processWatermark(new Watermark(T0 + 3_600_000L + LATENESS.toMillis()));
    List<ListeningAggregate> all = h.extractOutputValues();
    assertThat(all)
        .extracting(a -> a.brand + "|" + a.granularity + "|" + (a.windowStart - T0) + "|" + a.total)
        .containsExactlyInAnyOrder(
            "lumen|minute|0|2",
            "vela|minute|0|1",
            "lumen|minute|60000|1",
            "lumen|hour|0|3",
            "vela|hour|0|1");
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    h.close();
  }

  /**
   * After a keyBy, a subtask's watermark can be ahead of a mention that was routed in time (a
   * channel resuming from idleness): the mention must not reopen a published window, nor vanish.
   */
  @Test
  void aMentionBehindTheAggregatorsWatermarkBecomesADeadLetterNotAWindow() throws Exception {
    AggregateMentions fn = new AggregateMentions(LATENESS, 5, 50, "mentions");
    KeyedOneInputStreamOperatorTestHarness<String, BrandMention, ListeningAggregate> h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(fn, b -> b.brand, Types.STRING);
    add(h, "lumen", "m1", "Me encanta Lumen", "es", T0 + 5_000);
    h.processWatermark(new Watermark(T0 + 3_600_000L + LATENESS.toMillis()));
    assertThat(h.extractOutputValues()).hasSize(2); // its minute and its hour, published
    assertThat(h.numKeyedStateEntries()).isZero();

    long late = T0 + 10_000; // in the published minute and hour
    EnrichedMention c = em("c", "lumen", "Tarde pero pésimo", "es", late);
    c.mention.sourcePartition = 0;
    c.mention.sourceOffset = 7;
    h.processElement(new BrandMention("lumen", c), late);

    assertThat(h.extractOutputValues()).hasSize(2); // nothing republished
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    List<DeadLetter> dead =
        h.getSideOutput(RouteListeningMentions.LATE).stream().map(StreamRecord::getValue).toList();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).errorCode).isEqualTo("LATE");
    assertThat(dead.get(0).reason).contains("mention c").contains("for brand lumen");
    assertThat(dead.get(0).sourceTopic).isEqualTo("mentions");
    assertThat(dead.get(0).partition).isZero();
    assertThat(dead.get(0).offset).isEqualTo(7);
    assertThat(new String(Base64.getDecoder().decode(dead.get(0).payloadBase64)))
        .contains("\"mentionId\":\"c\"");
    h.close();
  }

  @Test
  void shareOfVoiceWaitsForEveryBrandOfTheWindowThenClearsAfterRetention() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, ListeningAggregate, ListeningAggregate> h =
        shareOfVoice(RETENTION);
    long published = T0 + MIN - 1 + LATENESS.toMillis();
    h.processElement(agg("lumen", T0, 3, 1), published);
    h.processElement(agg("vela", T0, 1, 0), published);
    h.processElement(agg("lumen", T0 + MIN, 2, 0), published + MIN);
    h.processWatermark(new Watermark(published - 1));
    assertThat(h.extractOutputValues()).isEmpty();
    h.processWatermark(new Watermark(published));
    assertThat(h.extractOutputValues())
        .extracting(ListeningFunctionsTest::share)
        .containsExactly("lumen=0.75/4", "vela=0.25/4");
    h.processWatermark(new Watermark(published + MIN));
    assertThat(h.extractOutputValues())
        .extracting(ListeningFunctionsTest::share)
        .containsExactly("lumen=0.75/4", "vela=0.25/4", "lumen=1.0/2"); // alone in its minute
    // Both windows are kept (brands and publication time) until their retention passes.
    assertThat(h.numKeyedStateEntries()).isEqualTo(4);
    assertThat(h.numEventTimeTimers()).isEqualTo(2);
    h.processWatermark(new Watermark(published + RETENTION.toMillis() - 1));
    assertThat(h.numKeyedStateEntries()).isEqualTo(4);
    h.processWatermark(new Watermark(published + RETENTION.toMillis()));
    assertThat(h.numKeyedStateEntries()).isEqualTo(2); // the first minute forgotten
    assertThat(h.numEventTimeTimers()).isEqualTo(1);
    h.processWatermark(new Watermark(published + MIN + RETENTION.toMillis()));
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    assertThat(h.extractOutputValues()).hasSize(3); // forgetting emits nothing
    h.close();
  }

  /**
   * After a source partition resumes from idleness, a brand's aggregate can reach
   * listening-share-of-voice after the watermark published its window without it: every brand of
   * the window is published again with the shares over all of them, never the late one alone at
   * 100%.
   */
  @Test
  void aBrandArrivingAfterItsWindowWasPublishedRepublishesEveryBrandOfTheWindow() throws Exception {
    InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    try (MockEnvironment env = environment(metrics)) {
      KeyedOneInputStreamOperatorTestHarness<String, ListeningAggregate, ListeningAggregate> h =
          shareOfVoice(RETENTION, env);
      long published = T0 + MIN - 1 + LATENESS.toMillis();
      h.processElement(agg("lumen", T0, 3, 1), published);
      h.processElement(agg("vela", T0, 1, 0), published);
      h.processWatermark(new Watermark(published + 5 * MIN));
      assertThat(h.extractOutputValues())
          .extracting(ListeningFunctionsTest::share)
          .containsExactly("lumen=0.75/4", "vela=0.25/4");

      h.processElement(agg("northwind", T0, 4, 0), published); // its channel was idle
      List<ListeningAggregate> out = h.extractOutputValues();
      assertThat(out)
          .extracting(ListeningFunctionsTest::share)
          .containsExactly(
              "lumen=0.75/4", "vela=0.25/4", "lumen=0.375/8", "northwind=0.5/8", "vela=0.125/8");
      List<ListeningAggregate> again = out.subList(2, 5);
      assertThat(again.stream().mapToDouble(a -> a.shareOfVoice).sum()).isEqualTo(1.0);
      assertThat(again).allSatisfy(a -> assertThat(a.windowStart).isEqualTo(T0));
      assertThat(again).extracting(a -> a.total).containsExactly(3L, 4L, 1L);
      assertThat(counter(metrics, ComputeShareOfVoice.REPUBLISHED_METRIC)).isEqualTo(1);
      assertThat(counter(metrics, ComputeShareOfVoice.UNKNOWN_METRIC)).isZero();

      // A window whose only brand arrives after its publication: published with the brands
      // known (here one), kept, and published again when another arrives.
      long published2 = published + MIN;
      h.processElement(agg("vela", T0 + MIN, 2, 0), published2);
      h.processElement(agg("lumen", T0 + MIN, 6, 0), published2);
      assertThat(h.extractOutputValues().subList(5, 8))
          .extracting(ListeningFunctionsTest::share)
          .containsExactly("vela=1.0/2", "lumen=0.75/8", "vela=0.25/8");
      assertThat(counter(metrics, ComputeShareOfVoice.REPUBLISHED_METRIC)).isEqualTo(3);
      assertThat(h.numKeyedStateEntries()).isEqualTo(4);
      assertThat(h.numEventTimeTimers()).isEqualTo(2); // each window's forgetting

      h.processWatermark(new Watermark(published2 + RETENTION.toMillis()));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.extractOutputValues()).hasSize(8);
      h.close();
    }
  }

  @Test
  void aBrandsAggregateDeliveredAgainReplacesItsEarlierOne() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, ListeningAggregate, ListeningAggregate> h =
        shareOfVoice(RETENTION);
    long published = T0 + MIN - 1 + LATENESS.toMillis();
    h.processElement(agg("lumen", T0, 3, 1), published);
    h.processElement(agg("vela", T0, 1, 0), published);
    h.processElement(agg("lumen", T0, 3, 1), published); // before publication: one lumen
    h.processWatermark(new Watermark(published));
    assertThat(h.extractOutputValues())
        .extracting(ListeningFunctionsTest::share)
        .containsExactly("lumen=0.75/4", "vela=0.25/4");

    h.processElement(agg("lumen", T0, 3, 1), published); // after publication
    assertThat(h.extractOutputValues().subList(2, h.extractOutputValues().size()))
        .extracting(ListeningFunctionsTest::share)
        .containsExactly("lumen=0.75/4", "vela=0.25/4"); // not 3 of 7: replaced, not added
    h.processElement(agg("vela", T0, 5, 0), published); // the latest copy counts
    assertThat(h.extractOutputValues().subList(4, h.extractOutputValues().size()))
        .extracting(ListeningFunctionsTest::share)
        .containsExactly("lumen=0.375/8", "vela=0.625/8");
    assertThat(h.numKeyedStateEntries()).isEqualTo(2); // one window: its brands, its publication
    assertThat(h.numEventTimeTimers()).isEqualTo(1);
    h.processWatermark(new Watermark(published + RETENTION.toMillis()));
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    h.close();
  }

  /**
   * Past the retention the window's total is forgotten: a brand's aggregate arriving then is
   * published without a share of voice (null, tracked total 0) rather than alone at 100%, counted,
   * and nothing is kept for it.
   */
  @Test
  void aBrandArrivingAfterTheRetentionIsPublishedWithoutAShare() throws Exception {
    InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    try (MockEnvironment env = environment(metrics)) {
      KeyedOneInputStreamOperatorTestHarness<String, ListeningAggregate, ListeningAggregate> h =
          shareOfVoice(RETENTION, env);
      long published = T0 + MIN - 1 + LATENESS.toMillis();
      h.processElement(agg("lumen", T0, 3, 1), published);
      h.processElement(agg("vela", T0, 1, 0), published);
      h.processWatermark(new Watermark(published + RETENTION.toMillis()));
      assertThat(h.extractOutputValues()).hasSize(2);
      assertThat(h.numKeyedStateEntries()).isZero();

      h.processElement(agg("northwind", T0, 4, 0), published);
      List<ListeningAggregate> out = h.extractOutputValues();
      assertThat(out).hasSize(3);
      ListeningAggregate late = out.get(2);
      assertThat(late.brand).isEqualTo("northwind");
      assertThat(late.total).isEqualTo(4);
      assertThat(late.shareOfVoice).isNull();
      assertThat(late.trackedTotal).isZero();
      assertThat(counter(metrics, ComputeShareOfVoice.UNKNOWN_METRIC)).isEqualTo(1);
      assertThat(counter(metrics, ComputeShareOfVoice.REPUBLISHED_METRIC)).isZero();
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      h.close();
    }
  }

  /** With no retention a window is forgotten when published, as before retention existed. */
  @Test
  void withoutRetentionAWindowIsForgottenWhenPublished() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, ListeningAggregate, ListeningAggregate> h =
        shareOfVoice(Duration.ZERO);
    long published = T0 + MIN - 1 + LATENESS.toMillis();
    h.processElement(agg("lumen", T0, 3, 1), published);
    h.processElement(agg("vela", T0, 1, 0), published);
    h.processWatermark(new Watermark(published));
    assertThat(h.extractOutputValues())
        .extracting(ListeningFunctionsTest::share)
        .containsExactly("lumen=0.75/4", "vela=0.25/4");
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    h.processElement(agg("northwind", T0, 4, 0), published);
    assertThat(h.extractOutputValues())
        .extracting(ListeningFunctionsTest::share)
        .containsExactly("lumen=0.75/4", "vela=0.25/4", "northwind=null/0");
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    h.close();
  }

  /**
   * A checkpoint of the previous listening-share-of-voice (a list of pending aggregates per window
   * and its publication timer) is restored without losing the windows that were waiting.
   */
  @Test
  void aCheckpointOfThePreviousLayoutLosesNoWaitingWindow() throws Exception {
    long published = T0 + MIN - 1 + LATENESS.toMillis();
    OperatorSubtaskState snapshot;
    try (KeyedOneInputStreamOperatorTestHarness<String, ListeningAggregate, ListeningAggregate>
        old =
            ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new PreviousComputeShareOfVoice(), ShareOfVoice::windowKey, Types.STRING)) {
      old.processElement(agg("lumen", T0, 3, 1), published);
      old.processElement(agg("vela", T0, 1, 0), published);
      old.processElement(agg("lumen", T0 + MIN, 2, 0), published + MIN);
      snapshot = old.snapshot(1L, 1L);
    }
    KeyedOneInputStreamOperatorTestHarness<String, ListeningAggregate, ListeningAggregate> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ComputeShareOfVoice(RETENTION)),
            ShareOfVoice::windowKey,
            Types.STRING);
    h.initializeState(snapshot);
    h.open();
    assertThat(h.numKeyedStateEntries()).isEqualTo(2);
    assertThat(h.numEventTimeTimers()).isEqualTo(2);

    h.processElement(agg("vela", T0 + MIN, 2, 0), published + MIN); // joins the restored window
    h.processWatermark(new Watermark(published));
    assertThat(h.extractOutputValues())
        .extracting(ListeningFunctionsTest::share)
        .containsExactly("lumen=0.75/4", "vela=0.25/4");
    h.processWatermark(new Watermark(published + MIN));
    assertThat(h.extractOutputValues().subList(2, h.extractOutputValues().size()))
        .extracting(ListeningFunctionsTest::share)
        .containsExactly("lumen=0.5/4", "vela=0.5/4");
    assertThat(h.numKeyedStateEntries()).isEqualTo(4); // the old lists moved into the new state

    h.processWatermark(new Watermark(published + MIN + RETENTION.toMillis()));
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    h.close();
  }

  /**
   * The state layout of listening-share-of-voice before its retention: what its checkpoints hold.
   */
  static class PreviousComputeShareOfVoice
      extends KeyedProcessFunction<String, ListeningAggregate, ListeningAggregate> {
    private transient ListState<ListeningAggregate> pending;

    @Override
    public void open(OpenContext openContext) {
      pending =
          getRuntimeContext()
              .getListState(
                  new ListStateDescriptor<>(
                      "listening-pending", TypeInformation.of(ListeningAggregate.class)));
    }

    @Override
    public void processElement(ListeningAggregate a, Context ctx, Collector<ListeningAggregate> out)
        throws Exception {
      pending.add(a);
      Long published = ctx.timestamp();
      ctx.timerService().registerEventTimeTimer(published != null ? published : a.windowEnd - 1);
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<
          String, ListeningAggregate, ListeningAggregate>
      shareOfVoice(Duration retention) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new ComputeShareOfVoice(retention), ShareOfVoice::windowKey, Types.STRING);
  }

  /** A share-of-voice harness whose metrics can be read (in {@link #environment}'s group). */
  private static KeyedOneInputStreamOperatorTestHarness<
          String, ListeningAggregate, ListeningAggregate>
      shareOfVoice(Duration retention, MockEnvironment env) throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, ListeningAggregate, ListeningAggregate> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ComputeShareOfVoice(retention)),
            ShareOfVoice::windowKey,
            Types.STRING,
            env);
    h.open();
    return h;
  }

  /** A task environment whose operators all register their metrics in {@code metrics}. */
  private static MockEnvironment environment(InterceptingOperatorMetricGroup metrics) {
    return new MockEnvironmentBuilder()
        .setMetricGroup(
            new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
              @Override
              public InternalOperatorMetricGroup getOrAddOperator(
                  OperatorID id, String name, Map<String, String> additionalVariables) {
                return metrics;
              }
            })
        .build();
  }

  private static long counter(InterceptingOperatorMetricGroup metrics, String name) {
    return ((Counter) metrics.get(name)).getCount();
  }

  /** {@code brand=share/trackedTotal}. */
  private static String share(ListeningAggregate a) {
    return a.brand + "=" + a.shareOfVoice + "/" + a.trackedTotal;
  }

  @Test
  void oneCrisisAlertPerEpisodeAndHistoryCleared() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, ListeningAggregate, Alert> h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new DetectCrises(new CrisisDetector(3.0, 5)), a -> a.brand, Types.STRING);
    long t = T0;
    for (int hour = 0; hour < 13; hour++) {
      t = T0 + hour * 60 * MIN;
      h.processElement(agg("lumen", t, 2, hour % 2), t + MIN);
    }
    h.processElement(hourAgg("lumen", T0, 100, 100), T0 + 3_600_000L); // hours are ignored
    assertThat(h.extractOutputValues()).isEmpty();
    long burst = T0 + 13 * 60 * MIN;
    for (int m = 0; m < 20; m++) {
      h.processElement(agg("lumen", burst + m * MIN, 4, 4), burst + (m + 1) * MIN);
    }
    assertThat(h.extractOutputValues()).hasSize(1);
    Alert a = h.extractOutputValues().get(0);
    assertThat(a.type).isEqualTo("BRAND_CRISIS");
    assertThat(a.brand).isEqualTo("lumen");
    assertThat(a.evidence.scores.get("negatives.lastHour")).isEqualTo(8.0);
    assertThat(h.numKeyedStateEntries()).isEqualTo(1);
    assertThat(h.numEventTimeTimers()).isEqualTo(1);

    h.processWatermark(new Watermark(burst + 19 * MIN + 25 * 60 * MIN));
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    h.close();
  }

  private static void add(
      KeyedOneInputStreamOperatorTestHarness<String, BrandMention, ListeningAggregate> h,
      String brand,
      String id,
      String text,
      String lang,
      long time)
      throws Exception {
    h.processElement(new BrandMention(brand, em(id, brand, text, lang, time)), time);
  }

  static ListeningAggregate agg(String brand, long start, long total, long negative) {
    ListeningAggregate a = new ListeningAggregate();
    a.brand = brand;
    a.granularity = ListeningAggregate.MINUTE;
    a.windowStart = start;
    a.windowEnd = start + MIN;
    a.total = total;
    a.negative = negative;
    return a;
  }

  static ListeningAggregate hourAgg(String brand, long start, long total, long negative) {
    ListeningAggregate a = agg(brand, start, total, negative);
    a.granularity = ListeningAggregate.HOUR;
    a.windowEnd = start + 60 * MIN;
    return a;
  }

  private static OneInputStreamOperatorTestHarness<EnrichedMention, BrandMention> route(
      TrackedBrands brands) throws Exception {
    return ProcessFunctionTestHarnesses.forProcessFunction(
        new RouteListeningMentions(brands, LATENESS, "mentions"));
  }

  /** What the route emitted, as "brand:mentionId" → the analysis as that brand reads it. */
  private static Map<String, Analysis> readByBrand(
      OneInputStreamOperatorTestHarness<EnrichedMention, BrandMention> h) {
    return h.extractOutputValues().stream()
        .collect(
            Collectors.toMap(
                b -> b.brand + ":" + b.mention.mention.mentionId, b -> b.mention.analysis));
  }

  private static Map<String, ListeningAggregate> byBrand(List<ListeningAggregate> as) {
    return as.stream().collect(Collectors.toMap(a -> a.brand, a -> a));
  }
}
