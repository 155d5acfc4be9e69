package io.rapport.jobs.sink;

import io.rapport.model.EsDocument;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes {@link EsDocument}s to Elasticsearch with bulk requests: whole documents under their
 * deterministic ids ({@code index} operations) and deletes ({@code json == null}). At least once:
 * every buffered document is written before each checkpoint completes; a replay after a failure
 * rewrites the same ids, so the result is idempotent. See {@link ElasticsearchSinkWriter} for
 * batching, retries and metrics.
 *
 * <pre>{@code
 * documents.sinkTo(new ElasticsearchSink(ElasticsearchSinkConfig.builder().hosts(url).build()))
 *     .name("elasticsearch").uid("elasticsearch-sink");
 * }</pre>
 */
public class ElasticsearchSink implements Sink<EsDocument> {

  private static final long serialVersionUID = 1L;

  private final ElasticsearchSinkConfig config;
  private final FailureHandler failureHandler;

  /** A sink that counts and logs rejected documents. */
  public ElasticsearchSink(ElasticsearchSinkConfig config) {
    this(config, FailureHandler.ignore());
  }

  /** A sink that also passes rejected documents to {@code failureHandler}. */
  public ElasticsearchSink(ElasticsearchSinkConfig config, FailureHandler failureHandler) {
    this.config = Objects.requireNonNull(config, "config");
    this.failureHandler = Objects.requireNonNull(failureHandler, "failureHandler");
  }

  public ElasticsearchSinkConfig config() {
    return config;
  }

  @Override
  public SinkWriter<EsDocument> createWriter(WriterInitContext context) throws IOException {
    try {
      failureHandler.open(context);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot open the failure handler", e);
    }
    return new ElasticsearchSinkWriter(
        config,
        failureHandler,
        new RestClientBulkTransport(EsClients.restClient(config)),
        context.metricGroup(),
        context.getProcessingTimeService(),
        Thread::sleep);
  }
}
