package io.rapport.jobs.functions;

import io.rapport.identity.IdentifierNormalizer;
import io.rapport.model.CustomerRecord;
import io.rapport.model.ProfileEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by CRM customer id. A CRM upsert claims each of its identifiers for the customer, in the
 * identity index; junk identifiers are refused and counted. Every identifier the customer ever
 * claimed is remembered here, so that a forget request (which carries only the customer id) can
 * take each of them out of the identity index ({@link ProfileEvent#UNLINK}); then this state is
 * cleared too.
 */
public class LinkIdentifiers extends KeyedProcessFunction<String, CustomerRecord, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  private final IdentifierNormalizer normalizer;
  private transient ValueState<List<String>> claimed;
  private transient Counter refused;

  public LinkIdentifiers(IdentifierNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @Override
  public void open(OpenContext openContext) {
    claimed =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("claimed", Types.LIST(Types.STRING)));
    refused = getRuntimeContext().getMetricGroup().counter("identifiersRefused");
  }

  @Override
  public void processElement(CustomerRecord c, Context ctx, Collector<ProfileEvent> out)
      throws Exception {
    String customerId = c.customerId.trim();
    long time = c.updatedAt.toEpochMilli();
    List<String> known = claimed.value();
    if (CustomerRecord.isForget(c)) {
      if (known != null) {
        for (String id : known) {
          out.collect(ProfileEvent.unlink(id, customerId, time));
        }
      }
      claimed.clear();
      return;
    }
    if (!"upsert".equals(c.op)) {
      return;
    }
    refused.inc(normalizer.refused(c));
    List<String> identifiers = normalizer.of(c);
    List<String> all = known == null ? new ArrayList<>() : new ArrayList<>(known);
    for (String id : identifiers) {
      ProfileEvent link = ProfileEvent.link(id, customerId, time);
      link.identifiers = identifiers; // for the merge registry, if this link is contested
      out.collect(link);
      if (!all.contains(id)) {
        all.add(id);
      }
    }
    if (!all.equals(known)) {
      claimed.update(all);
    }
  }
}
