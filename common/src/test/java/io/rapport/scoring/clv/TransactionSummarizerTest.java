package io.rapport.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rapport.scoring.clv.TransactionSummarizer.Purchase;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionSummarizerTest {

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void summarizesASmallExample() {
    List<Purchase> purchases =
        List.of(
            new Purchase("b", d("2024-01-10"), 5),
            new Purchase("a", d("2024-01-01"), 10),
            new Purchase("a", d("2024-01-01"), 4), // same day: same occasion, first purchase
            new Purchase("a", d("2024-01-15"), 20),
            new Purchase("a", d("2024-01-29"), 30),
            new Purchase("a", d("2024-01-29"), 6), // same day: one repeat purchase of 36
            new Purchase("a", d("2024-03-01"), 99), // after the calibration end: ignored
            new Purchase("c", d("2024-02-05"), 7), // born after the end: left out
            new Purchase("d", d("2024-01-29"), 8)); // born on the end day: T = 0, left out
    List<CustomerSummary> s = TransactionSummarizer.summarize(purchases, d("2024-01-29"), 7);
    assertThat(s).extracting(c -> c.id).containsExactly("b", "a");
    CustomerSummary b = s.get(0);
    assertThat(b.x).isEqualTo(0);
    assertThat(b.tx).isEqualTo(0);
    assertThat(b.T).isCloseTo(19.0 / 7, within(1e-12));
    assertThat(b.zbar).isEqualTo(0);
    CustomerSummary a = s.get(1);
    assertThat(a.x).isEqualTo(2);
    assertThat(a.tx).isCloseTo(4.0, within(1e-12));
    assertThat(a.T).isCloseTo(4.0, within(1e-12));
    assertThat(a.zbar).isCloseTo((20 + 36) / 2.0, within(1e-12));
  }

  @Test
  void daysAsTheTimeUnit() {
    List<CustomerSummary> s =
        TransactionSummarizer.summarize(
            List.of(new Purchase("a", d("2024-01-01"), 1), new Purchase("a", d("2024-01-03"), 3)),
            d("2024-01-11"),
            1);
    assertThat(s.get(0).tx).isEqualTo(2.0);
    assertThat(s.get(0).T).isEqualTo(10.0);
  }

  @Test
  void reproducesTheCdnowSummaryWithCalibrationEndingOnSeptember30() {
    List<Purchase> transactions = CdnowData.transactions();
    Map<String, CustomerSummary> published = new HashMap<>();
    for (CustomerSummary c : CdnowData.summaries()) {
      published.put(c.id, c);
    }
    // the 38-week calibration period 1997-01-01..1997-09-30, ends inclusive
    List<CustomerSummary> ours = TransactionSummarizer.summarize(transactions, d("1997-09-30"), 7);
    assertThat(ours).hasSize(2357);
    for (CustomerSummary c : ours) {
      CustomerSummary p = published.get(c.id);
      assertThat(p).as("customer %s", c.id).isNotNull();
      assertThat(c.x).as("x of %s", c.id).isEqualTo(p.x);
      assertThat(c.tx).as("t_x of %s", c.id).isCloseTo(p.tx, within(0.0051));
      assertThat(c.T).as("T of %s", c.id).isCloseTo(p.T, within(0.0051));
      assertThat(c.zbar).as("zbar of %s", c.id).isCloseTo(p.zbar, within(0.0051));
    }
    // a day earlier or later does not match T
    CustomerSummary first =
        TransactionSummarizer.summarize(transactions, d("1997-09-29"), 7).get(0);
    assertThat(first.T).isNotCloseTo(published.get(first.id).T, within(0.0051));
  }
}
