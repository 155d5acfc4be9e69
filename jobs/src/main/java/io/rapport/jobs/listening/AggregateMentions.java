package io.rapport.jobs.listening;

import io.rapport.listening.BrandMention;
import io.rapport.listening.ListeningAccumulator;
import io.rapport.listening.ListeningAggregate;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tumbling event-time windows of a minute and of an hour per brand (keyed by brand): each mention
 * is added to its minute's and its hour's accumulator; a window is published once, when the
 * watermark passes its end plus the allowed lateness, and its state is cleared then.
 *
 * <p>A mention routed in time can still be late here: after a keyBy, watermarks reach a subtask by
 * several channels, and one that resumes from idleness may be behind another's. Such a mention is
 * not added to a published window (that would change a figure already written); it goes to the
 * {@link RouteListeningMentions#LATE} side output as a {@code LATE} dead letter naming the brand,
 * and is counted ({@code listeningLateDropped}), so nothing is lost silently.
 */
public class AggregateMentions
    extends KeyedProcessFunction<String, BrandMention, ListeningAggregate> {
  private static final long serialVersionUID = 1L;

  static final List<String> GRANULARITIES =
      List.of(ListeningAggregate.MINUTE, ListeningAggregate.HOUR);

  private final long allowedLatenessMillis;
  private final int topK;
  private final int counterCapacity;
  private final String sourceTopic;
  private transient MapState<String, ListeningAccumulator> windows;
  private transient Counter lateDropped;

  /**
   * @param sourceTopic the mentions topic, for dead letters of mentions without Kafka coordinates
   */
  public AggregateMentions(
      Duration allowedLateness, int topK, int counterCapacity, String sourceTopic) {
    this.allowedLatenessMillis = allowedLateness.toMillis();
    this.topK = topK;
    this.counterCapacity = counterCapacity;
    this.sourceTopic = sourceTopic;
  }

  @Override
  public void open(OpenContext openContext) {
    windows =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "listening-windows",
                    Types.STRING,
                    TypeInformation.of(ListeningAccumulator.class)));
    lateDropped = getRuntimeContext().getMetricGroup().counter("listeningLateDropped");
  }

  @Override
  public void processElement(BrandMention bm, Context ctx, Collector<ListeningAggregate> out)
      throws Exception {
    long time = bm.mention.mention.time.toEpochMilli();
    long watermark = ctx.timerService().currentWatermark();
    if (RouteListeningMentions.isLate(time, watermark, allowedLatenessMillis)) {
      lateDropped.inc(); // never reopen a published window
      ctx.output(
          RouteListeningMentions.LATE,
          RouteListeningMentions.lateDeadLetter(
              bm.mention, bm.brand, watermark, allowedLatenessMillis, sourceTopic));
      return;
    }
    for (String g : GRANULARITIES) {
      long start = ListeningAggregate.windowStart(g, time);
      String key = g + "|" + start;
      ListeningAccumulator acc = windows.get(key);
      if (acc == null) {
        acc = new ListeningAccumulator(counterCapacity, topK);
        ctx.timerService().registerEventTimeTimer(fireTime(g, start));
      }
      acc.add(bm.mention);
      windows.put(key, acc);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ListeningAggregate> out)
      throws Exception {
    for (String g : GRANULARITIES) {
      long size = ListeningAggregate.sizeMillis(g);
      long start = timestamp + 1 - allowedLatenessMillis - size;
      if (Math.floorMod(start, size) != 0) {
        continue;
      }
      String key = g + "|" + start;
      ListeningAccumulator acc = windows.get(key);
      if (acc != null) {
        out.collect(acc.toAggregate(ctx.getCurrentKey(), g, start, topK));
        windows.remove(key);
      }
    }
  }

  /** When a window is published: the watermark passed its end plus the allowed lateness. */
  long fireTime(String granularity, long start) {
    return start + ListeningAggregate.sizeMillis(granularity) - 1 + allowedLatenessMillis;
  }
}
