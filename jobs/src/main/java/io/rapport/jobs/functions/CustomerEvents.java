package io.rapport.jobs.functions;

import io.rapport.model.CustomerRecord;
import io.rapport.model.ProfileEvent;
import org.apache.flink.api.common.functions.MapFunction;

/** A CRM record (upsert or forget) as an event for the customer's own profile. */
public class CustomerEvents implements MapFunction<CustomerRecord, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  @Override
  public ProfileEvent map(CustomerRecord c) {
    return ProfileEvent.customer(c.customerId.trim(), c);
  }
}
