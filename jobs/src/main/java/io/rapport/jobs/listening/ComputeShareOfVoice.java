package io.rapport.jobs.listening;

import io.rapport.listening.ListeningAggregate;
import io.rapport.listening.ShareOfVoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by window ({@code granularity|windowStart}): collects every brand's closed aggregate of the
 * window (one per brand; a brand's later copy replaces the earlier) and, when the watermark reaches
 * the time they were published at (the aggregates' timestamp), sets their share of voice and emits
 * them.
 *
 * <p>The window's aggregates are then kept for {@code retention} of event time after that
 * publication. A brand's aggregate can arrive in that time: after a keyBy, the watermark reaches
 * this operator by several channels, and one that was idle (its source partition had no records) no
 * longer holds it back, so the window is published before that brand's aggregate is in. It is added
 * to the window (or replaces the brand's earlier copy), the shares are computed again over every
 * brand of the window, and all of them are emitted again: the summary documents have deterministic
 * ids, so each one is overwritten with the corrected share and tracked total (counted in {@code
 * listeningShareOfVoiceRepublished}). When the retention passes, the window's state and timers are
 * cleared.
 *
 * <p>An aggregate that arrives when the watermark has reached its window's publication plus the
 * retention finds the window forgotten: the total over the brands is no longer known, so it is
 * emitted without a share of voice ({@code shareOfVoice} null, {@code trackedTotal} 0: its summary
 * document carries neither field) rather than with a made-up one, nothing is kept, and it is
 * counted in {@code listeningShareOfVoiceUnknown}. The other brands' documents of that window keep
 * the shares computed without it.
 *
 * <p>A checkpoint of the previous version holds a window's aggregates waiting for publication in a
 * list ({@code listening-pending}); they are moved into this version's state when the window is
 * next touched (its publication timer, or another of its aggregates), so a restore loses none.
 */
public class ComputeShareOfVoice
    extends KeyedProcessFunction<String, ListeningAggregate, ListeningAggregate> {
  private static final long serialVersionUID = 1L;

  /** Aggregates emitted without a share of voice: their window was already forgotten. */
  public static final String UNKNOWN_METRIC = "listeningShareOfVoiceUnknown";

  /** Late aggregates that made a published window's shares be computed and emitted again. */
  public static final String REPUBLISHED_METRIC = "listeningShareOfVoiceRepublished";

  private final long retentionMillis;

  /** The window's aggregates by brand. */
  private transient MapState<String, ListeningAggregate> byBrand;

  /** When the window is (or was) published, event time. */
  private transient ValueState<Long> publication;

  /** The previous version's aggregates waiting for publication (read from old checkpoints). */
  private transient ListState<ListeningAggregate> legacyPending;

  private transient Counter unknown;
  private transient Counter republished;

  /**
   * @param retention how long (event time) after a window is published its aggregates are kept
   */
  public ComputeShareOfVoice(Duration retention) {
    if (retention.isNegative()) {
      throw new IllegalArgumentException("negative share-of-voice retention: " + retention);
    }
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    byBrand =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "listening-share-of-voice-brands",
                    Types.STRING,
                    TypeInformation.of(ListeningAggregate.class)));
    publication =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("listening-share-of-voice-publication", Types.LONG));
    legacyPending =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>(
                    "listening-pending", TypeInformation.of(ListeningAggregate.class)));
    unknown = getRuntimeContext().getMetricGroup().counter(UNKNOWN_METRIC);
    republished = getRuntimeContext().getMetricGroup().counter(REPUBLISHED_METRIC);
  }

  @Override
  public void processElement(ListeningAggregate a, Context ctx, Collector<ListeningAggregate> out)
      throws Exception {
    Long known = publication.value();
    if (known == null && adoptLegacy()) {
      known = publicationOf(a, ctx.timestamp()); // the old version registered its timer
    }
    long published = known != null ? known : publicationOf(a, ctx.timestamp());
    long watermark = ctx.timerService().currentWatermark();
    switch (ShareOfVoice.stage(published, retentionMillis, watermark)) {
      case COLLECTING:
        byBrand.put(a.brand, a);
        publication.update(published);
        ctx.timerService().registerEventTimeTimer(published); // once per window: timers are a set
        break;
      case PUBLISHED: // the window was published without this brand's aggregate (or this copy)
        byBrand.put(a.brand, a);
        publication.update(published);
        ctx.timerService()
            .registerEventTimeTimer(ShareOfVoice.forgetAt(published, retentionMillis));
        republished.inc();
        emitAll(out);
        break;
      case FORGOTTEN:
        ShareOfVoice.unknown(a);
        unknown.inc();
        out.collect(a);
        break;
      default:
        throw new IllegalStateException("unknown stage");
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ListeningAggregate> out)
      throws Exception {
    Long published = publication.value();
    if (published == null) {
      if (!adoptLegacy()) {
        return;
      }
      published = timestamp; // the old version's publication timer
      publication.update(published);
    }
    long forgetAt = ShareOfVoice.forgetAt(published, retentionMillis);
    if (timestamp == published) {
      emitAll(out);
      if (forgetAt > published) {
        ctx.timerService().registerEventTimeTimer(forgetAt);
      }
    }
    if (timestamp >= forgetAt) {
      byBrand.clear();
      publication.clear();
    }
  }

  /**
   * Moves the previous version's pending aggregates of this window (if any) into {@link #byBrand},
   * one per brand (the list kept every copy; the last one wins).
   *
   * @return whether there were any
   */
  private boolean adoptLegacy() throws Exception {
    boolean any = false;
    for (ListeningAggregate a : legacyPending.get()) {
      byBrand.put(a.brand, a);
      any = true;
    }
    if (any) {
      legacyPending.clear();
    }
    return any;
  }

  /** Sets the shares over every brand of the window and emits every brand's aggregate. */
  private void emitAll(Collector<ListeningAggregate> out) throws Exception {
    List<ListeningAggregate> all = new ArrayList<>();
    for (ListeningAggregate a : byBrand.values()) {
      all.add(a);
    }
    if (all.isEmpty()) {
      return;
    }
    all.sort(Comparator.comparing(a -> a.brand));
    ShareOfVoice.apply(all);
    all.forEach(out::collect);
  }

  /**
   * When an aggregate's window is published: its timestamp (listening-aggregate emits it at that
   * time), or the window's last millisecond when it has none.
   */
  private static long publicationOf(ListeningAggregate a, Long timestamp) {
    return timestamp != null ? timestamp : a.windowEnd - 1;
  }
}
