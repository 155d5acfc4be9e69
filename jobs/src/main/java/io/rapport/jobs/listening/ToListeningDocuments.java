package io.rapport.jobs.listening;

import io.rapport.listening.ListeningAggregate;
import io.rapport.listening.ListeningDocuments;
import io.rapport.model.EsDocument;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** A closed aggregate (with its share of voice) as its Elasticsearch documents. */
public class ToListeningDocuments implements FlatMapFunction<ListeningAggregate, EsDocument> {
  private static final long serialVersionUID = 1L;

  private final ListeningDocuments documents;

  public ToListeningDocuments(ListeningDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void flatMap(ListeningAggregate a, Collector<EsDocument> out) {
    documents.documents(a).forEach(out::collect);
  }
}
