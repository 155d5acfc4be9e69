package io.rapport.jobs.functions;

import io.rapport.model.Alert;
import io.rapport.model.EsDocument;
import io.rapport.profile.Documents;
import org.apache.flink.api.common.functions.MapFunction;

/** Alerts as documents of the alerts index. */
public class ToAlertDocuments implements MapFunction<Alert, EsDocument> {
  private static final long serialVersionUID = 1L;

  private final Documents documents;

  public ToAlertDocuments(Documents documents) {
    this.documents = documents;
  }

  @Override
  public EsDocument map(Alert alert) {
    return documents.alert(alert);
  }
}
