package io.rapport.jobs.functions;

import io.rapport.model.CustomerProfile;
import io.rapport.model.EnrichedMention;
import io.rapport.model.EsDocument;
import io.rapport.model.ProfileEvent;
import io.rapport.model.ProfileUpdate;
import io.rapport.model.Transaction;
import io.rapport.model.ValueSignal;
import io.rapport.profile.CurrencyRates;
import io.rapport.profile.Documents;
import io.rapport.profile.ProfileLogic;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Each person's profile in keyed state (RocksDB in production), keyed by profile id. Applies CRM
 * records, mentions and transactions; publishes the profile and enriched mentions as Elasticsearch
 * documents; tells the value ranking about spend changes and customers' negative mentions. A forget
 * request deletes the profile and its document and keeps only a tombstone (the id and when) so that
 * late events don't bring the person back.
 */
public class MaintainProfiles extends KeyedProcessFunction<String, ProfileEvent, EsDocument> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<ValueSignal> VALUE_SIGNALS =
      new OutputTag<>("value-signals", TypeInformation.of(ValueSignal.class));

  /**
   * With scoring on: the profile after each event, for the scoring operator, which then publishes
   * the customer document (with scores) and its deletion instead of this operator.
   */
  public static final OutputTag<ProfileUpdate> PROFILE_UPDATES =
      new OutputTag<>("profile-updates", TypeInformation.of(ProfileUpdate.class));

  private final Documents documents;
  private final CurrencyRates rates;
  private final boolean scoring;

  private transient ValueState<CustomerProfile> profile;
  private transient ValueState<Long> forgottenAt;
  private transient Counter droppedForgotten;

  public MaintainProfiles(Documents documents, CurrencyRates rates) {
    this(documents, rates, false);
  }

  /** {@code scoring}: hand profiles to the scoring operator ({@link #PROFILE_UPDATES}). */
  public MaintainProfiles(Documents documents, CurrencyRates rates, boolean scoring) {
    this.documents = documents;
    this.rates = rates;
    this.scoring = scoring;
  }

  @Override
  public void open(OpenContext openContext) {
    profile =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("profile", TypeInformation.of(CustomerProfile.class)));
    forgottenAt =
        getRuntimeContext().getState(new ValueStateDescriptor<>("forgotten-at", Types.LONG));
    droppedForgotten = getRuntimeContext().getMetricGroup().counter("eventsOfForgottenDropped");
  }

  @Override
  public void processElement(ProfileEvent e, Context ctx, Collector<EsDocument> out)
      throws Exception {
    String id = ctx.getCurrentKey();
    Long forgotten = forgottenAt.value();
    if (ProfileEvent.CUSTOMER.equals(e.kind) && "forget".equals(e.customer.op)) {
      forget(id, e.time, ctx, out);
      return;
    }
    if (forgotten != null) {
      if (ProfileEvent.CUSTOMER.equals(e.kind) && e.time > forgotten) {
        forgottenAt.clear(); // registered again after being forgotten
      } else {
        droppedForgotten.inc();
        return;
      }
    }
    CustomerProfile p = profile.value();
    if (p == null) {
      p =
          ProfileLogic.newProfile(
              id,
              id.startsWith(ResolveIdentity.PROSPECT_PREFIX)
                  ? CustomerProfile.PROSPECT
                  : CustomerProfile.CUSTOMER);
    }
    ProfileUpdate update = null;
    switch (e.kind) {
      case ProfileEvent.CUSTOMER:
        ProfileLogic.applyCustomer(p, e.customer);
        update = scoring ? ProfileUpdate.of(ProfileUpdate.CUSTOMER, p, e.time) : null;
        break;
      case ProfileEvent.MENTION:
        EnrichedMention em = e.mention;
        ProfileLogic.applyMention(p, em.mention, em.analysis.compound);
        update = scoring ? ProfileUpdate.mention(p, em) : null;
        out.collect(documents.mention(em, id, p.kind));
        if (CustomerProfile.CUSTOMER.equals(p.kind)
            && em.analysis.compound <= ProfileLogic.NEGATIVE_THRESHOLD) {
          ctx.output(
              VALUE_SIGNALS, ValueSignal.negativeMention(id, em, p.netSpend(), p.purchaseCount));
        }
        break;
      case ProfileEvent.TRANSACTION:
        Transaction t = e.transaction;
        double before = p.netSpend();
        // RouteRecords has already dead-lettered transactions in currencies without a rate.
        double amount = rates.convert(t.amount, t.currency).orElse(0.0);
        ProfileLogic.applyTransaction(p, t, amount);
        update = scoring ? ProfileUpdate.transaction(p, t, amount) : null;
        if (CustomerProfile.CUSTOMER.equals(p.kind) && p.netSpend() != before) {
          ctx.output(VALUE_SIGNALS, ValueSignal.spend(id, e.time, before, p.netSpend()));
        }
        break;
      default:
        throw new IllegalArgumentException("profile operator got a " + e.kind + " event");
    }
    profile.update(p);
    if (update != null) {
      ctx.output(PROFILE_UPDATES, update);
    } else {
      out.collect(documents.profile(p));
    }
  }

  private void forget(String id, long time, Context ctx, Collector<EsDocument> out)
      throws Exception {
    CustomerProfile p = profile.value();
    if (p != null && p.netSpend() > 0) {
      ctx.output(VALUE_SIGNALS, ValueSignal.spend(id, time, p.netSpend(), 0.0));
    }
    profile.clear();
    forgottenAt.update(time);
    if (scoring) {
      ctx.output(PROFILE_UPDATES, ProfileUpdate.forget(id, time));
    } else {
      out.collect(documents.deleteProfile(id));
    }
  }
}
