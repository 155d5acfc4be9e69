package io.rapport.jobs.functions;

import io.rapport.identity.Identifiers;
import io.rapport.model.ProfileEvent;
import io.rapport.model.Transaction;
import org.apache.flink.api.common.functions.MapFunction;

/** A transaction, to be resolved by its customer reference (CRM id, else card, else email). */
public class TransactionEvents implements MapFunction<Transaction, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  @Override
  public ProfileEvent map(Transaction t) {
    return ProfileEvent.transaction(Identifiers.of(t.customer), t);
  }
}
