package io.rapport.scoring.clv;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bin/rapport clv fit FILE}: fits BG/NBD (and, when the file has a {@code zbar} column,
 * Gamma-Gamma on the repeat buyers) to a customer summary CSV (see {@link SummaryCsv}) and prints
 * the estimates as one JSON object on stdout, e.g. {@code {"r":0.2426,"alpha":4.4135,"a":0.7929,
 * "b":2.4258}} or, with spend, the same plus {@code "p","q","v"}.
 *
 * <p>Exit codes: 0 success; 2 usage error or bad input (unreadable or empty file, missing columns,
 * non-numeric or invalid cells, with line numbers; data without repeat buyers); 1 when the
 * optimizer fails on valid data.
 */
public final class ClvCli {

  static final String USAGE =
      "usage: rapport clv fit FILE\n"
          + "  FILE: CSV with a header, columns ID,frequency,recency,T (BG/NBD) or\n"
          + "        ID,x,t_x,T,zbar (BG/NBD and Gamma-Gamma on the repeat buyers, x > 0);\n"
          + "        columns matched by name, case-insensitive.\n"
          + "  Prints one JSON object: {\"r\":..,\"alpha\":..,\"a\":..,\"b\":..[,\"p\":..,\"q\":..,"
          + "\"v\":..]}";

  private ClvCli() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1
        && (args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help"))) {
      out.println(USAGE);
      return 0;
    }
    if (args.length != 2 || !args[0].equals("fit")) {
      err.println("rapport clv: " + (args.length == 0 ? "missing command" : "bad arguments"));
      err.println(USAGE);
      return 2;
    }
    Path file = Path.of(args[1]);
    SummaryCsv.Content content;
    try {
      content = SummaryCsv.read(file);
    } catch (NoSuchFileException e) {
      err.println("rapport clv: " + file + ": no such file");
      return 2;
    } catch (IOException e) {
      err.println("rapport clv: " + file + ": cannot read: " + e.getMessage());
      return 2;
    } catch (SummaryCsv.FormatException e) {
      err.println("rapport clv: " + e.getMessage());
      return 2;
    }
    Map<String, Double> fields = new LinkedHashMap<>();
    try {
      BgNbdParams bg = BgNbd.fit(content.summaries()).params();
      fields.put("r", bg.r);
      fields.put("alpha", bg.alpha);
      fields.put("a", bg.a);
      fields.put("b", bg.b);
      if (content.hasSpend()) {
        GammaGammaParams gg = GammaGamma.fit(content.summaries()).params();
        fields.put("p", gg.p);
        fields.put("q", gg.q);
        fields.put("v", gg.v);
      }
    } catch (IllegalArgumentException e) {
      err.println("rapport clv: " + file + ": " + e.getMessage());
      return 2;
    } catch (IllegalStateException | ArithmeticException e) {
      err.println("rapport clv: " + file + ": " + e.getMessage());
      return 1;
    }
    out.println(toJson(fields));
    return 0;
  }

  static String toJson(Map<String, Double> fields) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Double> e : fields.entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      // Keys are fixed identifiers; values are finite (checked by the fits).
      sb.append('"').append(e.getKey()).append("\":").append(e.getValue());
    }
    return sb.append('}').toString();
  }
}
