package io.rapport.jobs.source;

import io.rapport.model.Envelope;
import io.rapport.serde.Contract;
import io.rapport.serde.RecordParser;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a Kafka record into an {@link Envelope} under one contract. Never throws on data: a record
 * that can't be read becomes an invalid envelope (with its original bytes) for the dead-letter
 * topic, so that the watermark strategy at the source sees every record's event time.
 */
public class EnvelopeDeserializer implements KafkaRecordDeserializationSchema<Envelope> {
  private static final long serialVersionUID = 1L;

  private final Contract contract;
  private transient RecordParser parser;

  public EnvelopeDeserializer(Contract contract) {
    this.contract = contract;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Envelope> out) {
    if (parser == null) {
      parser = new RecordParser();
    }
    out.collect(
        contract.read(
            parser,
            record.value(),
            record.topic(),
            record.partition(),
            record.offset(),
            record.timestamp()));
  }

  @Override
  public TypeInformation<Envelope> getProducedType() {
    return TypeInformation.of(Envelope.class);
  }
}
