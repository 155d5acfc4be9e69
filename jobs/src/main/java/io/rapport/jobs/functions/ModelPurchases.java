package io.rapport.jobs.functions;

import io.rapport.model.Envelope;
import io.rapport.model.Transaction;
import io.rapport.profile.CurrencyRates;
import io.rapport.scoring.ModelPurchase;
import java.util.Locale;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The purchases of the transaction history, for the CLV model fit: valid purchases with an amount
 * in the reporting currency, by customer id (else loyalty card, else e-mail). Returns, invalid
 * records and currencies without a rate are left out: the fit only needs the purchase process.
 */
public class ModelPurchases implements FlatMapFunction<Envelope, ModelPurchase> {
  private static final long serialVersionUID = 1L;

  private final CurrencyRates rates;

  public ModelPurchases(CurrencyRates rates) {
    this.rates = rates;
  }

  @Override
  public void flatMap(Envelope e, Collector<ModelPurchase> out) {
    if (!e.isValid() || !Envelope.TRANSACTION.equals(e.kind)) {
      return;
    }
    Transaction t = e.transaction;
    if ("return".equals(t.type) || t.customer == null) {
      return;
    }
    String who =
        t.customer.customerId != null
            ? t.customer.customerId
            : t.customer.loyaltyCard != null
                ? "card:" + t.customer.loyaltyCard
                : t.customer.email != null
                    ? "email:" + t.customer.email.toLowerCase(Locale.ROOT)
                    : null;
    if (who == null) {
      return;
    }
    rates
        .convert(t.amount, t.currency)
        .ifPresent(
            amount ->
                out.collect(
                    new ModelPurchase(
                        who, Math.floorDiv(t.time.getEpochSecond(), 86_400L), amount)));
  }
}
