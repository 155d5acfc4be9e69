package io.rapport.jobs;

import io.rapport.model.EsDocument;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;

/** TEMPORARY until the sink branch lands. */
public final class ElasticsearchConnector {
  private ElasticsearchConnector() {}

  public static Sink<EsDocument> sink(Configuration conf) {
    throw new UnsupportedOperationException("not yet");
  }
}
