package io.rapport.jobs.sink;

import java.io.Closeable;
import java.io.IOException;

/**
 * Sends bulk request bodies to Elasticsearch, and the searches of a delete by field value; an
 * interface so the writer is testable alone.
 */
interface BulkTransport extends Closeable {

  /**
   * Sends the NDJSON body to {@code _bulk} and returns the response body.
   *
   * @throws BulkHttpException for a non-2xx status of the whole request
   * @throws IOException for connection problems
   */
  String bulk(byte[] ndjson) throws IOException;

  /**
   * Sends the JSON body to {@code index}'s {@code _search} (a missing index has no hits) and
   * returns the response body.
   *
   * @throws BulkHttpException for a non-2xx status
   * @throws IOException for connection problems
   */
  String search(String index, String body) throws IOException;

  /** Refreshes {@code index}, so that a search no longer finds the documents just deleted. */
  void refresh(String index) throws IOException;

  /** A non-2xx HTTP status of a whole bulk request. */
  final class BulkHttpException extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    BulkHttpException(int status, String message) {
      super("request failed with HTTP " + status + ": " + message);
      this.status = status;
    }
  }
}
