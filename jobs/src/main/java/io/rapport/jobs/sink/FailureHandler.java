package io.rapport.jobs.sink;

import io.rapport.model.EsDocument;
import java.io.Serializable;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * What {@link ElasticsearchSink} does with a document that Elasticsearch rejected for good (a
 * non-retryable item failure such as a mapping error, or a document without index or id). The
 * rejection has already been counted ({@code esRejectedDocuments}) and logged when this is called.
 * The default does nothing more; a handler may, e.g., send the document to a dead-letter topic.
 *
 * <p>Called in the writer's thread (never concurrently), after the bulk request that carried the
 * document. Throwing fails the job. The handler is serialized with the sink: open resources in
 * {@link #open(WriterInitContext)}, one instance per parallel writer.
 */
@FunctionalInterface
public interface FailureHandler extends Serializable {

  /**
   * @param document the rejected document
   * @param status the item's HTTP status (e.g. 400), or 0 if it was not sent
   * @param reason Elasticsearch's error type and reason, e.g. {@code document_parsing_exception:
   *     failed to parse field [n] of type [long]}
   */
  void onRejected(EsDocument document, int status, String reason) throws Exception;

  /** Called once when the writer is created. */
  default void open(WriterInitContext context) throws Exception {}

  /** Called once when the writer is closed. */
  default void close() throws Exception {}

  /** Counts and logs only (the default). */
  static FailureHandler ignore() {
    return (document, status, reason) -> {};
  }
}
