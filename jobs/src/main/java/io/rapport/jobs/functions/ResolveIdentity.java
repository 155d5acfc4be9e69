package io.rapport.jobs.functions;

import io.rapport.identity.Identifiers;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.ProfileEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The identity index, keyed by normalized identifier ({@code email:…}, {@code social:x:…}, …): who
 * owns each identifier, as the CRM says. Routes each mention and transaction to its owner's
 * profile. A mention by an unknown author goes to a prospect profile; a transaction by an unknown
 * card or email waits (event time, bounded) for the CRM record that resolves it, then goes to a
 * prospect profile. Exact matching only: an identifier claimed by a second customer keeps its first
 * owner and is counted as a conflict.
 */
public class ResolveIdentity extends KeyedProcessFunction<String, ProfileEvent, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  public static final String PROSPECT_PREFIX = "prospect-";

  private static final String CRM_PREFIX = Identifiers.CRM + ":";

  private final Duration holdTimeout;
  private final Pseudonymizer pseudonymizer;

  private transient ValueState<String> owner;
  private transient ListState<ProfileEvent> pending;
  private transient ValueState<Long> pendingTimer;
  private transient Counter conflicts;
  private transient Counter heldReleasedUnresolved;

  public ResolveIdentity(Duration holdTimeout, Pseudonymizer pseudonymizer) {
    this.holdTimeout = holdTimeout;
    this.pseudonymizer = pseudonymizer;
  }

  @Override
  public void open(OpenContext openContext) {
    owner = getRuntimeContext().getState(new ValueStateDescriptor<>("owner", Types.STRING));
    pending =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("pending", TypeInformation.of(ProfileEvent.class)));
    pendingTimer =
        getRuntimeContext().getState(new ValueStateDescriptor<>("pending-timer", Types.LONG));
    conflicts = getRuntimeContext().getMetricGroup().counter("identityConflicts");
    heldReleasedUnresolved = getRuntimeContext().getMetricGroup().counter("heldReleasedUnresolved");
  }

  /** The prospect profile id of an identifier nobody owns. */
  public static String prospectId(Pseudonymizer pseudonymizer, String identifier) {
    return PROSPECT_PREFIX + pseudonymizer.hash(identifier);
  }

  @Override
  public void processElement(ProfileEvent e, Context ctx, Collector<ProfileEvent> out)
      throws Exception {
    String current = owner.value();
    if (current == null && ctx.getCurrentKey().startsWith(CRM_PREFIX)) {
      // A CRM id is its own customer's, with or without a CRM record seen yet.
      current = ctx.getCurrentKey().substring(CRM_PREFIX.length());
    }
    switch (e.kind) {
      case ProfileEvent.LINK:
        if (owner.value() == null) {
          owner.update(e.linkedProfileId);
          release(e.linkedProfileId, ctx, out);
        } else if (!current.equals(e.linkedProfileId)) {
          conflicts.inc();
        }
        break;
      case ProfileEvent.MENTION:
        out.collect(
            e.withKey(current != null ? current : prospectId(pseudonymizer, ctx.getCurrentKey())));
        break;
      case ProfileEvent.TRANSACTION:
        if (current != null) {
          out.collect(e.withKey(current));
        } else {
          pending.add(e);
          if (pendingTimer.value() == null) {
            long at =
                Math.max(e.time, ctx.timerService().currentWatermark()) + holdTimeout.toMillis();
            ctx.timerService().registerEventTimeTimer(at);
            pendingTimer.update(at);
          }
        }
        break;
      default:
        throw new IllegalArgumentException("identity index got a " + e.kind + " event");
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ProfileEvent> out)
      throws Exception {
    Long due = pendingTimer.value();
    if (due == null || due != timestamp) {
      return;
    }
    String target = owner.value();
    if (target == null) {
      target = prospectId(pseudonymizer, ctx.getCurrentKey());
      for (ProfileEvent ignored : pending.get()) {
        heldReleasedUnresolved.inc();
      }
    }
    for (ProfileEvent p : pending.get()) {
      out.collect(p.withKey(target));
    }
    pending.clear();
    pendingTimer.clear();
  }

  private void release(String target, Context ctx, Collector<ProfileEvent> out) throws Exception {
    List<ProfileEvent> held = new ArrayList<>();
    for (ProfileEvent p : pending.get()) {
      held.add(p);
    }
    for (ProfileEvent p : held) {
      out.collect(p.withKey(target));
    }
    pending.clear();
    Long timer = pendingTimer.value();
    if (timer != null) {
      ctx.timerService().deleteEventTimeTimer(timer);
      pendingTimer.clear();
    }
  }
}
