package io.rapport.jobs.functions;

import io.rapport.identity.Identifiers;
import io.rapport.model.CustomerRecord;
import io.rapport.model.ProfileEvent;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** A CRM upsert claims each of its identifiers for the customer, in the identity index. */
public class LinkIdentifiers implements FlatMapFunction<CustomerRecord, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(CustomerRecord c, Collector<ProfileEvent> out) {
    if (!"upsert".equals(c.op)) {
      return;
    }
    String customerId = c.customerId.trim();
    long time = c.updatedAt.toEpochMilli();
    for (String id : Identifiers.of(c)) {
      out.collect(ProfileEvent.link(id, customerId, time));
    }
  }
}
