package io.rapport.jobs;

import static io.rapport.jobs.RapportOptions.ELASTICSEARCH_BULK_MAX_ACTIONS;
import static io.rapport.jobs.RapportOptions.ELASTICSEARCH_FLUSH_INTERVAL;
import static io.rapport.jobs.RapportOptions.ELASTICSEARCH_HOSTS;

import io.rapport.jobs.sink.ElasticsearchSink;
import io.rapport.jobs.sink.ElasticsearchSinkConfig;
import io.rapport.model.EsDocument;
import java.util.Arrays;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;

/** The job's Elasticsearch sink, from its options. */
public final class ElasticsearchConnector {
  private ElasticsearchConnector() {}

  public static ElasticsearchSinkConfig config(Configuration conf) {
    return ElasticsearchSinkConfig.builder()
        .hosts(
            Arrays.stream(conf.get(ELASTICSEARCH_HOSTS).split(","))
                .map(String::trim)
                .filter(h -> !h.isEmpty())
                .toList())
        .bulkMaxActions(conf.get(ELASTICSEARCH_BULK_MAX_ACTIONS))
        .flushIntervalMillis(conf.get(ELASTICSEARCH_FLUSH_INTERVAL).toMillis())
        .build();
  }

  public static Sink<EsDocument> sink(Configuration conf) {
    return new ElasticsearchSink(config(conf));
  }
}
