package io.rapport.jobs.functions;

import io.rapport.identity.IdentifierNormalizer;
import io.rapport.model.CustomerRecord;
import io.rapport.model.ProfileEvent;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A CRM record as a request to the merge registry: an upsert's identifiers ({@link
 * ProfileEvent#CLAIM}, counted for the guardrail) or a forget request ({@link ProfileEvent#FORGET},
 * erased for the person's whole group).
 */
public class IdentityRequests implements MapFunction<CustomerRecord, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  private final IdentifierNormalizer normalizer;

  public IdentityRequests(IdentifierNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @Override
  public ProfileEvent map(CustomerRecord c) {
    String customerId = c.customerId.trim();
    long time = c.updatedAt.toEpochMilli();
    if (CustomerRecord.isForget(c)) {
      return ProfileEvent.control(ProfileEvent.FORGET, MergeIdentities.KEY, customerId, time);
    }
    return ProfileEvent.claim(MergeIdentities.KEY, customerId, normalizer.of(c), time);
  }
}
