package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurrencyRatesTest {
  @Test
  void convertsKnownCurrenciesAndRefusesUnknownOnes() {
    CurrencyRates r = CurrencyRates.parse("eur", "USD=0.5, mxn=0.05");
    assertThat(r.reportingCurrency()).isEqualTo("EUR");
    assertThat(r.convert(10, "USD").getAsDouble()).isEqualTo(5.0);
    assertThat(r.convert(100, "MXN").getAsDouble())
        .isEqualTo(5.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.convert(7, "EUR").getAsDouble()).isEqualTo(7.0);
    assertThat(r.convert(7, "JPY")).isEmpty();
    assertThat(r.convert(7, null)).isEmpty();
  }

  @Test
  void badSpecsFailWithTheOffendingPart() {
    assertThatThrownBy(() -> CurrencyRates.parse("EUR", "USD")).hasMessageContaining("'USD'");
    assertThatThrownBy(() -> CurrencyRates.parse("EUR", "USD=x")).hasMessageContaining("USD=x");
    assertThatThrownBy(() -> CurrencyRates.parse("EUR", "USD=-1")).hasMessageContaining("positive");
    assertThatThrownBy(() -> CurrencyRates.parse("EUR", "EUR=2")).hasMessageContaining("rate 1");
    assertThat(CurrencyRates.defaults().convert(1, "COP")).isPresent();
  }
}
