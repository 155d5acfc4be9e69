package io.rapport.jobs.functions;

import io.rapport.alerting.ChurnRiskAlerts;
import io.rapport.model.AlertCandidate;
import io.rapport.model.CustomerProfile;
import io.rapport.model.EsDocument;
import io.rapport.model.ProfileUpdate;
import io.rapport.scoring.ClvModel;
import io.rapport.scoring.CustomerScorer;
import io.rapport.scoring.InfluenceDistribution;
import io.rapport.scoring.ScoreDocuments;
import io.rapport.scoring.ScoreState;
import io.rapport.scoring.Scores;
import io.rapport.scoring.ScoringConfig;
import io.rapport.scoring.SegmentChange;
import io.rapport.scoring.SpendDistribution;
import io.rapport.text.IntentDetector;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each person, keyed by profile id, on every profile update and once per {@code
 * scoring.rescore-interval} of event time (one timer per key, while scores still change with time
 * alone). Publishes the customer document with scores, segments and loyalty, the loyalty
 * leaderboard document, segment changes ({@link #SEGMENT_CHANGES}) and CHURN_RISK alert candidates
 * when the at-risk score crosses its threshold ({@link #CHURN_ALERTS}, {@link ChurnRiskAlerts}).
 * Merges: a {@link ProfileUpdate#FOLD} folds an absorbed id's score inputs into the survivor's; a
 * {@link ProfileUpdate#ABSORBED} clears the absorbed id's scores, timer and documents. The CLV
 * model is broadcast state (latest model from the model topic; the configured one until then). The
 * population distributions (influence, CLV) are per-subtask operator state: keys are spread by
 * hash, so each subtask's population is a sample of the whole; after a change of parallelism a
 * subtask sums the histograms it is given.
 */
public class ScoreCustomers
    extends KeyedBroadcastProcessFunction<String, ProfileUpdate, ClvModel, EsDocument>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ScoreCustomers.class);

  public static final OutputTag<SegmentChange> SEGMENT_CHANGES =
      new OutputTag<>("segment-changes", TypeInformation.of(SegmentChange.class));

  /** CHURN_RISK alerts: the at-risk score crossed its threshold (see {@link ChurnRiskAlerts}). */
  public static final OutputTag<AlertCandidate> CHURN_ALERTS =
      new OutputTag<>("churn-alerts", TypeInformation.of(AlertCandidate.class));

  public static final MapStateDescriptor<String, ClvModel> MODEL =
      new MapStateDescriptor<>("clv-model", Types.STRING, TypeInformation.of(ClvModel.class));

  private final ScoringConfig config;
  private final ScoreDocuments documents;
  private final ChurnRiskAlerts churnAlerts;

  private transient ValueState<CustomerProfile> profile;
  private transient ValueState<ScoreState> scoreState;
  private transient ListState<long[]> influenceCheckpoint;
  private transient ListState<long[]> clvCheckpoint;
  private transient InfluenceDistribution influence;
  private transient SpendDistribution clvs;
  private transient ClvModel scorerModel;
  private transient CustomerScorer scorer;
  private transient Counter rejectedModels;

  public ScoreCustomers(
      ScoringConfig config, ScoreDocuments documents, ChurnRiskAlerts churnAlerts) {
    this.config = config;
    this.documents = documents;
    this.churnAlerts = churnAlerts;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    influenceCheckpoint =
        context
            .getOperatorStateStore()
            .getListState(
                new ListStateDescriptor<>(
                    "influence-population", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    clvCheckpoint =
        context
            .getOperatorStateStore()
            .getListState(
                new ListStateDescriptor<>(
                    "clv-population", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    influence = new InfluenceDistribution();
    for (long[] counts : influenceCheckpoint.get()) {
      influence.merge(counts);
    }
    long[] clvCounts = null;
    for (long[] counts : clvCheckpoint.get()) {
      if (clvCounts == null) {
        clvCounts = counts.clone();
      } else {
        for (int i = 0; i < counts.length; i++) {
          clvCounts[i] += counts[i];
        }
      }
    }
    clvs = clvCounts == null ? new SpendDistribution() : SpendDistribution.fromArray(clvCounts);
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    influenceCheckpoint.update(java.util.List.of(influence.toArray()));
    clvCheckpoint.update(java.util.List.of(clvs.toArray()));
  }

  @Override
  public void open(OpenContext openContext) {
    profile =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("profile", TypeInformation.of(CustomerProfile.class)));
    scoreState =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("scores", TypeInformation.of(ScoreState.class)));
    rejectedModels = getRuntimeContext().getMetricGroup().counter("clvModelsRejected");
  }

  private CustomerScorer scorer(ReadOnlyBroadcastState<String, ClvModel> models) throws Exception {
    ClvModel model = models.get(ClvModel.KEY);
    if (scorer == null || model != scorerModel) {
      scorer = new CustomerScorer(model == null ? config : model.applyTo(config));
      scorerModel = model;
    }
    return scorer;
  }

  @Override
  public void processElement(ProfileUpdate u, ReadOnlyContext ctx, Collector<EsDocument> out)
      throws Exception {
    String id = ctx.getCurrentKey();
    ScoreState s = scoreState.value();
    if (ProfileUpdate.FORGET.equals(u.kind) || ProfileUpdate.ABSORBED.equals(u.kind)) {
      if (s != null) {
        CustomerScorer.forget(s, influence, clvs);
        if (s.timerAt != 0) {
          ctx.timerService().deleteEventTimeTimer(s.timerAt);
        }
      }
      scoreState.clear();
      profile.clear();
      out.collect(documents.deleteCustomer(id));
      out.collect(documents.deleteLoyalty(id));
      return;
    }
    if (s == null) {
      s = new ScoreState();
    }
    CustomerScorer sc = scorer(ctx.getBroadcastState(MODEL));
    if (ProfileUpdate.FOLD.equals(u.kind)) {
      sc.fold(s, u.folded);
      s.clock = Math.max(s.clock, u.time);
    } else {
      sc.apply(s, u);
    }
    profile.update(u.profile);
    boolean churnStatement =
        ProfileUpdate.MENTION.equals(u.kind) && u.intents.contains(IntentDetector.CHURN_THREAT);
    rescore(sc, id, u.profile, s, u.time, churnStatement, ctx.timerService(), ctx, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<EsDocument> out)
      throws Exception {
    ScoreState s = scoreState.value();
    CustomerProfile p = profile.value();
    if (s == null || p == null || s.timerAt != timestamp) {
      return;
    }
    s.timerAt = 0;
    if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
      // the end of a bounded input: no more event time to rescore at (and no cascade of daily
      // timers up to the end of time)
      scoreState.update(s);
      return;
    }
    rescore(
        scorer(ctx.getBroadcastState(MODEL)),
        ctx.getCurrentKey(),
        p,
        s,
        timestamp,
        false,
        ctx.timerService(),
        ctx,
        out);
  }

  private void rescore(
      CustomerScorer sc,
      String id,
      CustomerProfile p,
      ScoreState s,
      long now,
      boolean churnStatement,
      TimerService timers,
      ReadOnlyContext ctx,
      Collector<EsDocument> out)
      throws Exception {
    Scores scores = sc.score(s, p, now, influence, clvs);
    for (SegmentChange c : sc.segmentChanges(s, scores, id)) {
      ctx.output(SEGMENT_CHANGES, c);
    }
    churnAlerts
        .check(s, scores, p, churnStatement, java.time.Instant.now())
        .ifPresent(alert -> ctx.output(CHURN_ALERTS, alert));
    out.collect(documents.customer(p, scores));
    out.collect(documents.loyalty(p, scores));
    if (sc.needsRescoring(s, scores)) {
      if (s.timerAt == 0) {
        long interval = config.rescoreIntervalMillis;
        s.timerAt = (Math.floorDiv(s.clock, interval) + 1) * interval;
        timers.registerEventTimeTimer(s.timerAt);
      }
    } else if (s.timerAt != 0) {
      timers.deleteEventTimeTimer(s.timerAt);
      s.timerAt = 0;
    }
    scoreState.update(s);
  }

  @Override
  public void processBroadcastElement(ClvModel model, Context ctx, Collector<EsDocument> out)
      throws Exception {
    try {
      model.validate();
    } catch (IllegalArgumentException e) {
      rejectedModels.inc();
      LOG.warn("CLV model {} rejected: {}", model, e.getMessage());
      return;
    }
    BroadcastState<String, ClvModel> state = ctx.getBroadcastState(MODEL);
    state.put(ClvModel.KEY, model);
  }
}
