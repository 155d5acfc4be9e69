package io.rapport.scoring.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds {@link CustomerSummary} records (the BG/NBD and Gamma-Gamma inputs) from raw purchases,
 * for a calibration period ending on a given day.
 *
 * <h2>Definitions</h2>
 *
 * <ul>
 *   <li>A customer is born on the day of their first purchase; customers whose first purchase is
 *       after the calibration end are left out, and purchases after it are ignored.
 *   <li>{@code x} counts repeat purchase <em>days</em>: all purchases on one calendar day are one
 *       purchase occasion, whose value is their sum. The models are continuous-time processes of
 *       single events; several orders placed the same day (split baskets, add-ons, split shipments)
 *       are one buying decision, and counting them separately would inflate the purchase rate and
 *       give {@code t_x} ties that the model cannot produce. This is also how the CDNOW summaries
 *       of Fader, Hardie &amp; Lee (2005) are built, so the same definition reproduces them.
 *   <li>{@code t_x} = days from the first purchase day to the last purchase day, {@code T} = days
 *       from the first purchase day to the calibration end (a purchase on the calibration end day
 *       counts), both divided by {@code daysPerUnit} (7 for weeks).
 *   <li>{@code zbar} is the mean value of the repeat purchase days, the first day excluded (0 when
 *       {@code x = 0}), as the Gamma-Gamma model expects.
 * </ul>
 *
 * <p>Customers whose first purchase is on the calibration end day have {@code T = 0}, which the
 * models reject; they are left out too (they carry no information about repeat buying yet).
 */
public final class TransactionSummarizer {

  /** One purchase: a customer, the calendar day (in the business's time zone) and the amount. */
  public record Purchase(String customerId, LocalDate date, double amount) {
    public Purchase {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(date, "date");
    }
  }

  private TransactionSummarizer() {}

  /**
   * Summaries of the customers born on or before {@code calibrationEnd} (and before it for a
   * positive age), in order of first appearance in {@code purchases}.
   *
   * @param purchases purchases in any order
   * @param calibrationEnd the last day of the calibration period (inclusive)
   * @param daysPerUnit days per model time unit: 7 for weeks, 1 for days
   */
  public static List<CustomerSummary> summarize(
      Iterable<Purchase> purchases, LocalDate calibrationEnd, double daysPerUnit) {
    if (!(daysPerUnit > 0) || Double.isInfinite(daysPerUnit)) {
      throw new IllegalArgumentException("daysPerUnit must be > 0, got " + daysPerUnit);
    }
    Map<String, TreeMap<LocalDate, Double>> byCustomer = new LinkedHashMap<>();
    for (Purchase p : purchases) {
      TreeMap<LocalDate, Double> days =
          byCustomer.computeIfAbsent(p.customerId(), k -> new TreeMap<>());
      if (!p.date().isAfter(calibrationEnd)) {
        days.merge(p.date(), p.amount(), Double::sum);
      }
    }
    List<CustomerSummary> out = new ArrayList<>();
    for (Map.Entry<String, TreeMap<LocalDate, Double>> e : byCustomer.entrySet()) {
      TreeMap<LocalDate, Double> days = e.getValue();
      if (days.isEmpty()) {
        continue;
      }
      LocalDate first = days.firstKey();
      long age = ChronoUnit.DAYS.between(first, calibrationEnd);
      if (age <= 0) {
        continue;
      }
      int x = days.size() - 1;
      long recency = ChronoUnit.DAYS.between(first, days.lastKey());
      double repeatValue = 0;
      for (Map.Entry<LocalDate, Double> day : days.tailMap(first, false).entrySet()) {
        repeatValue += day.getValue();
      }
      out.add(
          new CustomerSummary(
              e.getKey(),
              x,
              recency / daysPerUnit,
              age / daysPerUnit,
              x == 0 ? 0.0 : repeatValue / x));
    }
    return out;
  }
}
