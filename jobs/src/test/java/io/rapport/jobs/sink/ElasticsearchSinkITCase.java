package io.rapport.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.model.EsDocument;
import io.rapport.testing.ElasticsearchTestNode;
import io.rapport.testing.FlinkTestCluster;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ElasticsearchSinkITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Rejections seen by {@link RecordingFailureHandler}, in every writer of this JVM. */
  static final Queue<String> REJECTED = new ConcurrentLinkedQueue<>();

  private final ElasticsearchTestNode es = ElasticsearchTestNode.get();

  @Test
  void writesLastVersionOfEachDocumentAndDeletesAndIsIdempotent() throws Exception {
    String prefix = ElasticsearchTestNode.uniqueIndexPrefix();
    String a = prefix + "a";
    String b = prefix + "b";
    List<EsDocument> input = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      input.add(doc(i % 2 == 0 ? a : b, "d-" + i, "{\"n\":" + i + ",\"v\":1}"));
    }
    for (int i = 0; i < 300; i += 7) { // later versions of some documents: last wins
      input.add(doc(i % 2 == 0 ? a : b, "d-" + i, "{\"n\":" + i + ",\"v\":2}"));
      input.add(doc(i % 2 == 0 ? a : b, "d-" + i, "{\"n\":" + i + ",\"v\":3}"));
    }
    for (int i = 10; i < 30; i++) { // deletes
      input.add(EsDocument.delete(i % 2 == 0 ? a : b, "d-" + i));
    }
    input.add(EsDocument.delete(a, "never-existed"));
    input.add(doc(a, "d-20", "{\"n\":20,\"v\":4}")); // re-created after its delete
    input.add(doc(b, "quote\"and/slash", "{\"n\":-1,\"text\":\"multi\\nline\"}"));

    Map<String, Map<String, JsonNode>> expected = expected(input);
    ElasticsearchSinkConfig config = es.sinkConfig().toBuilder().bulkMaxActions(50).build();

    runJob(input, config);
    assertThat(es.documents(a)).isEqualTo(expected.get(a));
    assertThat(es.documents(b)).isEqualTo(expected.get(b));
    assertThat(es.count(prefix + "*")).isEqualTo(300 - 20 + 1 + 1);

    // a replay of the same input (as after a failure) leaves the same documents
    runJob(input, config);
    assertThat(es.documents(a)).isEqualTo(expected.get(a));
    assertThat(es.documents(b)).isEqualTo(expected.get(b));
  }

  @Test
  void deletesEveryDocumentWithAFieldValueWhateverItsId() throws Exception {
    String prefix = ElasticsearchTestNode.uniqueIndexPrefix();
    String alerts = prefix + "alerts";
    String other = prefix + "other";
    List<EsDocument> input = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      input.add(doc(alerts, "c1-" + i, "{\"customerId\":\"C1\",\"n\":" + i + "}"));
    }
    input.add(doc(alerts, "c2", "{\"customerId\":\"C2\"}"));
    input.add(doc(alerts, "c11", "{\"customerId\":\"C11\"}")); // a prefix is no match
    input.add(doc(other, "c1", "{\"customerId\":\"C1\"}")); // another index: kept
    runJob(input, es.sinkConfig());
    assertThat(es.documents(alerts)).hasSize(9);

    // through a job, then (on a dynamically mapped index: customerId is text with a keyword
    // sub-field) again with pages of two ids, refreshed between pages, by a writer of its own
    runJob(
        List.of(
            EsDocument.deleteMatching(alerts, "customerId", "C1"),
            EsDocument.deleteMatching(alerts, "customerId", "nobody"),
            EsDocument.deleteMatching(prefix + "missing", "customerId", "C1")),
        es.sinkConfig());
    assertThat(es.documents(alerts).keySet()).containsExactlyInAnyOrder("c2", "c11");
    assertThat(es.documents(other).keySet()).containsExactly("c1");

    es.createIndex(
        prefix + "typed",
        "{\"mappings\":{\"properties\":{\"customerId\":{\"type\":\"keyword\"}}}}");
    List<EsDocument> typed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      typed.add(
          doc(prefix + "typed", "t-" + i, "{\"customerId\":\"" + (i < 4 ? "C1" : "C2") + "\"}"));
    }
    runJob(typed, es.sinkConfig());
    ElasticsearchSinkWriter writer = writerPagingByTwo();
    writer.write(EsDocument.deleteMatching(prefix + "typed", "customerId", "C1"), null);
    writer.close();
    assertThat(es.documents(prefix + "typed").keySet()).containsExactly("t-4");

    // a partial update of every match (a redaction that blanks the field it matched on), paged
    List<EsDocument> mentions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String owner = i < 4 ? "P1" : "P2";
      mentions.add(
          doc(prefix + "mentions", "m-" + i, "{\"profileId\":\"" + owner + "\",\"text\":\"t\"}"));
    }
    runJob(mentions, es.sinkConfig());
    ElasticsearchSinkWriter redactor = writerPagingByTwo();
    redactor.write(
        EsDocument.updateMatching(
            prefix + "mentions",
            "profileId",
            "P1",
            "{\"profileId\":null,\"text\":null,\"redacted\":true}"),
        null);
    redactor.close();
    Map<String, JsonNode> after = es.documents(prefix + "mentions");
    assertThat(after).hasSize(5); // still counted
    for (int i = 0; i < 4; i++) {
      assertThat(after.get("m-" + i).path("redacted").asBoolean()).isTrue();
      assertThat(after.get("m-" + i).path("text").isNull()).isTrue();
    }
    assertThat(after.get("m-4").path("text").asText()).isEqualTo("t");
    assertThat(after.get("m-4").has("redacted")).isFalse();
  }

  @Test
  void recoversFromAFailureAfterACheckpoint() throws Exception {
    String index = ElasticsearchTestNode.uniqueIndexPrefix() + "failover";
    int count = 600;
    FailOnceAfterCheckpoint.reset();
    Configuration conf = FlinkTestCluster.jobConfiguration();
    conf.setString("restart-strategy.type", "fixed-delay");
    conf.setString("restart-strategy.fixed-delay.attempts", "3");
    conf.setString("restart-strategy.fixed-delay.delay", "200 ms");
    StreamExecutionEnvironment env = FlinkTestCluster.env(conf);
    // a rate-limited source (about 2 s) so that checkpoints complete while it runs
    DataGeneratorSource<EsDocument> source =
        new DataGeneratorSource<>(
            i -> doc(index, "d-" + i, "{\"n\":" + i + "}"),
            count,
            RateLimiterStrategy.perSecond(300),
            TypeInformation.of(EsDocument.class));
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "documents")
        .map(new FailOnceAfterCheckpoint())
        .keyBy(d -> d.index + "/" + d.id)
        .sinkTo(new ElasticsearchSink(es.sinkConfig()));
    env.execute("elasticsearch sink failover");

    assertThat(FailOnceAfterCheckpoint.FAILED).isTrue();
    Map<String, JsonNode> documents = es.documents(index);
    assertThat(documents).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(documents.get("d-" + i).get("n").asInt()).isEqualTo(i);
    }
  }

  /** Fails once, after a checkpoint completed. */
  static final class FailOnceAfterCheckpoint extends RichMapFunction<EsDocument, EsDocument>
      implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    static final AtomicBoolean FAILED = new AtomicBoolean();

    static void reset() {
      CHECKPOINTED.set(false);
      FAILED.set(false);
    }

    @Override
    public EsDocument map(EsDocument value) throws Exception {
      if (CHECKPOINTED.get() && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("test failure after a checkpoint");
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED.set(true);
    }
  }

  @Test
  void documentRejectedByTheMappingDoesNotFailTheJob() throws Exception {
    String index = ElasticsearchTestNode.uniqueIndexPrefix() + "typed";
    es.createIndex(index, "{\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"}}}}");
    List<EsDocument> input =
        List.of(
            doc(index, "good-1", "{\"n\":1}"),
            doc(index, "bad", "{\"n\":\"not a number\"}"),
            doc(index, "good-2", "{\"n\":2}"),
            doc(index, "broken-json", "{\"n\":"),
            doc(index, "x".repeat(600), "{\"n\":4}"),
            new EsDocument(index, null, "{\"n\":3}"));

    runJob(input, es.sinkConfig(), new RecordingFailureHandler());

    assertThat(es.documents(index).keySet()).containsExactly("good-1", "good-2");
    assertThat(REJECTED)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith(index + "/bad 400 ")
                    .contains("document_parsing_exception"))
        .anySatisfy(r -> assertThat(r).startsWith(index + "/broken-json 400 "))
        .anySatisfy(r -> assertThat(r).startsWith(index + "/" + "x".repeat(600) + " 0 "))
        .anySatisfy(r -> assertThat(r).startsWith(index + "/null 0 "));
  }

  @Test
  void installsIndexTemplatesFromADirectory() throws Exception {
    Path dir = Paths.get(getClass().getResource("/index-templates").toURI());
    assertThat(IndexTemplates.putAll(es.restClient(), dir)).containsExactly("rapport-it-template");

    String index = "rapport-it-template-" + ElasticsearchTestNode.uniqueIndexPrefix() + "x";
    runJob(
        List.of(
            doc(index, "1", "{\"name\":\"one\",\"n\":1}"),
            doc(index, "2", "{\"name\":\"two\",\"unknown\":true}")), // strict mapping: rejected
        es.sinkConfig(),
        new RecordingFailureHandler());
    JsonNode mapping = es.request("GET", "/" + index + "/_mapping", null);
    assertThat(
            mapping.path(index).path("mappings").path("properties").path("n").path("type").asText())
        .isEqualTo("long");
    assertThat(es.documents(index).keySet()).containsExactly("1");
    assertThat(REJECTED).anySatisfy(r -> assertThat(r).startsWith(index + "/2 400 "));
  }

  /** A writer of its own on the test node, searching matches two ids at a time. */
  private ElasticsearchSinkWriter writerPagingByTwo() {
    ElasticsearchSinkWriter w =
        new ElasticsearchSinkWriter(
            es.sinkConfig(),
            FailureHandler.ignore(),
            new RestClientBulkTransport(EsClients.restClient(es.sinkConfig())),
            org.apache.flink.metrics.groups.UnregisteredMetricsGroup.createSinkWriterMetricGroup(),
            null,
            Thread::sleep);
    w.deletePage = 2;
    return w;
  }

  private static void runJob(List<EsDocument> input, ElasticsearchSinkConfig config)
      throws Exception {
    runJob(input, config, FailureHandler.ignore());
  }

  private static void runJob(
      List<EsDocument> input, ElasticsearchSinkConfig config, FailureHandler handler)
      throws Exception {
    StreamExecutionEnvironment env = FlinkTestCluster.env();
    env.fromData(EsDocument.class, input.toArray(new EsDocument[0]))
        // the jobs key by document so that the versions of one document stay in order
        .keyBy(d -> d.index + "/" + d.id)
        .sinkTo(new ElasticsearchSink(config, handler))
        .name("elasticsearch");
    env.execute("elasticsearch sink test");
  }

  /** The documents each index must hold after applying the input in order. */
  private static Map<String, Map<String, JsonNode>> expected(List<EsDocument> input)
      throws Exception {
    Map<String, Map<String, JsonNode>> out = new TreeMap<>();
    for (EsDocument d : input) {
      Map<String, JsonNode> index = out.computeIfAbsent(d.index, k -> new TreeMap<>());
      if (d.isDelete()) {
        index.remove(d.id);
      } else {
        index.put(d.id, MAPPER.readTree(d.json));
      }
    }
    return out;
  }

  private static EsDocument doc(String index, String id, String json) {
    return new EsDocument(index, id, json);
  }

  static final class RecordingFailureHandler implements FailureHandler {
    private static final long serialVersionUID = 1L;

    @Override
    public void onRejected(EsDocument document, int status, String reason) {
      REJECTED.add(document.index + "/" + document.id + " " + status + " " + reason);
    }
  }
}
