package io.rapport.jobs.functions;

import io.rapport.identity.IdentifierNormalizer;
import io.rapport.model.ProfileEvent;
import io.rapport.model.Transaction;
import org.apache.flink.api.common.functions.MapFunction;

/** A transaction, to be resolved by its customer reference (CRM id, else card, else email). */
public class TransactionEvents implements MapFunction<Transaction, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  private final IdentifierNormalizer normalizer;

  public TransactionEvents(IdentifierNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @Override
  public ProfileEvent map(Transaction t) {
    return ProfileEvent.transaction(normalizer.of(t.customer), t);
  }
}
