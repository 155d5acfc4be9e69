package io.rapport.jobs.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.model.EsDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers {@link EsDocument}s and writes them with {@code _bulk} requests: when {@link
 * ElasticsearchSinkConfig#bulkMaxActions()} distinct documents or {@link
 * ElasticsearchSinkConfig#bulkMaxBytes()} are buffered, when {@link
 * ElasticsearchSinkConfig#flushIntervalMillis()} passed since the last flush (a processing-time
 * timer, run in the task's thread), and on {@link #flush(boolean)} (before every checkpoint: at
 * least once) and {@link #close()}. Requests are synchronous: the task waits for Elasticsearch,
 * which is the back-pressure.
 *
 * <p>Whole requests failing with a connection error, 429 or 5xx, and items failing with 429 or 5xx,
 * are retried with exponential backoff up to {@link ElasticsearchSinkConfig#maxRetries()} times,
 * then the job fails (and restarts from its last checkpoint). Other item failures (mapping errors)
 * do not fail the job: they are counted, logged and passed to the {@link FailureHandler}.
 *
 * <p>A {@linkplain EsDocument#deleteMatching delete} or {@linkplain EsDocument#updateMatching
 * partial update} by field value first sends what is buffered (earlier documents of this writer may
 * be among the matches), then searches the index for the matching ids, a page of {@link
 * #DELETE_PAGE} at a time, and deletes or updates them by id in bulk, until a search finds less
 * than a page (the index is refreshed before each search, so that it sees the documents just
 * written and not those just deleted); and all that once more twice the flush interval later, when
 * every other writer has flushed what it held at the time of the request (unless the job stops or
 * fails before: the repeat is not in a checkpoint). Searches and refreshes are retried as bulk
 * requests are. The value is not logged: it is the id of a person being erased.
 *
 * <p>Metrics (in the sink operator's group): {@code esDocumentsSent}, {@code esBulkRequests},
 * {@code esRejectedDocuments}, {@code esRetries}, {@code esDeduplicatedDocuments}, {@code
 * esDeletedMatching} and {@code esUpdatedMatching} (documents deleted or updated by field value),
 * {@code esBulkLatencyMs} (histogram), plus Flink's standard {@code numRecordsSend}/{@code
 * numBytesSend} and {@code currentSendTime}.
 */
public class ElasticsearchSinkWriter implements SinkWriter<EsDocument> {

  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Elasticsearch's limit on {@code _id}; a longer id fails the whole bulk request. */
  static final int MAX_ID_BYTES = 512;

  /** Ids a delete by field value asks for per search. */
  static final int DELETE_PAGE = 1000;

  private final ElasticsearchSinkConfig config;
  private final FailureHandler failureHandler;
  private final BulkTransport transport;
  private final ProcessingTimeService timers;
  private final Sleeper sleeper;
  private final BulkBuffer buffer = new BulkBuffer();

  private final Counter documentsSent;
  private final Counter bulkRequests;
  private final Counter rejectedDocuments;
  private final Counter retries;
  private final Counter deduplicated;
  private final Counter deletedMatching;
  private final Counter updatedMatching;
  private final Counter numRecordsSend;
  private final Counter numBytesSend;
  private final Histogram bulkLatency;
  private volatile long lastSendTimeMillis;

  private long lastFlushTime;
  private boolean closed;

  /** Ids per search of a delete by field value (smaller in tests, to page). */
  int deletePage = DELETE_PAGE;

  /** Pauses between retries; replaced in tests. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  ElasticsearchSinkWriter(
      ElasticsearchSinkConfig config,
      FailureHandler failureHandler,
      BulkTransport transport,
      SinkWriterMetricGroup metrics,
      ProcessingTimeService timers,
      Sleeper sleeper) {
    this.config = config;
    this.failureHandler = failureHandler;
    this.transport = transport;
    this.timers = timers;
    this.sleeper = sleeper;
    this.documentsSent = metrics.counter("esDocumentsSent");
    this.bulkRequests = metrics.counter("esBulkRequests");
    this.rejectedDocuments = metrics.counter("esRejectedDocuments");
    this.retries = metrics.counter("esRetries");
    this.deduplicated = metrics.counter("esDeduplicatedDocuments");
    this.deletedMatching = metrics.counter("esDeletedMatching");
    this.updatedMatching = metrics.counter("esUpdatedMatching");
    this.bulkLatency =
        metrics.histogram("esBulkLatencyMs", new DescriptiveStatisticsHistogram(1000));
    this.numRecordsSend = metrics.getNumRecordsSendCounter();
    this.numBytesSend = metrics.getNumBytesSendCounter();
    metrics.setCurrentSendTimeGauge(() -> lastSendTimeMillis);
    if (timers != null) {
      this.lastFlushTime = timers.getCurrentProcessingTime();
      if (config.flushIntervalMillis() > 0) {
        scheduleTimer(lastFlushTime + config.flushIntervalMillis());
      }
    }
  }

  @Override
  public void write(EsDocument document, Context context) throws IOException, InterruptedException {
    if (document == null) {
      return;
    }
    String invalid = invalidReason(document);
    if (invalid != null) {
      reject(new BulkResult.Rejection(document, 0, invalid + " (it was not sent)"));
      return;
    }
    if (document.isMatching()) {
      applyMatching(document);
      if (timers != null) {
        // Once more when every other writer has flushed what it held then: a document another
        // writer still buffered (an alert raised just before a forget request) was not there to
        // find. A copy: the runtime may reuse the object.
        EsDocument again = document.copy();
        timers.registerTimer(
            now() + 2 * config.flushIntervalMillis(),
            t -> {
              if (!closed) {
                applyMatching(again);
              }
            });
      }
      return;
    }
    // copy: the document object may be reused by the runtime (object reuse)
    EsDocument copy = document.copy();
    if (buffer.add(copy)) {
      deduplicated.inc();
    }
    if (buffer.isFull(config.bulkMaxActions(), config.bulkMaxBytes())) {
      sendBuffered();
    }
  }

  /**
   * Why Elasticsearch would refuse the document in a way that fails the whole bulk request rather
   * than the item, or null if it is fine to send.
   */
  static String invalidReason(EsDocument document) {
    if (document.index == null || document.index.isEmpty()) {
      return "document without index";
    }
    if (document.id == null || document.id.isEmpty()) {
      return "document without id";
    }
    if (document.id.length() > MAX_ID_BYTES / 3
        && document.id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
      return "id longer than " + MAX_ID_BYTES + " bytes";
    }
    if (!document.isDelete() && document.json.isBlank()) {
      return "empty document";
    }
    if (document.isMatching() && (document.matchValue == null || document.matchValue.isEmpty())) {
      return "change by field " + document.matchField + " without a value";
    }
    return null;
  }

  /**
   * Deletes, or updates with {@code d}'s partial document, every document of {@code d.index} whose
   * keyword {@code d.matchField} is {@code d.matchValue}: refreshes the index, searches a page of
   * ids, deletes or updates them by id, and again until a search finds fewer than a page or only
   * ids already changed (an update that leaves the field as it is; a change Elasticsearch refused,
   * which is a rejection already).
   */
  private void applyMatching(EsDocument d) throws IOException, InterruptedException {
    String index = d.index;
    String field = d.matchField;
    String value = d.matchValue;
    sendBuffered(); // this writer's earlier documents may be among the matches
    String body = matchingIdsQuery(field, value, deletePage);
    Set<String> seen = new HashSet<>();
    long changed = 0;
    while (true) {
      // a search sees what the last refresh made visible: the documents just written (here or by
      // another writer) and, after a page, not the ones just deleted
      retrying(
          "refresh of " + index,
          () -> {
            transport.refresh(index);
            return "";
          });
      String response = retrying("search of " + index, () -> transport.search(index, body));
      List<String> ids = ids(parse(response));
      boolean fresh = false;
      for (String id : ids) {
        if (seen.add(id)) {
          fresh = true;
          buffer.add(
              d.isDeleteMatching()
                  ? EsDocument.delete(index, id)
                  : EsDocument.update(index, id, d.json));
        }
      }
      if (!fresh) {
        break;
      }
      changed += buffer.size();
      sendBuffered();
      if (ids.size() < deletePage) {
        break;
      }
    }
    (d.isDeleteMatching() ? deletedMatching : updatedMatching).inc(changed);
    // not the value: it may be the id of a person who asked to be erased
    LOG.info(
        "{} {} documents of {} by their {}",
        d.isDeleteMatching() ? "Deleted" : "Updated",
        changed,
        index,
        field);
  }

  /**
   * A search for the ids (no source) of up to {@code size} documents whose field is exactly {@code
   * value}: the field as a keyword (the index templates' mapping) or its {@code .keyword} sub-field
   * (Elasticsearch's dynamic mapping of a string, for an index without the templates).
   */
  static String matchingIdsQuery(String field, String value, int size) {
    ObjectNode q = MAPPER.createObjectNode();
    q.put("size", size);
    q.put("_source", false);
    q.put("track_total_hits", false);
    var should = q.putObject("query").putObject("bool").putArray("should");
    should.addObject().putObject("term").put(field, value);
    should.addObject().putObject("term").put(field + ".keyword", value);
    return q.toString();
  }

  private static List<String> ids(JsonNode searchResponse) {
    List<String> ids = new ArrayList<>();
    for (JsonNode hit : searchResponse.path("hits").path("hits")) {
      ids.add(hit.path("_id").asText());
    }
    return ids;
  }

  /** A request to Elasticsearch other than a bulk one. */
  private interface Call {
    String call() throws IOException;
  }

  /** The call, retried with backoff as bulk requests are (connection errors, 429, 5xx). */
  private String retrying(String what, Call call) throws IOException, InterruptedException {
    int attempt = 0;
    while (true) {
      try {
        return call.call();
      } catch (IOException e) {
        if (!isRetryable(e) || attempt >= config.maxRetries()) {
          throw new IOException(
              "Elasticsearch "
                  + what
                  + " failed"
                  + (attempt > 0 ? " after " + attempt + " retries" : "")
                  + ": "
                  + e.getMessage(),
              e);
        }
        attempt++;
        backoff(attempt, what + ": " + e);
      }
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    sendBuffered();
  }

  @Override
  public void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    try {
      sendBuffered();
    } finally {
      try {
        failureHandler.close();
      } finally {
        transport.close();
      }
    }
  }

  /** Number of buffered (not yet sent) documents. */
  int buffered() {
    return buffer.size();
  }

  private void scheduleTimer(long time) {
    timers.registerTimer(time, this::onTimer);
  }

  private void onTimer(long time) throws IOException, InterruptedException {
    if (closed) {
      return;
    }
    if (!buffer.isEmpty() && time - lastFlushTime >= config.flushIntervalMillis()) {
      sendBuffered();
    }
    // next check when the oldest possible buffered document is due
    long next = lastFlushTime + config.flushIntervalMillis();
    scheduleTimer(next > time ? next : time + config.flushIntervalMillis());
  }

  private long now() {
    return timers != null ? timers.getCurrentProcessingTime() : System.currentTimeMillis();
  }

  /** Sends everything buffered; returns when every document is written or rejected for good. */
  private void sendBuffered() throws IOException, InterruptedException {
    lastFlushTime = now();
    if (buffer.isEmpty()) {
      return;
    }
    List<EsDocument> pending = buffer.drain();
    int attempt = 0;
    while (!pending.isEmpty()) {
      byte[] body = BulkBuffer.toNdjson(pending);
      String responseBody;
      long t0 = System.nanoTime();
      try {
        bulkRequests.inc();
        responseBody = transport.bulk(body);
      } catch (IOException e) {
        if (!isRetryable(e) || attempt >= config.maxRetries()) {
          throw new IOException(
              "Elasticsearch bulk request of "
                  + pending.size()
                  + " documents failed"
                  + (attempt > 0 ? " after " + attempt + " retries" : "")
                  + ": "
                  + e.getMessage(),
              e);
        }
        attempt++;
        backoff(attempt, e.toString());
        continue;
      } finally {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        bulkLatency.update(millis);
        lastSendTimeMillis = millis;
      }
      numBytesSend.inc(body.length);
      BulkResult result = BulkResult.of(pending, parse(responseBody));
      documentsSent.inc(result.succeeded);
      numRecordsSend.inc(result.succeeded);
      for (BulkResult.Rejection rejection : result.rejected) {
        reject(rejection);
      }
      pending = result.retry;
      if (!pending.isEmpty()) {
        if (attempt >= config.maxRetries()) {
          throw new IOException(
              pending.size()
                  + " documents still failing after "
                  + attempt
                  + " retries, first error: "
                  + result.firstRetryReason);
        }
        attempt++;
        backoff(attempt, pending.size() + " items: " + result.firstRetryReason);
      }
    }
  }

  private void reject(BulkResult.Rejection rejection) throws IOException {
    rejectedDocuments.inc();
    LOG.warn(
        "Elasticsearch rejected document {}/{} (status {}): {}",
        rejection.document.index,
        rejection.document.id,
        rejection.status,
        rejection.reason);
    try {
      failureHandler.onRejected(rejection.document, rejection.status, rejection.reason);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("failure handler failed", e);
    }
  }

  private void backoff(int attempt, String reason) throws InterruptedException {
    retries.inc();
    long delay =
        Math.min(
            config.maxBackoffMillis(),
            config.initialBackoffMillis() * (1L << Math.min(attempt - 1, 30)));
    LOG.info(
        "Retrying Elasticsearch request (attempt {} of {}) in {} ms: {}",
        attempt,
        config.maxRetries(),
        delay,
        reason);
    sleeper.sleep(delay);
  }

  static boolean isRetryable(IOException e) {
    if (e instanceof BulkTransport.BulkHttpException) {
      return BulkResult.isRetryableStatus(((BulkTransport.BulkHttpException) e).status);
    }
    // connection refused/reset, timeouts, unknown host during a DNS blip...
    return true;
  }

  private static JsonNode parse(String body) throws IOException {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IOException("unparseable Elasticsearch response: " + abbreviate(body), e);
    }
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
