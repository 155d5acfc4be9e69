package io.rapport.scoring;

import io.rapport.scoring.clv.BgNbd;
import io.rapport.scoring.clv.CustomerSummary;
import io.rapport.scoring.clv.GammaGamma;
import io.rapport.scoring.clv.TransactionSummarizer;
import io.rapport.scoring.clv.TransactionSummarizer.Purchase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a {@link ClvModel} to purchases: customer summaries by {@link TransactionSummarizer} (repeat
 * purchase days, in weeks by default), then BG/NBD and Gamma-Gamma by maximum likelihood. The
 * model's id and time come from its input (the calibration end and the number of customers), so
 * that refitting the same history publishes the same model.
 */
public final class ClvModelFit {
  private ClvModelFit() {}

  /**
   * @param calibrationEnd the last day of the calibration period, or null for the last purchase day
   * @param daysPerUnit days per model time unit (7: weeks)
   * @throws IllegalArgumentException or IllegalStateException if the models cannot be fitted (see
   *     {@link BgNbd#fit} and {@link GammaGamma#fit})
   */
  public static ClvModel fit(
      Iterable<ModelPurchase> purchases, LocalDate calibrationEnd, double daysPerUnit) {
    List<Purchase> all = new ArrayList<>();
    long lastDay = Long.MIN_VALUE;
    for (ModelPurchase p : purchases) {
      all.add(new Purchase(p.customerId, LocalDate.ofEpochDay(p.epochDay), p.amount));
      lastDay = Math.max(lastDay, p.epochDay);
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("cannot fit a CLV model: no purchases");
    }
    LocalDate end = calibrationEnd != null ? calibrationEnd : LocalDate.ofEpochDay(lastDay);
    List<CustomerSummary> summaries = TransactionSummarizer.summarize(all, end, daysPerUnit);
    BgNbd purchasesModel = BgNbd.fit(summaries);
    GammaGamma spendModel = GammaGamma.fit(summaries);
    return new ClvModel(
        "fit-" + end + "-" + summaries.size(),
        end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli(),
        summaries.size(),
        purchasesModel.params(),
        spendModel.params(),
        daysPerUnit);
  }
}
