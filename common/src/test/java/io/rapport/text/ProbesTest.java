package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every probe of {@code sentiment/probes.tsv}: a text customers write that the lexicon and cues
 * once missed or misread ("Nothing works", "Me late mucho la nueva tienda", "Necesito ayuda con mi
 * pedido"), and its polarity and intents. A probe is added as a line of that file; none comes from
 * the held-out sets.
 */
class ProbesTest {
  private static final TextAnalyzer A = TextAnalyzer.shared();

  record Probe(
      String text, String lang, String polarity, List<String> present, List<String> absent) {
    @Override
    public String toString() {
      return text;
    }
  }

  static List<Probe> probes() throws IOException {
    List<Probe> out = new ArrayList<>();
    try (InputStream in = ProbesTest.class.getResourceAsStream("/sentiment/probes.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
          throw new IllegalArgumentException("probes.tsv: not five fields: " + line);
        }
        out.add(new Probe(f[0], f[1].equals("-") ? null : f[1], f[2], list(f[3]), list(f[4])));
      }
    }
    return out;
  }

  private static List<String> list(String field) {
    return field.isBlank() ? List.of() : List.of(field.split(","));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void readsAsWritten(Probe p) {
    Analysis a = A.analyze(p.text(), p.lang());
    switch (p.polarity()) {
      case "pos" -> assertThat(a.compound).isGreaterThanOrEqualTo(0.05);
      case "neg" -> assertThat(a.compound).isLessThanOrEqualTo(-0.05);
      case "pos+" -> assertThat(a.compound).isGreaterThanOrEqualTo(0.3);
      case "neg+" -> assertThat(a.compound).isLessThanOrEqualTo(-0.3);
      case "neu" -> assertThat(a.compound).isBetween(-0.05, 0.05);
      case "any" -> {}
      default -> throw new IllegalArgumentException("probes.tsv: polarity " + p.polarity());
    }
    assertThat(a.intents).containsAll(p.present());
    for (String absent : p.absent()) {
      assertThat(a.intents).doesNotContain(absent);
    }
  }
}
