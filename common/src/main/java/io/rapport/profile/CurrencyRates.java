package io.rapport.profile;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Fixed exchange rates into the reporting currency, so that spend in EUR, USD, MXN, COP and ARS
 * adds up. Rates are configuration ({@code currency.rates}), not market data: value segments need
 * an order of magnitude right, not the cent.
 */
public final class CurrencyRates implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default rates into EUR, rounded; approximate mid-2025 levels. Override them for real use. */
  public static final String DEFAULT_SPEC =
      "EUR=1,USD=0.86,GBP=1.16,MXN=0.046,COP=0.00021,ARS=0.00072,CLP=0.00091,PEN=0.24";

  private final String reportingCurrency;
  private final Map<String, Double> rates;

  private CurrencyRates(String reportingCurrency, Map<String, Double> rates) {
    this.reportingCurrency = reportingCurrency;
    this.rates = rates;
  }

  /**
   * Parses {@code CODE=rate,CODE=rate}: how many units of the reporting currency one unit of CODE
   * is worth. The reporting currency itself must have rate 1.
   */
  public static CurrencyRates parse(String reportingCurrency, String spec) {
    Map<String, Double> rates = new HashMap<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("currency rate '" + p + "' is not CODE=rate");
      }
      String code = p.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      double rate;
      try {
        rate = Double.parseDouble(p.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("currency rate '" + p + "' has no valid number", e);
      }
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException("currency rate '" + p + "' must be positive");
      }
      rates.put(code, rate);
    }
    String reporting = reportingCurrency.toUpperCase(Locale.ROOT);
    Double own = rates.putIfAbsent(reporting, 1.0);
    if (own != null && own != 1.0) {
      throw new IllegalArgumentException(
          "the reporting currency " + reporting + " must have rate 1, has " + own);
    }
    return new CurrencyRates(reporting, Map.copyOf(rates));
  }

  public static CurrencyRates defaults() {
    return parse("EUR", DEFAULT_SPEC);
  }

  public String reportingCurrency() {
    return reportingCurrency;
  }

  /** The amount in the reporting currency, or empty when there is no rate for the currency. */
  public OptionalDouble convert(double amount, String currency) {
    Double rate = currency == null ? null : rates.get(currency.toUpperCase(Locale.ROOT));
    return rate == null ? OptionalDouble.empty() : OptionalDouble.of(amount * rate);
  }
}
