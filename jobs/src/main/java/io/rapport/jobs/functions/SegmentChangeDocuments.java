package io.rapport.jobs.functions;

import io.rapport.model.EsDocument;
import io.rapport.scoring.ScoreDocuments;
import io.rapport.scoring.SegmentChange;
import org.apache.flink.api.common.functions.MapFunction;

/** A segment change as its Elasticsearch document (deterministic id). */
public class SegmentChangeDocuments implements MapFunction<SegmentChange, EsDocument> {
  private static final long serialVersionUID = 1L;

  private final ScoreDocuments documents;

  public SegmentChangeDocuments(ScoreDocuments documents) {
    this.documents = documents;
  }

  @Override
  public EsDocument map(SegmentChange c) {
    return documents.segmentChange(c);
  }
}
