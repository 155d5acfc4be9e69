package io.rapport.jobs.functions;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes the first event of each id and drops later ones (a mention or transaction delivered twice
 * upstream is counted once). Keyed by event id; ids are remembered for a retention period (state
 * TTL), after which their state is gone.
 */
public class DropDuplicates<T> extends KeyedProcessFunction<String, T, T> {
  private static final long serialVersionUID = 1L;

  private final Duration retention;
  private transient ValueState<Boolean> seen;
  private transient Counter duplicates;

  public DropDuplicates(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<Boolean> desc = new ValueStateDescriptor<>("seen", Types.BOOLEAN);
    desc.enableTimeToLive(
        StateTtlConfig.newBuilder(retention)
            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build());
    seen = getRuntimeContext().getState(desc);
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
  }

  @Override
  public void processElement(T event, Context ctx, Collector<T> out) throws Exception {
    if (seen.value() != null) {
      duplicates.inc();
      return;
    }
    seen.update(Boolean.TRUE);
    out.collect(event);
  }
}
