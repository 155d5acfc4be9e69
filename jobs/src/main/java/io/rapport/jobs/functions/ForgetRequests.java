package io.rapport.jobs.functions;

import io.rapport.model.CustomerRecord;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** The customer id of every forget request among the CRM records (as link-identifiers keys it). */
public class ForgetRequests implements FlatMapFunction<CustomerRecord, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(CustomerRecord c, Collector<String> out) {
    if (CustomerRecord.isForget(c) && c.customerId != null && !c.customerId.isBlank()) {
      out.collect(c.customerId.trim());
    }
  }
}
