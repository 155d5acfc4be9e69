package io.rapport.jobs.functions;

import io.rapport.identity.IdentifierNormalizer;
import io.rapport.model.CustomerActivity;
import io.rapport.model.ProfileEvent;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A review, referral or survey answer, to be resolved like a transaction: by its customer reference
 * (CRM id, else card, else email).
 */
public class ActivityEvents implements MapFunction<CustomerActivity, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  private final IdentifierNormalizer normalizer;

  public ActivityEvents(IdentifierNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @Override
  public ProfileEvent map(CustomerActivity a) {
    return ProfileEvent.activity(normalizer.of(a.customer), a);
  }
}
