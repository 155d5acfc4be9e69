package io.rapport.jobs.functions;

import io.rapport.scoring.ClvModel;
import io.rapport.scoring.ClvModelFit;
import io.rapport.scoring.ModelPurchase;
import java.time.LocalDate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Collects every purchase under one key and fits the model when the (bounded) input ends: in batch
 * execution the end-of-time timer fires once all input is read.
 */
public class FitClvModel extends KeyedProcessFunction<String, ModelPurchase, ClvModel> {
  private static final long serialVersionUID = 1L;

  private final LocalDate calibrationEnd;
  private final double daysPerUnit;
  private transient ListState<ModelPurchase> purchases;

  public FitClvModel(LocalDate calibrationEnd, double daysPerUnit) {
    this.calibrationEnd = calibrationEnd;
    this.daysPerUnit = daysPerUnit;
  }

  @Override
  public void open(OpenContext openContext) {
    purchases =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("purchases", TypeInformation.of(ModelPurchase.class)));
  }

  @Override
  public void processElement(ModelPurchase p, Context ctx, Collector<ClvModel> out)
      throws Exception {
    purchases.add(p);
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClvModel> out)
      throws Exception {
    out.collect(ClvModelFit.fit(purchases.get(), calibrationEnd, daysPerUnit));
    purchases.clear();
  }
}
