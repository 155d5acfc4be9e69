package io.rapport.jobs.source;

import io.rapport.scoring.ClvModel;
import io.rapport.serde.Json;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CLV model (JSON) from the model topic. Never throws on data: a record that is not a valid
 * model (or a compaction tombstone) is logged and skipped, and scoring keeps the model it has.
 */
public class ClvModelDeserializer implements KafkaRecordDeserializationSchema<ClvModel> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ClvModelDeserializer.class);

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ClvModel> out) {
    if (record.value() == null) {
      return;
    }
    try {
      ClvModel model = Json.mapper().readValue(record.value(), ClvModel.class);
      model.validate();
      out.collect(model);
    } catch (Exception e) {
      LOG.warn(
          "skipping record {}/{}@{} of the model topic: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
    }
  }

  @Override
  public TypeInformation<ClvModel> getProducedType() {
    return TypeInformation.of(ClvModel.class);
  }
}
