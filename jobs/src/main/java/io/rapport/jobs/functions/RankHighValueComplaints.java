package io.rapport.jobs.functions;

import io.rapport.alerting.AlertText;
import io.rapport.alerting.Alerts;
import io.rapport.model.Alert;
import io.rapport.model.AlertCandidate;
import io.rapport.model.ValueSignal;
import io.rapport.scoring.SpendDistribution;
import java.time.Instant;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the distribution of customers' net spend (constant memory, see {@link SpendDistribution})
 * and raises a high-value complaint alert when a customer in the top spend share says something
 * negative; the contact strategy ({@link ApplyContactStrategy}) then plans the contact. Runs with
 * parallelism 1: the distribution is global; its input is one signal per purchase or negative
 * mention, not per event.
 */
public class RankHighValueComplaints extends ProcessFunction<ValueSignal, AlertCandidate>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  private final double topShare;
  private final int minPopulation;
  private final AlertText text;

  private transient SpendDistribution distribution;
  private transient ListState<long[]> checkpointed;
  private transient Counter alerts;

  public RankHighValueComplaints(double topShare, int minPopulation) {
    this(topShare, minPopulation, AlertText.EN);
  }

  /**
   * As {@link #RankHighValueComplaints(double, int)}, with summaries in {@code text}'s language.
   */
  public RankHighValueComplaints(double topShare, int minPopulation, AlertText text) {
    this.topShare = topShare;
    this.minPopulation = minPopulation;
    this.text = text;
  }

  @Override
  public void processElement(ValueSignal s, Context ctx, Collector<AlertCandidate> out) {
    if (alerts == null) {
      alerts = getRuntimeContext().getMetricGroup().counter("highValueComplaints");
    }
    if (ValueSignal.SPEND.equals(s.kind)) {
      distribution.update(s.oldSpend, s.newSpend);
      return;
    }
    if (s.spend <= 0 || distribution.population() < minPopulation) {
      return;
    }
    double above = distribution.shareAbove(s.spend);
    if (above < topShare) {
      alerts.inc();
      Alert alert =
          Alerts.highValueComplaint(
              s, s.profileId, distribution.decile(s.spend), above, Instant.now(), text);
      out.collect(new AlertCandidate(alert, s.contact, s.mention.mention.platform));
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    checkpointed.update(java.util.List.of(distribution.toArray()));
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    checkpointed =
        context
            .getOperatorStateStore()
            .getListState(
                new ListStateDescriptor<>(
                    "spend-distribution", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    distribution = new SpendDistribution();
    if (context.isRestored()) {
      for (long[] counts : checkpointed.get()) {
        distribution = SpendDistribution.fromArray(counts);
      }
    }
  }

  /** The current distribution (for tests). */
  SpendDistribution distribution() {
    return distribution;
  }
}
