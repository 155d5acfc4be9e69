package io.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.jobs.sink.ElasticsearchSink;
import io.rapport.model.EsDocument;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The three helpers together, as a template for the jobs' ITCases: Kafka to Flink to ES. */
class KafkaToElasticsearchITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void kafkaToFlinkToElasticsearch() throws Exception {
    KafkaTestCluster kafka = KafkaTestCluster.get();
    ElasticsearchTestNode es = ElasticsearchTestNode.get();
    String topic = kafka.uniqueTopic("customers", 2);
    String index = ElasticsearchTestNode.uniqueIndexPrefix() + "customers";
    // keyed by customer: the versions of one customer stay in one partition, in order
    kafka.produce(topic, "c1", "{\"id\":\"c1\",\"name\":\"Ada\"}");
    kafka.produce(topic, "c2", "{\"id\":\"c2\",\"name\":\"Grace\"}");
    kafka.produce(topic, "c1", "{\"id\":\"c1\",\"name\":\"Ada L.\"}");

    StreamExecutionEnvironment env = FlinkTestCluster.env();
    KafkaSource<String> source =
        KafkaSource.<String>builder()
            .setBootstrapServers(kafka.bootstrapServers())
            .setTopics(topic)
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setValueOnlyDeserializer(new SimpleStringSchema())
            .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "customers")
        .map(json -> new EsDocument(index, MAPPER.readTree(json).get("id").asText(), json))
        .keyBy(d -> d.id)
        .sinkTo(new ElasticsearchSink(es.sinkConfig()));
    env.execute("kafka to elasticsearch");

    JsonNode c1 = es.get(index, "c1");
    assertThat(c1.get("name").asText()).isEqualTo("Ada L.");
    assertThat(es.count(index)).isEqualTo(2);
  }
}
