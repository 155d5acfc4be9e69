package io.rapport.jobs.functions;

import io.rapport.model.AlertStatus;
import io.rapport.model.EsDocument;
import io.rapport.profile.Documents;
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
 * Status changes of alerts (keyed by alert id) to partial updates of the alerts' documents. A
 * status never goes back: an {@code acknowledged} arriving after {@code resolved} is dropped
 * (counted), and a repeated one is written again (idempotent). State: the highest status rank per
 * alert, with a time-to-live.
 */
public class TrackAlertStatus extends KeyedProcessFunction<String, AlertStatus, EsDocument> {
  private static final long serialVersionUID = 1L;

  private final Documents documents;
  private final Duration retention;

  private transient ValueState<Integer> rank;
  private transient Counter outOfOrder;

  public TrackAlertStatus(Documents documents, Duration retention) {
    this.documents = documents;
    this.retention = retention;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<Integer> d = new ValueStateDescriptor<>("status-rank", Types.INT);
    d.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
    rank = getRuntimeContext().getState(d);
    outOfOrder = getRuntimeContext().getMetricGroup().counter("alertStatusesOutOfOrder");
  }

  @Override
  public void processElement(AlertStatus s, Context ctx, Collector<EsDocument> out)
      throws Exception {
    int r = AlertStatus.rank(s.status);
    Integer current = rank.value();
    if (current != null && r < current) {
      outOfOrder.inc();
      return;
    }
    rank.update(r);
    out.collect(documents.alertStatus(s));
  }
}
