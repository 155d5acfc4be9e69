package io.rapport.text;

/** Development tool: prints the analysis of each argument ("es:" / "en:" prefix sets the hint). */
public final class Debug {
  private Debug() {}

  public static void main(String[] args) {
    SentimentScorer.trace = true;
    TextAnalyzer a = TextAnalyzer.shared();
    for (String s : args) {
      String hint = null;
      if (s.startsWith("es:") || s.startsWith("en:")) {
        hint = s.substring(0, 2);
        s = s.substring(3);
      }
      System.out.println(a.analyze(s, hint) + "  <- " + s);
    }
  }
}
