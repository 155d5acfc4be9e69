package io.rapport.jobs.listening;

import io.rapport.listening.BrandMention;
import io.rapport.listening.TrackedBrands;
import io.rapport.model.DeadLetter;
import io.rapport.model.EnrichedMention;
import io.rapport.serde.DeadLetters;
import io.rapport.serde.ErrorCode;
import io.rapport.serde.Json;
import io.rapport.text.TextAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Attributes each enriched mention to the tracked brands it is about (one output per brand, as that
 * brand reads it: a switch from one tracked brand to another is read by each as its own, see {@link
 * TrackedBrands#towards}, and the object of a comparison reads it the other way round, see {@link
 * TrackedBrands#readAs}; mentions of no tracked brand are counted and dropped) and sends mentions
 * later than the watermark minus the allowed lateness (their windows are published already) to the
 * dead-letter side output with reason {@code LATE}, the mention as JSON, and the topic, partition,
 * offset and timestamp of its original Kafka record (carried by the mention from the source), from
 * which the exact original bytes can be fetched.
 */
public class RouteListeningMentions extends ProcessFunction<EnrichedMention, BrandMention> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> LATE =
      new OutputTag<>("listening-late", TypeInformation.of(DeadLetter.class));

  private final TrackedBrands brands;
  private final long allowedLatenessMillis;
  private final String sourceTopic;
  private transient Counter late;
  private transient Counter untracked;
  private transient TextAnalyzer analyzer;

  public RouteListeningMentions(
      TrackedBrands brands, Duration allowedLateness, String sourceTopic) {
    this.brands = brands;
    this.allowedLatenessMillis = allowedLateness.toMillis();
    this.sourceTopic = sourceTopic;
  }

  @Override
  public void open(OpenContext openContext) {
    late = getRuntimeContext().getMetricGroup().counter("listeningLateMentions");
    untracked = getRuntimeContext().getMetricGroup().counter("listeningUntrackedMentions");
    analyzer = TextAnalyzer.shared();
  }

  @Override
  public void processElement(EnrichedMention em, Context ctx, Collector<BrandMention> out) {
    long time = em.mention.time.toEpochMilli();
    long watermark = ctx.timerService().currentWatermark();
    if (isLate(time, watermark, allowedLatenessMillis)) {
      late.inc();
      ctx.output(LATE, lateDeadLetter(em, null, watermark, allowedLatenessMillis, sourceTopic));
      return;
    }
    List<String> about = brands.brandsOf(em.mention, em.analysis);
    if (about.isEmpty()) {
      untracked.inc();
      return;
    }
    for (String brand : about) {
      EnrichedMention read = em;
      if (brands.readsOtherwise(brand, em.analysis)) {
        // "harta de @lumen, me cambio a @vela": vela reads the switch as its own, not lumen's;
        // "Lumen es mucho mejor que @vela": vela reads the praise as a put-down
        read =
            new EnrichedMention(
                em.mention, brands.readAs(brand, analyzer, em.mention.text, em.mention.lang));
      }
      out.collect(new BrandMention(brand, read));
    }
  }

  /** Whether an event at {@code time} is behind {@code watermark} by the allowed lateness. */
  static boolean isLate(long time, long watermark, long allowedLatenessMillis) {
    return watermark != Long.MIN_VALUE && time + allowedLatenessMillis <= watermark;
  }

  /**
   * The {@code LATE} dead letter of a mention that arrived after its listening windows were
   * published: the mention as JSON and the coordinates of its original Kafka record. {@code brand}
   * names the brand whose windows were missed when only one brand's were (null: all of them).
   */
  static DeadLetter lateDeadLetter(
      EnrichedMention em,
      String brand,
      long watermark,
      long allowedLatenessMillis,
      String sourceTopic) {
    String reason =
        "mention "
            + em.mention.mentionId
            + " at "
            + em.mention.time
            + " arrived after its listening windows"
            + (brand == null ? "" : " for brand " + brand)
            + " were published (watermark "
            + Instant.ofEpochMilli(watermark)
            + ", allowed lateness "
            + Duration.ofMillis(allowedLatenessMillis)
            + ")";
    return DeadLetters.of(
        em.mention,
        sourceTopic,
        ErrorCode.LATE.name(),
        reason,
        Json.toBytes(em.mention),
        Instant.now());
  }
}
