package io.rapport.generator.bench;

import io.rapport.generator.GeneratedRecord;
import io.rapport.generator.GeneratorConfig;
import io.rapport.generator.RapportGenerator;

/** Prints records of an index range, one a line: {@code GeneratorDump [from] [count] [seed]}. */
public final class GeneratorDump {
  private GeneratorDump() {}

  public static void main(String[] args) {
    long from = args.length > 0 ? Long.parseLong(args[0]) : 0;
    long count = args.length > 1 ? Long.parseLong(args[1]) : 40;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    RapportGenerator g = new RapportGenerator(GeneratorConfig.defaults().seed(seed));
    for (long i = from; i < from + count; i++) {
      GeneratedRecord r = g.record(i);
      System.out.println(
          i
              + "\t"
              + r.topic
              + "\t"
              + r.kind
              + "\t"
              + (r.malformedKind == null ? "" : r.malformedKind)
              + "\t"
              + (r.intendedSentiment == null ? "" : r.intendedSentiment + " " + r.intendedIntents)
              + "\t"
              + (r.value.length > 600 ? r.valueString().substring(0, 600) : r.valueString()));
    }
  }
}
