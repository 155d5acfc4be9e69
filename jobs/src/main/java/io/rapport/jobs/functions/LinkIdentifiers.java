package io.rapport.jobs.functions;

import io.rapport.identity.IdentifierNormalizer;
import io.rapport.model.CustomerRecord;
import io.rapport.model.ProfileEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * A CRM upsert claims each of its identifiers for the customer, in the identity index. Junk
 * identifiers are refused and counted.
 */
public class LinkIdentifiers extends RichFlatMapFunction<CustomerRecord, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  private final IdentifierNormalizer normalizer;
  private transient Counter refused;

  public LinkIdentifiers(IdentifierNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @Override
  public void open(OpenContext openContext) {
    refused = getRuntimeContext().getMetricGroup().counter("identifiersRefused");
  }

  @Override
  public void flatMap(CustomerRecord c, Collector<ProfileEvent> out) {
    if (!"upsert".equals(c.op)) {
      return;
    }
    String customerId = c.customerId.trim();
    long time = c.updatedAt.toEpochMilli();
    refused.inc(normalizer.refused(c));
    java.util.List<String> identifiers = normalizer.of(c);
    for (String id : identifiers) {
      ProfileEvent link = ProfileEvent.link(id, customerId, time);
      link.identifiers = identifiers; // for the merge registry, if this link is contested
      out.collect(link);
    }
  }
}
