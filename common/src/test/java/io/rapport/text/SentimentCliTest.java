package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentCliTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static List<String> run(byte[] input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SentimentCli.run(new ByteArrayInputStream(input), out, TextAnalyzer.shared());
    String s = out.toString(StandardCharsets.UTF_8);
    if (s.isEmpty()) {
      return List.of();
    }
    assertThat(s).endsWith("\n");
    return List.of(s.substring(0, s.length() - 1).split("\n", -1));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void oneJsonLinePerInputLineInOrder() throws IOException {
    List<String> lines = run(bytes("Me encanta 😍\nPésimo servicio\n\nI love it\n"));
    assertThat(lines).hasSize(4);
    JsonNode first = M.readTree(lines.get(0));
    assertThat(first.get("compound").asDouble()).isGreaterThan(0.3);
    assertThat(first.get("lang").asText()).isEqualTo("es");
    assertThat(first.get("intents").isArray()).isTrue();
    assertThat(M.readTree(lines.get(1)).get("compound").asDouble()).isLessThan(-0.3);
    JsonNode empty = M.readTree(lines.get(2));
    assertThat(empty.get("compound").asDouble()).isEqualTo(0.0);
    assertThat(empty.get("lang").asText()).isEqualTo("und");
    assertThat(M.readTree(lines.get(3)).get("lang").asText()).isEqualTo("en");
    for (String l : lines) {
      JsonNode n = M.readTree(l);
      assertThat(n.fieldNames())
          .toIterable()
          .containsExactly("compound", "pos", "neg", "neu", "lang", "intents");
      double sum = n.get("pos").asDouble() + n.get("neg").asDouble() + n.get("neu").asDouble();
      assertThat(sum).isBetween(0.999, 1.001);
    }
  }

  @Test
  void lastLineWithoutNewlineAndCrLf() throws IOException {
    assertThat(run(bytes("bueno\r\nmalo"))).hasSize(2);
    assertThat(run(bytes("bueno\r\n"))).hasSize(1);
    assertThat(run(bytes(""))).isEmpty();
    assertThat(run(bytes("\n\n\n"))).hasSize(3);
    // a lone '\r' is not a line break
    assertThat(run(bytes("bueno\rmalo\n"))).hasSize(1);
  }

  @Test
  void hostileInputKeepsAlignment() throws IOException {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write(bytes("x".repeat(100_000) + "\n")); // 100 KB line
    in.write(
        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '\n'}); // invalid UTF-8
    in.write(new byte[] {0, 0, 'a', 0, 7, 27, '\n'}); // NUL and control characters
    in.write(bytes("😂".repeat(5_000) + "\n")); // repeated emoji
    in.write(bytes("geniaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaal\n"));
    in.write(bytes("\"quoted\" \\ back\\slash {json} \u2028 \u0085\n"));
    in.write(bytes("a".repeat(SentimentCli.MAX_LINE_BYTES + 10) + " genial\n")); // cut line
    in.write(bytes("🙂".repeat(20_000).substring(1) + "\n")); // lone low surrogate start
    in.write(new byte[] {(byte) 0xF0, (byte) 0x9F, '\n'}); // truncated 4-byte sequence
    in.write(bytes("fin"));
    List<String> lines = run(in.toByteArray());
    assertThat(lines).hasSize(10);
    for (String l : lines) {
      JsonNode n = M.readTree(l);
      assertThat(n.get("compound").asDouble()).isBetween(-1.0, 1.0);
      assertThat(n.get("lang").asText()).isIn("es", "en", "und");
    }
  }

  @Test
  void manyLinesInChunks() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      b.append(i % 2 == 0 ? "muy bueno" : "muy malo").append('\n');
    }
    List<String> lines = run(bytes(b.toString()));
    assertThat(lines).hasSize(5_000);
    for (int i = 0; i < lines.size(); i++) {
      double c = M.readTree(lines.get(i)).get("compound").asDouble();
      if (i % 2 == 0) {
        assertThat(c).isPositive();
      } else {
        assertThat(c).isNegative();
      }
    }
  }

  @Test
  void fixedPointNumbers() {
    StringBuilder b = new StringBuilder();
    SentimentCli.fixed(0.00004, b);
    b.append(' ');
    SentimentCli.fixed(-0.5, b);
    b.append(' ');
    SentimentCli.fixed(1.0, b);
    b.append(' ');
    SentimentCli.fixed(Double.NaN, b);
    b.append(' ');
    SentimentCli.fixed(-0.12346, b);
    assertThat(b.toString()).isEqualTo("0.0 -0.5 1.0 0.0 -0.1235");
  }
}
