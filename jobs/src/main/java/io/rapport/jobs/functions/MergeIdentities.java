package io.rapport.jobs.functions;

import io.rapport.alerting.AlertText;
import io.rapport.alerting.IdentityAlerts;
import io.rapport.identity.IdentityGraph;
import io.rapport.identity.IdentityNode;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.Alert;
import io.rapport.model.MergeRecord;
import io.rapport.model.ProfileEvent;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The merge registry: one key ({@link #KEY}, parallelism 1), holding the {@link IdentityGraph} of
 * merged profile ids in keyed map state (RocksDB in production). Merges are rare (CRM duplicates,
 * prospects becoming customers), so one instance suffices; it only sees CRM records and merge
 * candidates, never mentions or transactions.
 *
 * <p>Why here and not in a loop: Flink 2.x has no DataStream iterations, and a merge needs state of
 * several keys (all ids of the absorbed group). The registry decides each merge once and tells
 * every moved id ({@link ProfileEvent#REROOT}, keyed by that id) where its survivor is; {@link
 * RouteToSurvivor} (keyed by profile id) then hands that id's own history to the survivor. The
 * graph is acyclic, so checkpoints cover it like any other pipeline: exactly once across failures.
 *
 * <p>Emits the merge log ({@link #MERGES}), MERGE_GUARDRAIL alerts ({@link #ALERTS}) and, for a
 * forget request, a {@link ProfileEvent#FORGET} to every id of the person's group.
 */
public class MergeIdentities extends KeyedProcessFunction<String, ProfileEvent, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  /** The registry's single key. */
  public static final String KEY = "identity-graph";

  public static final OutputTag<MergeRecord> MERGES =
      new OutputTag<>("merges", TypeInformation.of(MergeRecord.class));

  public static final OutputTag<Alert> ALERTS =
      new OutputTag<>("merge-alerts", TypeInformation.of(Alert.class));

  private final int maxPerKind;
  private final Pseudonymizer pseudonymizer;
  private final AlertText text;

  private transient IdentityGraph graph;
  private transient Counter merges;
  private transient Counter refused;

  public MergeIdentities(int maxPerKind, Pseudonymizer pseudonymizer) {
    this(maxPerKind, pseudonymizer, AlertText.EN);
  }

  /** As {@link #MergeIdentities(int, Pseudonymizer)}, with alert texts in a language. */
  public MergeIdentities(int maxPerKind, Pseudonymizer pseudonymizer, AlertText text) {
    this.maxPerKind = maxPerKind;
    this.pseudonymizer = pseudonymizer;
    this.text = text;
  }

  @Override
  public void open(OpenContext openContext) {
    MapState<String, IdentityNode> nodes =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "nodes", Types.STRING, TypeInformation.of(IdentityNode.class)));
    graph =
        new IdentityGraph(
            new IdentityGraph.Store() {
              @Override
              public IdentityNode get(String id) throws Exception {
                return nodes.get(id);
              }

              @Override
              public void put(String id, IdentityNode node) throws Exception {
                nodes.put(id, node);
              }

              @Override
              public void remove(String id) throws Exception {
                nodes.remove(id);
              }
            },
            maxPerKind,
            pseudonymizer);
    merges = getRuntimeContext().getMetricGroup().counter("identityMerges");
    refused = getRuntimeContext().getMetricGroup().counter("identityMergesRefused");
  }

  @Override
  public void processElement(ProfileEvent e, Context ctx, Collector<ProfileEvent> out)
      throws Exception {
    switch (e.kind) {
      case ProfileEvent.CLAIM:
        graph.claim(e.linkedProfileId, e.identifiers);
        break;
      case ProfileEvent.CONFLICT:
        IdentityGraph.Outcome o =
            graph.conflict(
                e.otherProfileId, e.linkedProfileId, e.identifier, e.identifiers, e.time);
        if (o.merge != null) {
          merges.inc();
          for (String moved : o.merge.mergedIds) {
            out.collect(
                ProfileEvent.control(ProfileEvent.REROOT, moved, o.merge.survivorId, e.time));
          }
          ctx.output(MERGES, o.merge);
        } else if (o.refused()) {
          refused.inc();
          ctx.output(
              ALERTS,
              IdentityAlerts.mergeGuardrail(
                  o.refusedSurvivor,
                  o.refusedOther,
                  o.refusedKind,
                  o.refusedCount,
                  maxPerKind,
                  e.time,
                  text));
        }
        break;
      case ProfileEvent.FORGET:
        List<String> group = graph.forget(e.linkedProfileId);
        for (String id : group) {
          out.collect(ProfileEvent.control(ProfileEvent.FORGET, id, group.get(0), e.time));
        }
        break;
      default:
        throw new IllegalArgumentException("merge registry got a " + e.kind + " event");
    }
  }
}
