package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rapport.scoring.ClvModel;
import io.rapport.serde.Json;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.KafkaTestCluster;
import io.rapport.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ClvModelJob on a MiniCluster against a real Kafka broker: the CDNOW sample's 6,919 purchases as
 * transactions on the topic, the batch fit with CDNOW's 39-week calibration period, the model on
 * the model topic with the published BG/NBD parameters.
 */
class ClvModelJobITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private final KafkaTestCluster kafka = KafkaTestCluster.get();

  private static Path cdnow() {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
      root = root.getParent();
    }
    return root.getParent().resolve("shared/data/clv/cdnow/CDNOW_sample.txt");
  }

  @Test
  void fitsCdnowFromTheTransactionsTopicAndPublishesTheModel() throws Exception {
    String transactions = kafka.uniqueTopic("transactions", 2);
    String models = kafka.uniqueTopic("clv-model", 1);
    List<String> lines = Files.readAllLines(cdnow());
    List<String> records = new ArrayList<>();
    int n = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] c = line.trim().split("\\s+");
      LocalDate day = LocalDate.parse(c[2], DateTimeFormatter.BASIC_ISO_DATE);
      records.add(
          Json.toString(
              Samples.purchase(
                  "cdnow-" + n++,
                  String.valueOf(Integer.parseInt(c[1])),
                  Double.parseDouble(c[4]),
                  day.atTime(12, 0).toInstant(ZoneOffset.UTC))));
    }
    kafka.produceValues(transactions, records);

    Map<String, String> o = new HashMap<>();
    o.put(RapportOptions.KAFKA_BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
    o.put(RapportOptions.KAFKA_GROUP_ID.key(), KafkaTestCluster.uniqueName("group"));
    o.put(RapportOptions.TOPIC_TRANSACTIONS.key(), transactions);
    o.put(RapportOptions.TOPIC_CLV_MODEL.key(), models);
    o.put(RapportOptions.CLV_MODEL_CALIBRATION_END.key(), "1997-09-30");
    Configuration options = Configuration.fromMap(o);
    Configuration flink = FlinkTestCluster.jobConfiguration();
    flink.removeKey("execution.checkpointing.interval"); // a batch job
    StreamExecutionEnvironment env = FlinkTestCluster.env(flink);
    ClvModelJob.defineWorkflow(
        env, options, ClvModelJob.transactions(options), ClvModelJob.modelSink(options));
    env.execute("clv-model-it");

    List<ConsumerRecord<byte[], byte[]>> published =
        kafka.consumeAll(models, IsolationLevel.READ_COMMITTED, 1, Duration.ofSeconds(60));
    assertThat(published).hasSize(1);
    assertThat(new String(published.get(0).key())).isEqualTo(ClvModel.KEY);
    ClvModel m = Json.mapper().readValue(published.get(0).value(), ClvModel.class);
    assertThat(records).hasSize(6919);
    assertThat(m.customers).isEqualTo(2357);
    // Fader, Hardie & Lee (2005): r 0.2426, alpha 4.4135, a 0.7929, b 2.4258
    assertThat(m.bgNbd.r).isCloseTo(0.2426, within(0.0005));
    assertThat(m.bgNbd.alpha).isCloseTo(4.4135, within(0.005));
    assertThat(m.bgNbd.a).isCloseTo(0.7929, within(0.0005));
    assertThat(m.bgNbd.b).isCloseTo(2.4258, within(0.005));
    m.validate();
  }
}
