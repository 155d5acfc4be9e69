package io.rapport.jobs.functions;

import io.rapport.model.EsDocument;
import io.rapport.model.MergeRecord;
import io.rapport.profile.Documents;
import org.apache.flink.api.common.functions.MapFunction;

/** Merge-log entries as documents of the merges index. */
public class ToMergeDocuments implements MapFunction<MergeRecord, EsDocument> {
  private static final long serialVersionUID = 1L;

  private final Documents documents;

  public ToMergeDocuments(Documents documents) {
    this.documents = documents;
  }

  @Override
  public EsDocument map(MergeRecord r) {
    return documents.merge(r);
  }
}
