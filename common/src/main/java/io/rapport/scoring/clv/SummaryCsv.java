package io.rapport.scoring.clv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads customer summaries from a CSV file with a header row. Columns are matched by name, case and
 * surrounding spaces or quotes ignored, in any order: {@code frequency} or {@code x}, {@code
 * recency} or {@code t_x}, {@code T}, optionally {@code zbar} (or {@code monetary_value}) and
 * {@code ID}; other columns are ignored. Both CDNOW forms are accepted: {@code
 * ID,frequency,recency,T} and {@code ID,x,t_x,T,zbar}. Blank lines are skipped; cells may not
 * contain commas.
 */
public final class SummaryCsv {

  /** A malformed file; the message names the file and, where it applies, the line. */
  public static final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }
  }

  /** What was read: the summaries (ids from the ID column, else "line N") and whether spend is. */
  public record Content(List<CustomerSummary> summaries, boolean hasSpend) {}

  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    ALIASES.put("id", "id");
    ALIASES.put("x", "x");
    ALIASES.put("frequency", "x");
    ALIASES.put("t_x", "t_x");
    ALIASES.put("recency", "t_x");
    ALIASES.put("t", "T");
    ALIASES.put("zbar", "zbar");
    ALIASES.put("monetary_value", "zbar");
  }

  private SummaryCsv() {}

  /**
   * Reads {@code file}.
   *
   * @throws FormatException if the file is empty, lacks a required column, or a row has the wrong
   *     number of cells, a non-numeric cell or values the models reject (negative or fractional
   *     {@code x}, {@code t_x} outside {@code [0, T]}, {@code T <= 0}, a repeat buyer without a
   *     positive {@code zbar})
   * @throws IOException if it cannot be read
   */
  public static Content read(Path file) throws IOException, FormatException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String name = file.toString();
    int headerIndex = 0;
    while (headerIndex < lines.size() && lines.get(headerIndex).isBlank()) {
      headerIndex++;
    }
    if (headerIndex == lines.size()) {
      throw new FormatException(
          name + ": empty file (expected a header such as ID,frequency,recency,T)");
    }
    String[] header = split(stripBom(lines.get(headerIndex)));
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.length; i++) {
      String canonical = ALIASES.get(header[i].toLowerCase(Locale.ROOT));
      if (canonical == null) {
        continue;
      }
      Integer previous = columns.put(canonical, i);
      if (previous != null) {
        throw new FormatException(
            name
                + ":"
                + (headerIndex + 1)
                + ": columns '"
                + header[previous]
                + "' and '"
                + header[i]
                + "' both give "
                + canonical);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String required : new String[] {"x", "t_x", "T"}) {
      if (!columns.containsKey(required)) {
        missing.add(
            switch (required) {
              case "x" -> "frequency (or x)";
              case "t_x" -> "recency (or t_x)";
              default -> required;
            });
      }
    }
    if (!missing.isEmpty()) {
      throw new FormatException(
          name
              + ":"
              + (headerIndex + 1)
              + ": missing column"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " (header: "
              + String.join(",", header)
              + "; expected ID,frequency,recency,T or ID,x,t_x,T,zbar)");
    }
    boolean hasSpend = columns.containsKey("zbar");
    Integer idColumn = columns.get("id");
    List<CustomerSummary> summaries = new ArrayList<>();
    for (int i = headerIndex + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String where = name + ":" + (i + 1) + ": ";
      String[] cells = split(line);
      if (cells.length != header.length) {
        throw new FormatException(
            where + "expected " + header.length + " cells as in the header, got " + cells.length);
      }
      double x = number(cells, columns.get("x"), header, where);
      double tx = number(cells, columns.get("t_x"), header, where);
      double bigT = number(cells, columns.get("T"), header, where);
      double zbar = hasSpend ? number(cells, columns.get("zbar"), header, where) : 0.0;
      String id = idColumn != null ? cells[idColumn] : "line " + (i + 1);
      CustomerSummary s = new CustomerSummary(id, x, x == 0 ? 0.0 : tx, bigT, zbar);
      try {
        s.validate();
      } catch (IllegalArgumentException e) {
        throw new FormatException(where + e.getMessage());
      }
      if (hasSpend && x > 0 && !(zbar > 0)) {
        throw new FormatException(
            where
                + "a repeat buyer (x > 0) needs a positive zbar, got "
                + cells[columns.get("zbar")]);
      }
      summaries.add(s);
    }
    if (summaries.isEmpty()) {
      throw new FormatException(name + ": no data rows after the header");
    }
    return new Content(summaries, hasSpend);
  }

  private static double number(String[] cells, int column, String[] header, String where)
      throws FormatException {
    String cell = cells[column];
    try {
      double value = Double.parseDouble(cell);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new FormatException(
        where + "column '" + header[column] + "': not a finite number: '" + cell + "'");
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static String[] split(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i].trim();
      if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
        c = c.substring(1, c.length() - 1).trim();
      }
      cells[i] = c;
    }
    return cells;
  }
}
