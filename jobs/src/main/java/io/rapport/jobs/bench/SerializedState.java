package io.rapport.jobs.bench;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.TimerHeapInternalTimer;
import org.apache.flink.streaming.api.operators.TimerSerializer;

/**
 * The size of keyed state entries as the job writes them: the key (a profile id or identifier) and
 * the value, serialized with the serializers the job's state descriptors get (Flink POJO
 * serializers, generic types off). RocksDB compresses blocks and adds a key-group prefix and
 * per-entry overhead: these are the raw serialized bytes. Shared by the benchmarks' state figures.
 */
final class SerializedState {
  private final SerializerConfigImpl config = new SerializerConfigImpl();
  private final DataOutputSerializer out = new DataOutputSerializer(4096);
  private final TimerSerializer<String, VoidNamespace> timers =
      new TimerSerializer<>(StringSerializer.INSTANCE, VoidNamespaceSerializer.INSTANCE);

  SerializedState() {
    config.setGenericTypes(false);
  }

  /** The serializer the job's state of this type gets. */
  <T> TypeSerializer<T> serializer(Class<T> type) {
    return TypeInformation.of(type).createSerializer(config);
  }

  /** Bytes of one value-state entry: its key, then its value. */
  <T> int entry(String key, TypeSerializer<T> serializer, T value) throws IOException {
    out.clear();
    StringSerializer.INSTANCE.serialize(key, out);
    serializer.serialize(value, out);
    return out.length();
  }

  /** Bytes of one value-state entry with a string value (an identity index owner, a survivor). */
  int entry(String key, String value) throws IOException {
    return entry(key, StringSerializer.INSTANCE, value);
  }

  /** Bytes of one event-time timer of a key: timestamp, key and (void) namespace. */
  int timer(String key, long at) throws IOException {
    out.clear();
    timers.serialize(new TimerHeapInternalTimer<>(at, key, VoidNamespace.INSTANCE), out);
    return out.length();
  }
}
