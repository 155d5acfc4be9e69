package io.rapport.jobs.functions;

import io.rapport.alerting.Decision;
import io.rapport.alerting.PressureControl;
import io.rapport.model.Alert;
import io.rapport.model.AlertCandidate;
import io.rapport.model.ContactHistory;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Every alert goes through here before the sinks, keyed by customer (or by type and brand for
 * alerts about nobody in particular): the contact strategy picks action, channel, deadline, owner
 * team and template, and pressure control suppresses or defers (see {@link PressureControl}).
 * Suppressed alerts are counted ({@code alertsSuppressed.<reason>}), not emitted.
 *
 * <p>State per key: the contact history, pruned as it is used, and one event-time timer at the last
 * contact plus the retention (period or longest cool-down) that clears it.
 */
public class ApplyContactStrategy extends KeyedProcessFunction<String, AlertCandidate, Alert> {
  private static final long serialVersionUID = 1L;

  private final PressureControl pressure;

  private transient ValueState<ContactHistory> history;
  private transient ValueState<Long> cleanupAt;
  private transient Counter emitted;
  private transient Counter deferred;
  private transient Map<String, Counter> suppressed;

  public ApplyContactStrategy(PressureControl pressure) {
    this.pressure = pressure;
  }

  @Override
  public void open(OpenContext openContext) {
    history =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "contact-history", TypeInformation.of(ContactHistory.class)));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
    var metrics = getRuntimeContext().getMetricGroup();
    emitted = metrics.counter("alertsEmitted");
    deferred = metrics.counter("alertsDeferred");
    suppressed = new HashMap<>();
    for (String reason :
        new String[] {Decision.COOLDOWN, Decision.CONTACT_LIMIT, Decision.NO_CONSENTED_CHANNEL}) {
      suppressed.put(reason, metrics.counter("alertsSuppressed." + reason));
    }
  }

  @Override
  public void processElement(AlertCandidate c, Context ctx, Collector<Alert> out) throws Exception {
    ContactHistory h = history.value();
    if (h == null) {
      h = new ContactHistory();
    }
    Decision d = pressure.decide(c, h);
    if (!d.emitted()) {
      suppressed.get(d.reason).inc();
    } else {
      emitted.inc();
      if (d.outcome == Decision.Outcome.DEFERRED) {
        deferred.inc();
      }
      out.collect(PressureControl.apply(c.alert, d));
    }
    if (h.isEmpty()) {
      clear(ctx);
      return;
    }
    history.update(h);
    long at = h.times.get(h.times.size() - 1) + pressure.strategy().retention().toMillis();
    Long previous = cleanupAt.value();
    if (previous == null || previous != at) {
      if (previous != null) {
        ctx.timerService().deleteEventTimeTimer(previous);
      }
      ctx.timerService().registerEventTimeTimer(at);
      cleanupAt.update(at);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    // The timer sits at the newest contact plus the retention: nothing left is still needed.
    history.clear();
    cleanupAt.clear();
  }

  private void clear(Context ctx) throws Exception {
    Long previous = cleanupAt.value();
    if (previous != null) {
      ctx.timerService().deleteEventTimeTimer(previous);
    }
    history.clear();
    cleanupAt.clear();
  }
}
