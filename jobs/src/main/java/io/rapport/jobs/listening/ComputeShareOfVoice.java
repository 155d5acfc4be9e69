package io.rapport.jobs.listening;

import io.rapport.listening.ListeningAggregate;
import io.rapport.listening.ShareOfVoice;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by window ({@code granularity|windowStart}): collects every brand's closed aggregate of the
 * window and, when the watermark reaches the time they were published at (so all brands' are in),
 * sets their share of voice, emits them and clears the window.
 */
public class ComputeShareOfVoice
    extends KeyedProcessFunction<String, ListeningAggregate, ListeningAggregate> {
  private static final long serialVersionUID = 1L;

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

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ListeningAggregate> out)
      throws Exception {
    List<ListeningAggregate> all = new ArrayList<>();
    for (ListeningAggregate a : pending.get()) {
      all.add(a);
    }
    if (all.isEmpty()) {
      return;
    }
    all.sort(java.util.Comparator.comparing(a -> a.brand));
    ShareOfVoice.apply(all);
    all.forEach(out::collect);
    pending.clear();
  }
}
