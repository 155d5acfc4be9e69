package io.rapport.jobs.functions;

import io.rapport.alerting.Decision;
import io.rapport.alerting.PressureControl;
import io.rapport.model.Alert;
import io.rapport.model.AlertCandidate;
import io.rapport.model.ContactHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Every alert goes through here before the sinks, keyed by customer (or by type and brand for
 * alerts about nobody in particular): the contact strategy picks action, channel, deadline, owner
 * team and template, and pressure control suppresses or defers (see {@link PressureControl}).
 * Suppressed alerts are counted ({@code alertsSuppressed.<reason>}), not emitted.
 *
 * <p>Pressure control must see a customer's alerts in event-time order (a fourth contact is the
 * fourth by event time, whichever path produced it first). Candidates therefore wait in a buffer
 * until the watermark passes their event time, or at most {@code orderWait} of processing time (a
 * quiet stream has no advancing watermark), and are then decided oldest first. A candidate already
 * behind the watermark is decided at once, after anything still buffered before it.
 *
 * <p>State per key: the buffer (empty between alerts), the contact history, pruned as it is used,
 * one event-time timer at the last contact plus the retention (period or longest cool-down) that
 * clears it, and while the buffer is not empty an event-time timer per buffered event time and one
 * processing-time timer.
 *
 * <p>The second input is the ids of customers who asked to be forgotten: their buffered alerts are
 * dropped (counted as {@code alertsDroppedForgotten}), their contact history and every timer go.
 */
public class ApplyContactStrategy
    extends KeyedCoProcessFunction<String, AlertCandidate, String, Alert> {
  private static final long serialVersionUID = 1L;

  private static final Comparator<AlertCandidate> EVENT_TIME_ORDER =
      Comparator.<AlertCandidate>comparingLong(c -> eventTime(c))
          .thenComparing(c -> c.alert.alertId, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final PressureControl pressure;
  private final long orderWaitMillis;

  private transient ValueState<ContactHistory> history;
  private transient ValueState<Long> cleanupAt;
  private transient ListState<AlertCandidate> pending;
  private transient ValueState<Long> flushAt;
  private transient Counter emitted;
  private transient Counter deferred;
  private transient Map<String, Counter> suppressed;
  private transient Counter droppedForgotten;

  public ApplyContactStrategy(PressureControl pressure, Duration orderWait) {
    this.pressure = pressure;
    this.orderWaitMillis = orderWait.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    history =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "contact-history", TypeInformation.of(ContactHistory.class)));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
    pending =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>(
                    "pending-alerts", TypeInformation.of(AlertCandidate.class)));
    flushAt = getRuntimeContext().getState(new ValueStateDescriptor<>("flush-at", Types.LONG));
    var metrics = getRuntimeContext().getMetricGroup();
    emitted = metrics.counter("alertsEmitted");
    deferred = metrics.counter("alertsDeferred");
    droppedForgotten = metrics.counter("alertsDroppedForgotten");
    suppressed = new HashMap<>();
    for (String reason :
        new String[] {Decision.COOLDOWN, Decision.CONTACT_LIMIT, Decision.NO_CONSENTED_CHANNEL}) {
      suppressed.put(reason, metrics.counter("alertsSuppressed." + reason));
    }
  }

  @Override
  public void processElement1(AlertCandidate c, Context ctx, Collector<Alert> out)
      throws Exception {
    long t = eventTime(c);
    long watermark = ctx.timerService().currentWatermark();
    if (t <= watermark || orderWaitMillis <= 0) {
      // Nothing older can still come in order: decide it with whatever waits before it.
      List<AlertCandidate> ready = drain(ctx, Long.MAX_VALUE);
      ready.add(c);
      decideAll(ready, ctx, out);
      return;
    }
    pending.add(c);
    ctx.timerService().registerEventTimeTimer(t);
    if (flushAt.value() == null) {
      long at = ctx.timerService().currentProcessingTime() + orderWaitMillis;
      ctx.timerService().registerProcessingTimeTimer(at);
      flushAt.update(at);
    }
  }

  /** A forget request for the customer of this key: nothing about them stays here. */
  @Override
  public void processElement2(String customerId, Context ctx, Collector<Alert> out)
      throws Exception {
    List<AlertCandidate> dropped = drain(ctx, Long.MAX_VALUE);
    droppedForgotten.inc(dropped.size());
    Long cleanup = cleanupAt.value();
    if (cleanup != null) {
      ctx.timerService().deleteEventTimeTimer(cleanup);
    }
    history.clear();
    cleanupAt.clear();
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      Long at = flushAt.value();
      if (at != null && at == timestamp) {
        flushAt.clear();
        decideAll(drain(ctx, Long.MAX_VALUE), ctx, out);
      }
      return;
    }
    decideAll(drain(ctx, timestamp), ctx, out);
    Long cleanup = cleanupAt.value();
    if (cleanup != null && cleanup <= timestamp) {
      // The newest contact plus the retention has passed: nothing left is still needed.
      history.clear();
      cleanupAt.clear();
    }
  }

  /**
   * Removes and returns the buffered candidates with event time up to {@code upTo}, oldest first;
   * their event-time timers go, and the processing-time timer too once the buffer is empty.
   */
  private List<AlertCandidate> drain(Context ctx, long upTo) throws Exception {
    List<AlertCandidate> ready = new ArrayList<>();
    List<AlertCandidate> keep = new ArrayList<>();
    Iterable<AlertCandidate> buffered = pending.get();
    if (buffered != null) {
      for (AlertCandidate c : buffered) {
        (eventTime(c) <= upTo ? ready : keep).add(c);
      }
    }
    if (ready.isEmpty()) {
      return ready;
    }
    Long cleanup = cleanupAt.value();
    for (AlertCandidate c : ready) {
      long t = eventTime(c);
      if ((cleanup == null || cleanup != t) && keep.stream().noneMatch(k -> eventTime(k) == t)) {
        ctx.timerService().deleteEventTimeTimer(t);
      }
    }
    if (keep.isEmpty()) {
      pending.clear();
      Long at = flushAt.value();
      if (at != null) {
        ctx.timerService().deleteProcessingTimeTimer(at);
        flushAt.clear();
      }
    } else {
      pending.update(keep);
    }
    ready.sort(EVENT_TIME_ORDER);
    return ready;
  }

  private void decideAll(List<AlertCandidate> ready, Context ctx, Collector<Alert> out)
      throws Exception {
    if (ready.isEmpty()) {
      return;
    }
    ContactHistory h = history.value();
    if (h == null) {
      h = new ContactHistory();
    }
    for (AlertCandidate c : ready) {
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
    }
    Long previous = cleanupAt.value();
    if (h.isEmpty()) {
      if (previous != null && !isPendingAt(previous)) {
        ctx.timerService().deleteEventTimeTimer(previous);
      }
      history.clear();
      cleanupAt.clear();
      return;
    }
    history.update(h);
    long at = h.times.get(h.times.size() - 1) + pressure.strategy().retention().toMillis();
    if (previous == null || previous != at) {
      if (previous != null && !isPendingAt(previous)) {
        ctx.timerService().deleteEventTimeTimer(previous);
      }
      ctx.timerService().registerEventTimeTimer(at);
      cleanupAt.update(at);
    }
  }

  private boolean isPendingAt(long t) throws Exception {
    Iterable<AlertCandidate> buffered = pending.get();
    if (buffered != null) {
      for (AlertCandidate c : buffered) {
        if (eventTime(c) == t) {
          return true;
        }
      }
    }
    return false;
  }

  private static long eventTime(AlertCandidate c) {
    return PressureControl.eventTime(c.alert).toEpochMilli();
  }
}
