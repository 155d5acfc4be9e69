package io.rapport.jobs;

import static io.rapport.jobs.RapportOptions.*;

import io.rapport.jobs.functions.FitClvModel;
import io.rapport.jobs.functions.ModelPurchases;
import io.rapport.model.Envelope;
import io.rapport.profile.CurrencyRates;
import io.rapport.scoring.ClvModel;
import io.rapport.serde.Contract;
import io.rapport.serde.Json;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The batch job that fits the CLV model: reads the transactions topic from the earliest to the
 * latest offset (bounded), fits BG/NBD and Gamma-Gamma to the purchase history ({@code
 * clv-model.calibration-end}, default: the last purchase day; {@code clv-model.time-unit}) and
 * publishes the model, key {@code current}, to the compacted {@code topic.clv-model}, where the
 * main job picks it up as broadcast state. Run it on a schedule (e.g. nightly): {@code flink run -c
 * io.rapport.jobs.ClvModelJob rapport-jobs-…-job.jar --kafka.bootstrap-servers …}.
 */
public final class ClvModelJob {
  private ClvModelJob() {}

  public static void main(String[] args) throws Exception {
    Configuration conf = JobArguments.parse(args).configuration();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    defineWorkflow(env, conf, transactions(conf), modelSink(conf));
    env.execute("rapport-clv-model");
  }

  /** The fit between a bounded source of transaction envelopes and a sink of models. */
  public static void defineWorkflow(
      StreamExecutionEnvironment env,
      Configuration conf,
      Source<Envelope, ?, ?> transactions,
      Sink<ClvModel> sink) {
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    CurrencyRates rates =
        CurrencyRates.parse(conf.get(REPORTING_CURRENCY), conf.get(CURRENCY_RATES));
    String end = conf.get(CLV_MODEL_CALIBRATION_END);
    LocalDate calibrationEnd = end.isBlank() ? null : LocalDate.parse(end);
    double daysPerUnit = conf.get(CLV_MODEL_TIME_UNIT).toMillis() / 86_400_000.0;
    env.fromSource(transactions, WatermarkStrategy.noWatermarks(), "source-transactions")
        .uid("source-transactions")
        .flatMap(new ModelPurchases(rates))
        .uid("model-purchases")
        .name("model-purchases")
        .keyBy(p -> "all")
        .process(new FitClvModel(calibrationEnd, daysPerUnit))
        .uid("fit-clv-model")
        .name("fit-clv-model")
        .setParallelism(1)
        .sinkTo(sink)
        .uid("sink-clv-model")
        .name("sink-clv-model")
        .setParallelism(1);
  }

  /** The transactions topic, earliest to latest offsets at start. */
  public static Source<Envelope, ?, ?> transactions(Configuration conf) {
    return KafkaSource.<Envelope>builder()
        .setBootstrapServers(conf.get(KAFKA_BOOTSTRAP_SERVERS))
        .setTopics(conf.get(TOPIC_TRANSACTIONS))
        .setGroupId(conf.get(KAFKA_GROUP_ID) + "-clv-model-fit")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setDeserializer(new io.rapport.jobs.source.EnvelopeDeserializer(Contract.TRANSACTION))
        .setProperty("isolation.level", "read_committed")
        .build();
  }

  /** The model topic, key {@code current} (compaction keeps the latest model). */
  public static Sink<ClvModel> modelSink(Configuration conf) {
    String topic = conf.get(TOPIC_CLV_MODEL);
    return KafkaSink.<ClvModel>builder()
        .setBootstrapServers(conf.get(KAFKA_BOOTSTRAP_SERVERS))
        .setRecordSerializer(
            (KafkaRecordSerializationSchema<ClvModel>)
                (model, context, timestamp) ->
                    new ProducerRecord<>(
                        topic,
                        null,
                        null,
                        ClvModel.KEY.getBytes(StandardCharsets.UTF_8),
                        Json.toBytes(model)))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }
}
