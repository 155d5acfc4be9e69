package io.rapport.jobs.listening;

import io.rapport.listening.CrisisDetector;
import io.rapport.listening.CrisisState;
import io.rapport.listening.ListeningAggregate;
import io.rapport.model.Alert;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by brand, on closed minute aggregates: feeds each minute's negative mentions to the {@link
 * CrisisDetector} and emits its BRAND_CRISIS alerts (one per episode). The brand's history is
 * cleared when a day and an hour pass (event time) without a minute aggregate.
 */
public class DetectCrises extends KeyedProcessFunction<String, ListeningAggregate, Alert> {
  private static final long serialVersionUID = 1L;

  private static final long HISTORY_MILLIS = CrisisDetector.HISTORY_MINUTES * 60_000L;

  private final CrisisDetector detector;
  private transient ValueState<CrisisState> state;
  private transient Counter crises;

  public DetectCrises(CrisisDetector detector) {
    this.detector = detector;
  }

  @Override
  public void open(OpenContext openContext) {
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "crisis-history", TypeInformation.of(CrisisState.class)));
    crises = getRuntimeContext().getMetricGroup().counter("brandCrises");
  }

  @Override
  public void processElement(ListeningAggregate a, Context ctx, Collector<Alert> out)
      throws Exception {
    if (!ListeningAggregate.MINUTE.equals(a.granularity)) {
      return;
    }
    CrisisState s = state.value();
    if (s == null) {
      s = new CrisisState();
    } else {
      ctx.timerService().deleteEventTimeTimer(cleanupTime(s.lastMinute));
    }
    Alert alert = detector.observe(s, a.brand, a.windowStart, a.negative);
    state.update(s);
    ctx.timerService().registerEventTimeTimer(cleanupTime(s.lastMinute));
    if (alert != null) {
      crises.inc();
      out.collect(alert);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    CrisisState s = state.value();
    if (s != null && CrisisDetector.expired(s, timestamp)) {
      state.clear();
    }
  }

  private static long cleanupTime(long lastMinute) {
    return lastMinute * 60_000L + HISTORY_MILLIS;
  }
}
