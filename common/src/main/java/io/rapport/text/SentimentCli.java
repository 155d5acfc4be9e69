package io.rapport.text;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code bin/rapport sentiment}: one text per line on stdin (bytes split on '\n' only, a trailing
 * '\r' stripped, UTF-8 decoded with replacement), one JSON object per line on stdout, in order:
 * {@code {"compound":…,"pos":…,"neg":…,"neu":…,"lang":"es|en|und","intents":[…]}}. Every input line
 * gives exactly one output line; lines longer than {@link #MAX_LINE_BYTES} are analysed on their
 * first bytes (the analyzer reads at most 2,000 characters anyway).
 */
public final class SentimentCli {
  /** Bytes of a line kept for analysis; the rest of an over-long line is skipped. */
  static final int MAX_LINE_BYTES = 16 * 1024;

  private static final byte[] FALLBACK =
      "{\"compound\":0.0,\"pos\":0.0,\"neg\":0.0,\"neu\":1.0,\"lang\":\"und\",\"intents\":[]}\n"
          .getBytes(StandardCharsets.US_ASCII);

  private SentimentCli() {}

  public static void main(String[] args) throws IOException {
    OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
    run(System.in, out, TextAnalyzer.shared());
    out.flush();
  }

  /** Reads lines from in until EOF and writes one JSON line each to out (flushed when idle). */
  static void run(InputStream in, OutputStream out, TextAnalyzer analyzer) throws IOException {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    byte[] buf = new byte[1 << 16];
    byte[] line = new byte[MAX_LINE_BYTES];
    int lineLen = 0;
    boolean pending = false; // bytes of an unfinished line seen
    StringBuilder json = new StringBuilder(256);
    while (true) {
      if (available(in) <= 0) {
        out.flush(); // interactive use: answer before blocking for more input
      }
      int r = in.read(buf);
      if (r < 0) {
        break;
      }
      int start = 0;
      for (int i = 0; i < r; i++) {
        if (buf[i] == '\n') {
          lineLen = append(line, lineLen, buf, start, i);
          emit(line, lineLen, dec, analyzer, json, out);
          lineLen = 0;
          pending = false;
          start = i + 1;
        }
      }
      if (start < r) {
        lineLen = append(line, lineLen, buf, start, r);
        pending = true;
      }
    }
    if (pending) {
      emit(line, lineLen, dec, analyzer, json, out);
    }
    out.flush();
  }

  private static int available(InputStream in) {
    try {
      return in.available();
    } catch (IOException e) {
      return 0;
    }
  }

  private static int append(byte[] line, int len, byte[] buf, int from, int to) {
    int n = Math.min(to - from, line.length - len);
    if (n > 0) {
      System.arraycopy(buf, from, line, len, n);
      return len + n;
    }
    return len;
  }

  private static void emit(
      byte[] line,
      int len,
      CharsetDecoder dec,
      TextAnalyzer analyzer,
      StringBuilder json,
      OutputStream out)
      throws IOException {
    try {
      if (len > 0 && line[len - 1] == '\r') {
        len--;
      }
      String text = dec.reset().decode(ByteBuffer.wrap(line, 0, len)).toString();
      Analysis a = analyzer.analyze(text, null, false);
      json.setLength(0);
      toJson(a, json);
      json.append('\n');
      byte[] bytes = new byte[json.length()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) json.charAt(i); // all ASCII
      }
      out.write(bytes);
    } catch (RuntimeException | java.nio.charset.CharacterCodingException e) {
      out.write(FALLBACK); // never lose alignment
    }
  }

  /** The CLI's JSON object for an analysis (ASCII only). */
  static void toJson(Analysis a, StringBuilder b) {
    b.append("{\"compound\":");
    fixed(a.compound, b);
    b.append(",\"pos\":");
    fixed(a.pos, b);
    b.append(",\"neg\":");
    fixed(a.neg, b);
    b.append(",\"neu\":");
    fixed(a.neu, b);
    b.append(",\"lang\":\"").append(a.lang).append("\",\"intents\":[");
    List<String> in = a.intents;
    for (int i = 0; i < in.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(in.get(i)).append('"');
    }
    b.append("]}");
  }

  /** Fixed-point with 4 decimals, no exponent; non-finite values as 0.0. */
  static void fixed(double x, StringBuilder b) {
    if (!Double.isFinite(x)) {
      b.append("0.0");
      return;
    }
    long v = Math.round(x * 10_000);
    if (v < 0) {
      b.append('-');
      v = -v;
    }
    b.append(v / 10_000).append('.');
    long frac = v % 10_000;
    if (frac == 0) {
      b.append('0');
      return;
    }
    String f = Long.toString(frac + 10_000).substring(1);
    int end = f.length();
    while (end > 1 && f.charAt(end - 1) == '0') {
      end--;
    }
    b.append(f, 0, end);
  }

  /** Decodes bytes as the CLI does (for tests). */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return "";
    }
  }
}
