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
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The identity index, keyed by normalized identifier ({@code email:…}, {@code social:x:…}, …): who
 * owns each identifier, as the CRM says. Routes each mention, transaction and activity to its
 * owner's profile id (the merge stage downstream forwards it to the survivor if that id was
 * merged).
 *
 * <ul>
 *   <li>Only CRM records link: an identifier belongs to the first customer whose record lists it.
 *   <li>A second customer claiming an owned identifier, or a customer claiming the handle of a
 *       prospect, is a merge candidate: a {@link ProfileEvent#CONFLICT} on {@link #CONFLICTS} for
 *       the merge registry, which decides the survivor. A claimed prospect handle is owned by the
 *       customer from then on; a customer's identifier keeps its first owner (if the merge is
 *       refused by the guardrail, nothing moves).
 *   <li>Out of order: a mention or transaction whose identifier nobody owns yet is held (event
 *       time, {@code identity.mention-hold-timeout} / {@code identity.hold-timeout}) and released
 *       to the owner as soon as the link arrives; when the hold ends unresolved, it goes to a
 *       prospect profile ({@code prospect-<keyed hash of the identifier>}), which owns the
 *       identifier from then on (state TTL {@code identity.prospect-ttl}).
 * </ul>
 */
public class ResolveIdentity extends KeyedProcessFunction<String, ProfileEvent, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  public static final String PROSPECT_PREFIX = "prospect-";

  /** Merge candidates, for the merge registry. */
  public static final OutputTag<ProfileEvent> CONFLICTS =
      new OutputTag<>("identity-conflicts", TypeInformation.of(ProfileEvent.class));

  private static final String CRM_PREFIX = Identifiers.CRM + ":";

  private final Duration holdTimeout;
  private final Duration mentionHoldTimeout;
  private final Duration prospectTtl;
  private final Pseudonymizer pseudonymizer;

  private transient ValueState<String> owner;
  private transient ValueState<String> prospect;
  private transient ListState<ProfileEvent> pending;
  private transient ValueState<Long> pendingTimer;
  private transient Counter conflicts;
  private transient Counter heldReleasedUnresolved;
  private transient Counter unlinked;

  /** Mentions are not held: an unknown author's mention goes to a prospect at once. */
  public ResolveIdentity(Duration holdTimeout, Pseudonymizer pseudonymizer) {
    this(holdTimeout, Duration.ZERO, Duration.ZERO, pseudonymizer);
  }

  /** A zero {@code prospectTtl} keeps prospects forever. */
  public ResolveIdentity(
      Duration holdTimeout,
      Duration mentionHoldTimeout,
      Duration prospectTtl,
      Pseudonymizer pseudonymizer) {
    this.holdTimeout = holdTimeout;
    this.mentionHoldTimeout = mentionHoldTimeout;
    this.prospectTtl = prospectTtl;
    this.pseudonymizer = pseudonymizer;
  }

  @Override
  public void open(OpenContext openContext) {
    owner = getRuntimeContext().getState(new ValueStateDescriptor<>("owner", Types.STRING));
    ValueStateDescriptor<String> prospectDescriptor =
        new ValueStateDescriptor<>("prospect-owner", Types.STRING);
    if (!prospectTtl.isZero()) {
      prospectDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(prospectTtl).build());
    }
    prospect = getRuntimeContext().getState(prospectDescriptor);
    pending =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("pending", TypeInformation.of(ProfileEvent.class)));
    pendingTimer =
        getRuntimeContext().getState(new ValueStateDescriptor<>("pending-timer", Types.LONG));
    conflicts = getRuntimeContext().getMetricGroup().counter("identityConflicts");
    heldReleasedUnresolved = getRuntimeContext().getMetricGroup().counter("heldReleasedUnresolved");
    unlinked = getRuntimeContext().getMetricGroup().counter("identifiersUnlinked");
  }

  /** The prospect profile id of an identifier nobody owns. */
  public static String prospectId(Pseudonymizer pseudonymizer, String identifier) {
    return PROSPECT_PREFIX + pseudonymizer.hash(identifier);
  }

  @Override
  public void processElement(ProfileEvent e, Context ctx, Collector<ProfileEvent> out)
      throws Exception {
    String key = ctx.getCurrentKey();
    String current = owner.value();
    if (current == null && key.startsWith(CRM_PREFIX)) {
      // A CRM id is its own customer's, with or without a CRM record seen yet.
      current = key.substring(CRM_PREFIX.length());
    }
    String prospectOwner = current == null ? prospect.value() : null;
    switch (e.kind) {
      case ProfileEvent.LINK:
        if (current == null) {
          owner.update(e.linkedProfileId);
          if (prospectOwner != null) {
            prospect.clear();
            conflict(ctx, key, prospectOwner, e);
          }
          release(e.linkedProfileId, ctx, out);
        } else if (!current.equals(e.linkedProfileId)) {
          conflict(ctx, key, current, e);
        }
        break;
      case ProfileEvent.UNLINK:
        // right to be forgotten: the identifier (a key of this operator) leaves the index
        if (e.linkedProfileId.equals(owner.value())) {
          owner.clear();
          prospect.clear();
          Long timer = pendingTimer.value();
          if (timer != null) {
            ctx.timerService().deleteEventTimeTimer(timer);
          }
          pendingTimer.clear();
          pending.clear();
          unlinked.inc();
          // Later events of this identifier would make a prospect of the forgotten person: its
          // profile ids keep a tombstone (a keyed hash and a time) that drops them.
          out.collect(
              ProfileEvent.control(
                  ProfileEvent.FORGET, prospectId(pseudonymizer, key), e.linkedProfileId, e.time));
        }
        break;
      case ProfileEvent.MENTION:
      case ProfileEvent.TRANSACTION:
      case ProfileEvent.ACTIVITY:
        String target = current != null ? current : prospectOwner;
        Duration hold = ProfileEvent.MENTION.equals(e.kind) ? mentionHoldTimeout : holdTimeout;
        if (target == null && hold.isZero()) {
          target = prospectId(pseudonymizer, key);
          prospect.update(target);
        }
        if (target != null) {
          out.collect(e.withKey(target));
        } else {
          pending.add(e);
          if (pendingTimer.value() == null) {
            long at = Math.max(e.time, ctx.timerService().currentWatermark()) + hold.toMillis();
            ctx.timerService().registerEventTimeTimer(at);
            pendingTimer.update(at);
          }
        }
        break;
      default:
        throw new IllegalArgumentException("identity index got a " + e.kind + " event");
    }
  }

  private void conflict(Context ctx, String identifier, String currentOwner, ProfileEvent link) {
    conflicts.inc();
    ctx.output(
        CONFLICTS,
        ProfileEvent.conflict(
            MergeIdentities.KEY,
            identifier,
            currentOwner,
            link.linkedProfileId,
            link.identifiers,
            link.time));
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
      prospect.update(target);
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
