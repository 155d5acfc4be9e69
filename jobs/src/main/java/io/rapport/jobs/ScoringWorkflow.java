package io.rapport.jobs;

import static io.rapport.jobs.RapportOptions.*;

import io.rapport.alerting.ChurnRiskAlerts;
import io.rapport.jobs.functions.MaintainProfiles;
import io.rapport.jobs.functions.ScoreCustomers;
import io.rapport.jobs.functions.SegmentChangeDocuments;
import io.rapport.jobs.source.ClvModelDeserializer;
import io.rapport.model.AlertCandidate;
import io.rapport.model.EsDocument;
import io.rapport.model.ProfileUpdate;
import io.rapport.profile.Documents;
import io.rapport.scoring.ClvModel;
import io.rapport.scoring.Loyalty;
import io.rapport.scoring.ScoreDocuments;
import io.rapport.scoring.ScoringConfig;
import io.rapport.scoring.clv.BgNbdParams;
import io.rapport.scoring.clv.GammaGammaParams;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The scoring stage of the main job: profile updates from maintain-profiles, keyed by profile id,
 * connected to the broadcast CLV model, into score-customers; its customer, loyalty and
 * segment-change documents go to Elasticsearch.
 */
public final class ScoringWorkflow {
  private ScoringWorkflow() {}

  /** The scoring configuration from the job's options. */
  public static ScoringConfig config(Configuration conf) {
    ScoringConfig c = ScoringConfig.defaults();
    c.brand = conf.get(BRAND);
    c.competitors = new java.util.ArrayList<>(conf.get(COMPETITORS));
    c.language = alertText(conf).code();
    c.sentimentHalfLifeDays = days(conf.get(SCORING_SENTIMENT_HALF_LIFE));
    c.trendShortHalfLifeDays = days(conf.get(SCORING_TREND_SHORT_HALF_LIFE));
    c.trendLongHalfLifeDays = days(conf.get(SCORING_TREND_LONG_HALF_LIFE));
    c.rescoreIntervalMillis = conf.get(SCORING_RESCORE_INTERVAL).toMillis();
    c.rescoreForMillis = conf.get(SCORING_RESCORE_FOR).toMillis();
    c.clvHorizonMonths = conf.get(SCORING_CLV_HORIZON_MONTHS);
    c.clvYearlyDiscount = conf.get(SCORING_CLV_YEARLY_DISCOUNT);
    c.vulnerableAtRisk = conf.get(SCORING_VULNERABLE_AT_RISK);
    c.lostBelowPAlive = conf.get(SCORING_LOST_BELOW_P_ALIVE);
    c.influencerAt = conf.get(SCORING_INFLUENCER_AT);
    double[] bg = numbers(CLV_MODEL_BGNBD.key(), conf.get(CLV_MODEL_BGNBD), 4);
    c.bgNbd = new BgNbdParams(bg[0], bg[1], bg[2], bg[3]);
    double[] gg = numbers(CLV_MODEL_GAMMA_GAMMA.key(), conf.get(CLV_MODEL_GAMMA_GAMMA), 3);
    c.gammaGamma = new GammaGammaParams(gg[0], gg[1], gg[2]);
    c.modelTimeUnitDays = days(conf.get(CLV_MODEL_TIME_UNIT));
    c.loyaltyPoints.put(Loyalty.PURCHASE, conf.get(LOYALTY_POINTS_PURCHASE));
    c.loyaltyPoints.put(Loyalty.REVIEW, conf.get(LOYALTY_POINTS_REVIEW));
    c.loyaltyPoints.put(Loyalty.SHARE, conf.get(LOYALTY_POINTS_SHARE));
    c.loyaltyPoints.put(Loyalty.RECOMMENDATION, conf.get(LOYALTY_POINTS_RECOMMENDATION));
    c.loyaltyPoints.put(Loyalty.REFERRAL, conf.get(LOYALTY_POINTS_REFERRAL));
    c.loyaltyPoints.put(Loyalty.REGISTRATION, conf.get(LOYALTY_POINTS_REGISTRATION));
    c.loyaltyPoints.put(Loyalty.SURVEY, conf.get(LOYALTY_POINTS_SURVEY));
    List<Integer> levels = conf.get(LOYALTY_LEVELS);
    if (levels.size() != 3) {
      throw new IllegalArgumentException(
          LOYALTY_LEVELS.key() + " needs 3 thresholds (silver;gold;platinum), got " + levels);
    }
    c.silverPoints = levels.get(0);
    c.goldPoints = levels.get(1);
    c.platinumPoints = levels.get(2);
    ClvModel.of(c).validate();
    return c;
  }

  private static double days(Duration d) {
    return d.toMillis() / (double) ScoringConfig.DAY_MILLIS;
  }

  private static double[] numbers(String key, String spec, int n) {
    String[] parts = spec.split(",");
    if (parts.length != n) {
      throw new IllegalArgumentException(key + " needs " + n + " numbers, got '" + spec + "'");
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Double.parseDouble(parts[i].trim());
    }
    return out;
  }

  /** The model topic as a source: every model published, from the earliest (compacted) offset. */
  public static Source<ClvModel, ?, ?> modelSource(Configuration conf) {
    var builder = KafkaSource.<ClvModel>builder();
    if (conf.get(KAFKA_BOUNDED)) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder
        .setBootstrapServers(conf.get(KAFKA_BOOTSTRAP_SERVERS))
        .setTopics(conf.get(TOPIC_CLV_MODEL))
        .setGroupId(conf.get(KAFKA_GROUP_ID) + "-clv-model")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new ClvModelDeserializer())
        .setProperty("isolation.level", "read_committed")
        .build();
  }

  /** The churn-risk alert rule from the job's options. */
  public static ChurnRiskAlerts churnAlerts(Configuration conf) {
    return new ChurnRiskAlerts(
        conf.get(ALERT_CHURN_RISK_THRESHOLD),
        conf.get(ALERT_CHURN_RISK_REARM_BELOW),
        alertText(conf));
  }

  /**
   * What the scoring stage adds: documents (customers with scores, loyalty, segment changes) and
   * alert candidates (churn risk crossing its threshold) for the contact strategy.
   */
  public record Outputs(DataStream<EsDocument> documents, DataStream<AlertCandidate> alerts) {}

  /**
   * Adds the scoring stage after maintain-profiles and returns its documents and alert candidates.
   * {@code models}: the model topic's source, or null to score with the configured model only.
   */
  public static Outputs define(
      StreamExecutionEnvironment env,
      Configuration conf,
      SingleOutputStreamOperator<EsDocument> profiles,
      Documents documents,
      Source<ClvModel, ?, ?> models) {
    ScoringConfig config = config(conf);
    DataStream<ProfileUpdate> updates = profiles.getSideOutput(MaintainProfiles.PROFILE_UPDATES);
    DataStream<ClvModel> modelStream;
    if (models == null) {
      // No model topic: scoring keeps the configured model. The operator still needs its model
      // input; an empty stream derived from the updates never finishes (no finished tasks in
      // checkpoints) and carries the updates' watermark.
      modelStream =
          updates
              .flatMap(new NoModels())
              .returns(TypeInformation.of(ClvModel.class))
              .uid("no-clv-model")
              .name("no-clv-model");
    } else {
      // The model input is idle (it never holds back event time, nor pushes it: an idle input
      // is left out of the operator's watermark), so that the customers' rescoring timers follow
      // the events' watermark alone.
      modelStream =
          env.fromSource(
                  models,
                  WatermarkStrategy.forGenerator(ctx -> new IdleInput()),
                  "source-clv-model")
              .uid("source-clv-model");
    }
    BroadcastStream<ClvModel> broadcast = modelStream.broadcast(ScoreCustomers.MODEL);
    ScoreDocuments scoreDocuments =
        new ScoreDocuments(documents, conf.get(ELASTICSEARCH_INDEX_PREFIX));
    SingleOutputStreamOperator<EsDocument> scored =
        updates
            .keyBy(u -> u.profileId)
            .connect(broadcast)
            .process(new ScoreCustomers(config, scoreDocuments, churnAlerts(conf)))
            .returns(TypeInformation.of(EsDocument.class))
            .uid("score-customers")
            .name("score-customers");
    DataStream<EsDocument> changes =
        scored
            .getSideOutput(ScoreCustomers.SEGMENT_CHANGES)
            .map(new SegmentChangeDocuments(scoreDocuments))
            .uid("segment-change-documents")
            .name("segment-change-documents");
    return new Outputs(scored.union(changes), scored.getSideOutput(ScoreCustomers.CHURN_ALERTS));
  }

  /** Emits nothing: the model input when there is no model topic. */
  static final class NoModels implements FlatMapFunction<ProfileUpdate, ClvModel> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(ProfileUpdate value, Collector<ClvModel> out) {}
  }

  /**
   * Marks the input idle and emits no watermark. Not the maximum watermark: when the events' input
   * goes idle, a two-input operator's watermark is that of its active inputs, and a maximum there
   * would fire every rescoring timer up to the end of time.
   */
  static final class IdleInput implements WatermarkGenerator<ClvModel> {
    @Override
    public void onEvent(ClvModel event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      output.markIdle();
    }
  }
}
