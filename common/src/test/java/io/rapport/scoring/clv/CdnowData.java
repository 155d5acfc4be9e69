package io.rapport.scoring.clv;

import io.rapport.scoring.clv.TransactionSummarizer.Purchase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW cohort in the shared data folder, {@code ../shared/data/clv/cdnow} from the project
 * root (the root is found by walking up from the working directory to the folder holding {@code
 * mvnw}; surefire runs in {@code common/}). Missing data fails the test: CI has {@code shared/}
 * beside the clone.
 */
final class CdnowData {
  private CdnowData() {}

  static Path dir() {
    Path start = Path.of("").toAbsolutePath();
    Path root = start;
    while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
      root = root.getParent();
    }
    if (root == null || root.getParent() == null) {
      throw new IllegalStateException(
          "cannot find the project root (folder with mvnw) above " + start);
    }
    Path dir = root.getParent().resolve("shared").resolve("data/clv/cdnow").normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "CDNOW data not found at "
              + dir
              + ": the shared data folder must sit beside the project root (../shared)");
    }
    return dir;
  }

  static Path summaryCsv() {
    return dir().resolve("cdnow_customers_summary.csv");
  }

  static Path summaryWithSpendCsv() {
    return dir().resolve("cdnow_customers_summary_with_transactions.csv");
  }

  /** The summaries with spend, ids from the file, in file order. */
  static List<CustomerSummary> summaries() {
    try {
      return SummaryCsv.read(summaryWithSpendCsv()).summaries();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SummaryCsv.FormatException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The raw transactions: customer (master id), sample id, yyyymmdd, units, dollars. Customers are
   * keyed by the sample id, the ID of the summary files.
   */
  static List<Purchase> transactions() {
    List<Purchase> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(dir().resolve("CDNOW_sample.txt"))) {
        if (line.isBlank()) {
          continue;
        }
        String[] c = line.trim().split("\\s+");
        out.add(
            new Purchase(
                String.valueOf(Integer.parseInt(c[1])),
                LocalDate.parse(c[2], DateTimeFormatter.BASIC_ISO_DATE),
                Double.parseDouble(c[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
