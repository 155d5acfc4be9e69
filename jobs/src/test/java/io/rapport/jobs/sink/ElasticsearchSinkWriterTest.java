package io.rapport.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.model.EsDocument;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/** The writer's batching, deduplication, retry and rejection logic, without Elasticsearch. */
class ElasticsearchSinkWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final FakeTransport transport = new FakeTransport();
  private final FakeTimers timers = new FakeTimers();
  private final Map<String, SimpleCounter> counters = new HashMap<>();
  private final List<Long> sleeps = new ArrayList<>();
  private final List<String> rejected = new ArrayList<>();

  private ElasticsearchSinkWriter writer(ElasticsearchSinkConfig.Builder config) {
    return new ElasticsearchSinkWriter(
        config.build(),
        (doc, status, reason) -> rejected.add(doc.id + " " + status + " " + reason),
        transport,
        metrics(),
        timers,
        sleeps::add);
  }

  private static ElasticsearchSinkConfig.Builder config() {
    return ElasticsearchSinkConfig.builder()
        .hosts("http://127.0.0.1:1")
        .bulkMaxActions(3)
        .flushIntervalMillis(1000)
        .maxRetries(3)
        .backoff(100, 250);
  }

  @Test
  void sendsWhenMaxActionsDistinctDocumentsAreBuffered() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    w.write(doc("1", 1), null);
    w.write(doc("2", 1), null);
    w.write(doc("1", 2), null); // same document: replaces, does not count
    assertThat(transport.requests).isEmpty();
    w.write(doc("3", 1), null);
    assertThat(transport.requests).hasSize(1);
    assertThat(transport.requests.get(0))
        .containsExactly("index i/1 {\"v\":2}", "index i/2 {\"v\":1}", "index i/3 {\"v\":1}");
    assertThat(counter("esDocumentsSent")).isEqualTo(3);
    assertThat(counter("esBulkRequests")).isEqualTo(1);
    assertThat(counter("esDeduplicatedDocuments")).isEqualTo(1);
    assertThat(w.buffered()).isZero();
  }

  @Test
  void sendsWhenMaxBytesAreBuffered() throws Exception {
    ElasticsearchSinkWriter w = writer(config().bulkMaxActions(1000).bulkMaxBytes(200));
    w.write(new EsDocument("i", "1", "{\"t\":\"" + "x".repeat(100) + "\"}"), null);
    assertThat(transport.requests).isEmpty();
    w.write(new EsDocument("i", "2", "{\"t\":\"" + "x".repeat(100) + "\"}"), null);
    assertThat(transport.requests).hasSize(1);
  }

  @Test
  void deleteReplacesAnEarlierIndexOfTheSameDocumentInTheBatch() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    w.write(doc("1", 1), null);
    w.write(EsDocument.delete("i", "1"), null);
    w.flush(false);
    assertThat(transport.requests).containsExactly(List.of("delete i/1"));
  }

  @Test
  void deleteMatchingSendsTheBufferFirstThenDeletesEveryMatchPageByPage() throws Exception {
    ElasticsearchSinkWriter w = writer(config().bulkMaxActions(100));
    w.deletePage = 2;
    transport.searches.add(List.of("a1", "a2")); // a full page: refresh and search again
    transport.searches.add(List.of("a3"));
    w.write(doc("before", 1), null); // buffered: may be one of the matches
    w.write(EsDocument.deleteMatching("i", "customerId", "C1"), null);

    assertThat(transport.log)
        .containsExactly(
            "bulk",
            "refresh i",
            "search i " + ElasticsearchSinkWriter.matchingIdsQuery("customerId", "C1", 2),
            "bulk",
            "refresh i",
            "search i " + ElasticsearchSinkWriter.matchingIdsQuery("customerId", "C1", 2),
            "bulk");
    assertThat(transport.requests)
        .containsExactly(
            List.of("index i/before {\"v\":1}"),
            List.of("delete i/a1", "delete i/a2"),
            List.of("delete i/a3"));
    assertThat(counter("esDeletedMatching")).isEqualTo(3);
    assertThat(w.buffered()).isZero();
    JsonNode query =
        MAPPER.readTree(ElasticsearchSinkWriter.matchingIdsQuery("customerId", "C1", 2));
    assertThat(query.path("_source").asBoolean()).isFalse();
    assertThat(query.findValues("customerId").get(0).asText()).isEqualTo("C1");
    assertThat(query.findValues("customerId.keyword").get(0).asText()).isEqualTo("C1");
  }

  @Test
  void aChangeByFieldValueIsDoneAgainWhenOtherWritersHaveFlushed() throws Exception {
    ElasticsearchSinkWriter w = writer(config()); // flush interval 1,000 ms
    timers.advanceTo(500);
    transport.searches.add(List.of("a1"));
    transport.searches.add(List.of("late")); // written by another writer meanwhile
    w.write(EsDocument.deleteMatching("i", "customerId", "C1"), null);
    assertThat(transport.requests).containsExactly(List.of("delete i/a1"));

    timers.advanceTo(2499);
    assertThat(transport.log).filteredOn(r -> r.startsWith("search")).hasSize(1);
    timers.advanceTo(2500);
    assertThat(transport.requests)
        .containsExactly(List.of("delete i/a1"), List.of("delete i/late"));
    assertThat(counter("esDeletedMatching")).isEqualTo(2);
    timers.advanceTo(10_000); // once more only
    assertThat(transport.log).filteredOn(r -> r.startsWith("search")).hasSize(2);
  }

  @Test
  void aCopyOfADocumentIsEqualAndApart() {
    for (EsDocument d :
        List.of(
            EsDocument.update("i", "1", "{}", "{\"s\":1}"),
            EsDocument.updateMatching("i", "profileId", "C1", "{}"),
            EsDocument.deleteMatching("i", "customerId", "C1"))) {
      EsDocument c = d.copy();
      assertThat(c).isEqualTo(d).isNotSameAs(d);
      assertThat(c.upsert).isEqualTo(d.upsert);
      assertThat(c.isMatching()).isEqualTo(d.isMatching());
    }
  }

  @Test
  void updateMatchingUpdatesEveryMatchById() throws Exception {
    ElasticsearchSinkWriter w = writer(config().bulkMaxActions(100));
    w.deletePage = 2;
    transport.searches.add(List.of("m1", "m2"));
    transport.searches.add(List.of("m3"));
    w.write(EsDocument.updateMatching("i", "profileId", "C1", "{\"redacted\":true}"), null);

    assertThat(transport.requests).hasSize(2);
    assertThat(transport.requests.get(0))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r).startsWith("update i/m").contains("\"redacted\":true"));
    assertThat(transport.requests.get(1)).singleElement().asString().startsWith("update i/m3");
    assertThat(counter("esUpdatedMatching")).isEqualTo(3);
    assertThat(counter("esDeletedMatching")).isZero();
  }

  @Test
  void deleteMatchingStopsWhenASearchFindsOnlyIdsItDeletedAlready() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    w.deletePage = 2;
    transport.searches.add(List.of("a1", "a2"));
    transport.searches.add(List.of("a1", "a2")); // deletes refused: still there
    w.write(EsDocument.deleteMatching("i", "customerId", "C1"), null);

    assertThat(transport.requests).containsExactly(List.of("delete i/a1", "delete i/a2"));
    assertThat(transport.log).filteredOn(r -> r.startsWith("search")).hasSize(2);
  }

  @Test
  void deleteMatchingRetriesAFailedSearchAndSkipsARequestWithoutAValue() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    transport.searches.add(new BulkTransport.BulkHttpException(503, "busy"));
    transport.searches.add(List.of("a1"));
    w.write(EsDocument.deleteMatching("i", "customerId", "C1"), null);
    assertThat(transport.requests).containsExactly(List.of("delete i/a1"));
    assertThat(sleeps).containsExactly(100L);
    assertThat(counter("esRetries")).isEqualTo(1);

    w.write(EsDocument.deleteMatching("i", "customerId", ""), null); // never "delete everything"
    assertThat(transport.log).filteredOn(r -> r.startsWith("search")).hasSize(2);
    assertThat(rejected).singleElement().asString().contains("without a value");

    transport.searches.add(new BulkTransport.BulkHttpException(400, "bad query"));
    assertThatThrownBy(() -> w.write(EsDocument.deleteMatching("i", "customerId", "C2"), null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("search of i failed");
  }

  @Test
  void flushSendsEverythingAndAnEmptyFlushSendsNothing() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    w.flush(false);
    assertThat(transport.requests).isEmpty();
    w.write(doc("1", 1), null);
    w.flush(false);
    assertThat(transport.requests).hasSize(1);
    w.write(doc("2", 1), null);
    w.flush(true);
    assertThat(transport.requests).hasSize(2);
  }

  @Test
  void closeFlushesAndClosesTheTransport() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    w.write(doc("1", 1), null);
    w.close();
    assertThat(transport.requests).hasSize(1);
    assertThat(transport.closed).isTrue();
  }

  @Test
  void timerFlushesAfterTheIntervalOnly() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    w.write(doc("1", 1), null);
    timers.advanceTo(999);
    assertThat(transport.requests).isEmpty();
    timers.advanceTo(1000);
    assertThat(transport.requests).hasSize(1);
    // the timer keeps running
    w.write(doc("2", 1), null);
    timers.advanceTo(2000);
    assertThat(transport.requests).hasSize(2);
    // a flush in between postpones the timed flush
    timers.advanceTo(2500);
    w.write(doc("3", 1), null);
    w.flush(false); // at 2500
    w.write(doc("4", 1), null);
    timers.advanceTo(3000);
    assertThat(transport.requests).hasSize(3);
    timers.advanceTo(3500);
    assertThat(transport.requests).hasSize(4);
    w.close();
    timers.advanceTo(10_000);
    assertThat(transport.requests).hasSize(4);
  }

  @Test
  void retriesOnlyTheRetryableItemsWithBackoff() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    transport.respond(ops -> response(ops, Map.of("2", 429, "3", 503)));
    transport.respond(ops -> response(ops, Map.of("3", 503)));
    w.write(doc("1", 1), null);
    w.write(doc("2", 1), null);
    w.write(doc("3", 1), null);
    assertThat(transport.requests).hasSize(3);
    assertThat(transport.requests.get(1))
        .containsExactly("index i/2 {\"v\":1}", "index i/3 {\"v\":1}");
    assertThat(transport.requests.get(2)).containsExactly("index i/3 {\"v\":1}");
    assertThat(sleeps).containsExactly(100L, 200L);
    assertThat(counter("esDocumentsSent")).isEqualTo(3);
    assertThat(counter("esRetries")).isEqualTo(2);
    assertThat(rejected).isEmpty();
  }

  @Test
  void failsWhenRetryableItemsKeepFailing() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    for (int i = 0; i < 10; i++) {
      transport.respond(ops -> response(ops, Map.of("1", 429)));
    }
    w.write(doc("1", 1), null);
    assertThatThrownBy(() -> w.flush(false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("after 3 retries")
        .hasMessageContaining("429");
    assertThat(sleeps).containsExactly(100L, 200L, 250L);
  }

  @Test
  void rejectedItemsAreCountedAndHandedOverWithoutFailing() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    transport.respond(ops -> response(ops, Map.of("2", 400)));
    w.write(doc("1", 1), null);
    w.write(doc("2", 1), null);
    w.write(new EsDocument("i", null, "{}"), null); // never sent
    w.flush(false);
    assertThat(counter("esRejectedDocuments")).isEqualTo(2);
    assertThat(counter("esDocumentsSent")).isEqualTo(1);
    assertThat(rejected)
        .containsExactly(
            "null 0 document without id (it was not sent)",
            "2 400 mapper_parsing_exception: bad value");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void documentsThatWouldFailTheWholeRequestAreRejectedBeforeSending() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    w.write(new EsDocument("", "1", "{}"), null);
    w.write(new EsDocument("i", "x".repeat(513), "{}"), null);
    w.write(new EsDocument("i", "é".repeat(200), "{}"), null); // 400 bytes: fine
    w.write(new EsDocument("i", "blank", " "), null);
    w.flush(false);
    assertThat(rejected)
        .extracting(r -> r.substring(r.indexOf(' ') + 1))
        .containsExactly(
            "0 document without index (it was not sent)",
            "0 id longer than 512 bytes (it was not sent)",
            "0 empty document (it was not sent)");
    assertThat(transport.requests).hasSize(1);
    assertThat(counter("esDocumentsSent")).isEqualTo(1);
  }

  @Test
  void retriesWholeRequestsOnConnectionErrorsAnd5xx() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    transport.fail(new ConnectException("Connection refused"));
    transport.fail(new BulkTransport.BulkHttpException(503, "unavailable"));
    w.write(doc("1", 1), null);
    w.flush(false);
    assertThat(transport.requests).hasSize(3);
    assertThat(counter("esDocumentsSent")).isEqualTo(1);
    assertThat(sleeps).containsExactly(100L, 200L);
  }

  @Test
  void failsImmediatelyOnANonRetryableRequestError() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    transport.fail(new BulkTransport.BulkHttpException(401, "unauthorized"));
    w.write(doc("1", 1), null);
    assertThatThrownBy(() -> w.flush(false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("401");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void documentsAreCopiedSoObjectReuseIsSafe() throws Exception {
    ElasticsearchSinkWriter w = writer(config());
    EsDocument reused = doc("1", 1);
    w.write(reused, null);
    reused.id = "2";
    reused.json = "{\"v\":9}";
    w.write(reused, null);
    w.flush(false);
    assertThat(transport.requests.get(0))
        .containsExactly("index i/1 {\"v\":1}", "index i/2 {\"v\":9}");
  }

  // ------------------------------------------------------------------------------------------

  private static EsDocument doc(String id, int version) {
    return new EsDocument("i", id, "{\"v\":" + version + "}");
  }

  private long counter(String name) {
    Counter c = counters.get(name);
    return c == null ? 0 : c.getCount();
  }

  /** A bulk response with status 200 for every item but those in {@code statusById}. */
  private static String response(List<String[]> ops, Map<String, Integer> statusById) {
    StringBuilder sb = new StringBuilder("{\"errors\":true,\"items\":[");
    for (int i = 0; i < ops.size(); i++) {
      String[] op = ops.get(i);
      int status = statusById.getOrDefault(op[2], 200);
      sb.append(i == 0 ? "" : ",").append("{\"").append(op[0]).append("\":{\"_id\":\"");
      sb.append(op[2]).append("\",\"status\":").append(status);
      if (status >= 300) {
        sb.append(",\"error\":{\"type\":\"")
            .append(status == 400 ? "mapper_parsing_exception" : "busy")
            .append("\",\"reason\":\"bad value\"}");
      }
      sb.append("}}");
    }
    return sb.append("]}").toString();
  }

  private SinkWriterMetricGroup metrics() {
    SinkWriterMetricGroup delegate = UnregisteredMetricsGroup.createSinkWriterMetricGroup();
    return (SinkWriterMetricGroup)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {SinkWriterMetricGroup.class},
            (proxy, method, args) -> {
              if (method.getName().equals("counter")
                  && args.length == 1
                  && args[0] instanceof String) {
                return counters.computeIfAbsent((String) args[0], k -> new SimpleCounter());
              }
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Records requests as "op index/id source" lines; answers from a script, else all 200. */
  @SuppressWarnings("unchecked")
  private static final class FakeTransport implements BulkTransport {
    final List<List<String>> requests = new ArrayList<>();
    final Deque<Object> script = new ArrayDeque<>();
    boolean closed;

    void respond(Function<List<String[]>, String> responder) {
      script.add(responder);
    }

    void fail(IOException e) {
      script.add(e);
    }

    @Override
    @SuppressWarnings("unchecked")
    public String bulk(byte[] ndjson) throws IOException {
      log.add("bulk");
      String[] lines = new String(ndjson, StandardCharsets.UTF_8).split("\n");
      List<String> request = new ArrayList<>();
      List<String[]> ops = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        JsonNode action = MAPPER.readTree(lines[i]);
        String op = action.fieldNames().next();
        String index = action.get(op).get("_index").asText();
        String id = action.get(op).get("_id").asText();
        ops.add(new String[] {op, index, id});
        request.add(
            op.equals("delete")
                ? "delete " + index + "/" + id
                : op + " " + index + "/" + id + " " + lines[++i]);
      }
      requests.add(request);
      Object next = script.poll();
      if (next instanceof IOException) {
        throw (IOException) next;
      }
      if (next != null) {
        return ((Function<List<String[]>, String>) next).apply(ops);
      }
      return response(ops, Map.of()).replace("\"errors\":true", "\"errors\":false");
    }

    /** Hits of the next searches, in order (then none), or an IOException to throw. */
    final Deque<Object> searches = new ArrayDeque<>();

    /** Every request in order: "bulk", "search INDEX BODY", "refresh INDEX". */
    final List<String> log = new ArrayList<>();

    @Override
    public String search(String index, String body) throws IOException {
      log.add("search " + index + " " + body);
      Object next = searches.poll();
      if (next instanceof IOException) {
        throw (IOException) next;
      }
      StringBuilder hits = new StringBuilder();
      for (String id : next == null ? List.<String>of() : (List<String>) next) {
        hits.append(hits.length() == 0 ? "" : ",").append("{\"_id\":\"").append(id).append("\"}");
      }
      return "{\"hits\":{\"hits\":[" + hits + "]}}";
    }

    @Override
    public void refresh(String index) {
      log.add("refresh " + index);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Manual processing time: timers fire in {@link #advanceTo(long)}. */
  private static final class FakeTimers implements ProcessingTimeService {
    long now;
    final List<Object[]> timers = new ArrayList<>();

    @Override
    public long getCurrentProcessingTime() {
      return now;
    }

    @Override
    public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback) {
      timers.add(new Object[] {timestamp, callback});
      return null;
    }

    void advanceTo(long time) throws Exception {
      now = time;
      while (true) {
        Object[] due = null;
        for (Object[] t : timers) {
          if ((long) t[0] <= time && (due == null || (long) t[0] < (long) due[0])) {
            due = t;
          }
        }
        if (due == null) {
          return;
        }
        timers.remove(due);
        ((ProcessingTimeCallback) due[1]).onProcessingTime((long) due[0]);
      }
    }
  }
}
