package io.rapport.generator;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Expected counts for an index range, from {@link RapportGenerator#plan(long)} (no JSON is built,
 * so counting a million indices takes well under a second).
 *
 * <pre>{@code
 * GeneratorStats s = GeneratorStats.of(generator, 0, 10_000);
 * s.valid(GeneratedRecord.TOPIC_MENTIONS);   // valid mentions the job should accept
 * s.malformed(GeneratedRecord.TOPIC_MENTIONS); // mentions the job should dead-letter
 * s.malformed(MalformedKind.OVERSIZED_TEXT);
 * }</pre>
 */
public final class GeneratorStats {
  public final long from;
  public final long to;

  private final Map<String, long[]> perTopic = new LinkedHashMap<>(); // [valid, malformed]
  private final EnumMap<RecordKind, Long> validByKind = new EnumMap<>(RecordKind.class);
  private final EnumMap<MalformedKind, Long> malformedByKind = new EnumMap<>(MalformedKind.class);

  private GeneratorStats(long from, long to) {
    this.from = from;
    this.to = to;
    for (String t : GeneratedRecord.TOPICS) {
      perTopic.put(t, new long[2]);
    }
    for (RecordKind k : RecordKind.values()) {
      validByKind.put(k, 0L);
    }
    for (MalformedKind k : MalformedKind.values()) {
      malformedByKind.put(k, 0L);
    }
  }

  /** Counts the records of indices [from, to). */
  public static GeneratorStats of(RapportGenerator generator, long from, long to) {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
    }
    GeneratorStats s = new GeneratorStats(from, to);
    for (long i = from; i < to; i++) {
      s.add(generator.plan(i));
    }
    return s;
  }

  void add(RapportGenerator.Plan p) {
    long[] c = perTopic.get(p.topic);
    if (p.malformed == null) {
      c[0]++;
      validByKind.merge(p.kind, 1L, Long::sum);
    } else {
      c[1]++;
      malformedByKind.merge(p.malformed, 1L, Long::sum);
    }
  }

  /** Number of indices counted. */
  public long total() {
    return to - from;
  }

  public long valid(String topic) {
    return perTopic.get(topic)[0];
  }

  public long malformed(String topic) {
    return perTopic.get(topic)[1];
  }

  /** Records of a topic, valid or not. */
  public long records(String topic) {
    return valid(topic) + malformed(topic);
  }

  public long valid() {
    long n = 0;
    for (long[] c : perTopic.values()) {
      n += c[0];
    }
    return n;
  }

  public long malformed() {
    long n = 0;
    for (long[] c : perTopic.values()) {
      n += c[1];
    }
    return n;
  }

  /** Valid records of a kind (customers created, purchases, returns, reposts...). */
  public long valid(RecordKind kind) {
    return validByKind.get(kind);
  }

  public long malformed(MalformedKind kind) {
    return malformedByKind.get(kind);
  }

  /** Malformed records by the {@code ErrorCode} name the parser gives them. */
  public Map<String, Long> malformedByErrorCode() {
    Map<String, Long> m = new LinkedHashMap<>();
    malformedByKind.forEach((k, v) -> m.merge(k.expectedError().name(), v, Long::sum));
    return m;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("GeneratorStats[" + from + ", " + to + "): ");
    perTopic.forEach(
        (t, c) ->
            sb.append(t)
                .append(" valid=")
                .append(c[0])
                .append(" malformed=")
                .append(c[1])
                .append("; "));
    sb.append("kinds=").append(validByKind).append("; malformed=").append(malformedByKind);
    return sb.toString();
  }
}
