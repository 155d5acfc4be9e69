package io.rapport.jobs.source;

import io.rapport.generator.GeneratedRecord;
import io.rapport.generator.GeneratorConfig;
import io.rapport.generator.RapportGenerator;
import io.rapport.model.Envelope;
import io.rapport.serde.Contract;
import io.rapport.serde.RecordParser;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The built-in data generator as a Flink source: record {@code i} of the generated world, read
 * through the same contracts as Kafka records (malformed ones included), so that the job can run
 * with nothing else started. Deterministic for a seed; parallel readers split the index range.
 */
public final class GeneratorSource {
  /** Records emitted by generator sources in this JVM (for local runs' live summaries). */
  public static final AtomicLong EMITTED = new AtomicLong();

  private GeneratorSource() {}

  /**
   * @param count records to generate ({@code Long.MAX_VALUE}: until cancelled)
   * @param recordsPerSecond pace, or 0 for as fast as possible
   */
  public static DataGeneratorSource<Envelope> create(
      GeneratorConfig config, long count, double recordsPerSecond) {
    RateLimiterStrategy<?> rate =
        recordsPerSecond > 0
            ? RateLimiterStrategy.perSecond(recordsPerSecond)
            : RateLimiterStrategy.noOp();
    return new DataGeneratorSource<>(
        new Generate(config), count, rate, TypeInformation.of(Envelope.class));
  }

  /** Record {@code index} as an envelope. */
  static final class Generate implements GeneratorFunction<Long, Envelope> {
    private static final long serialVersionUID = 1L;

    private final GeneratorConfig config;
    private transient RapportGenerator generator;
    private transient RecordParser parser;

    Generate(GeneratorConfig config) {
      this.config = config;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
      generator = new RapportGenerator(config);
      parser = new RecordParser();
    }

    @Override
    public Envelope map(Long index) {
      GeneratedRecord r = generator.record(index);
      EMITTED.incrementAndGet();
      return contractOf(r.topic).read(parser, r.value, r.topic, 0, index, r.eventTimeMillis);
    }
  }

  /** The contract of one of the generator's topics. */
  public static Contract contractOf(String topic) {
    switch (topic) {
      case GeneratedRecord.TOPIC_MENTIONS:
        return Contract.MENTION;
      case GeneratedRecord.TOPIC_CUSTOMERS:
        return Contract.CUSTOMER;
      case GeneratedRecord.TOPIC_TRANSACTIONS:
        return Contract.TRANSACTION;
      default:
        throw new IllegalArgumentException("the generator has no topic " + topic);
    }
  }
}
