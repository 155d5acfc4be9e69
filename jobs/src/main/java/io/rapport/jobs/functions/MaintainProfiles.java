package io.rapport.jobs.functions;

import io.rapport.alerting.MentionAlerts;
import io.rapport.model.ContactProfile;
import io.rapport.model.CustomerProfile;
import io.rapport.model.CustomerRecord;
import io.rapport.model.EnrichedMention;
import io.rapport.model.EsDocument;
import io.rapport.model.MentionSignal;
import io.rapport.model.ProfileEvent;
import io.rapport.model.ProfileUpdate;
import io.rapport.model.Transaction;
import io.rapport.model.ValueSignal;
import io.rapport.profile.CurrencyRates;
import io.rapport.profile.Documents;
import io.rapport.profile.ProfileLogic;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
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
 * request deletes the profile and its document, blanks the personal fields of the person's mentions
 * in Elasticsearch (by id for the latest {@link ProfileLogic#MAX_MENTION_IDS}, and every document
 * with the id as profileId: {@link Documents#redactMentionsOf}), deletes the alert documents about
 * the id ({@link Documents#eraseAlertsOf}), writes an audit entry without personal data, and keeps
 * only a tombstone (the id and when) so that late events don't bring the person back.
 *
 * <p>Merges (see {@link RouteToSurvivor}): a survivor folds each absorbed id's history once ({@link
 * ProfileEvent#FOLD}, the id is recorded in {@code mergedIds}; with scoring on, the fold's score
 * inputs go on to the scorer as a {@link ProfileUpdate#FOLD}); an absorbed survivor ({@link
 * ProfileEvent#ABSORBED}) deletes its profile and document (with scoring on, the scorer deletes the
 * document and its scores), moves its mention documents (the latest {@link
 * ProfileLogic#MAX_MENTION_IDS}, its folded ones included) to the survivor by partial update, and
 * drops later events, which reach the new survivor through its fold (a dropped mention still gets
 * its document, with the survivor's id, since folds carry no documents). Prospect profiles live in
 * state with a TTL.
 */
public class MaintainProfiles extends KeyedProcessFunction<String, ProfileEvent, EsDocument> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<ValueSignal> VALUE_SIGNALS =
      new OutputTag<>("value-signals", TypeInformation.of(ValueSignal.class));

  /** Mentions that may raise an alert (an intent, or negative), with the profile's contact data. */
  public static final OutputTag<MentionSignal> MENTION_SIGNALS =
      new OutputTag<>("mention-signals", TypeInformation.of(MentionSignal.class));

  /**
   * With scoring on: the profile after each event, for the scoring operator, which then publishes
   * the customer document (with scores) and its deletion instead of this operator.
   */
  public static final OutputTag<ProfileUpdate> PROFILE_UPDATES =
      new OutputTag<>("profile-updates", TypeInformation.of(ProfileUpdate.class));

  private final Documents documents;
  private final CurrencyRates rates;
  private final Duration prospectTtl;
  private final boolean scoring;

  private transient ValueState<CustomerProfile> customerProfile;
  private transient ValueState<CustomerProfile> prospectProfile;
  private transient ValueState<Long> forgottenAt;
  private transient ValueState<String> absorbedInto;
  private transient Counter droppedForgotten;
  private transient Counter droppedAbsorbed;
  private transient Counter folds;
  private transient Counter reassigned;

  public MaintainProfiles(Documents documents, CurrencyRates rates) {
    this(documents, rates, Duration.ZERO, false);
  }

  /** A zero {@code prospectTtl} keeps prospects forever. */
  public MaintainProfiles(Documents documents, CurrencyRates rates, Duration prospectTtl) {
    this(documents, rates, prospectTtl, false);
  }

  /**
   * {@code scoring}: hand profiles to the scoring operator ({@link #PROFILE_UPDATES}) instead of
   * publishing their documents.
   */
  public MaintainProfiles(
      Documents documents, CurrencyRates rates, Duration prospectTtl, boolean scoring) {
    this.documents = documents;
    this.rates = rates;
    this.prospectTtl = prospectTtl;
    this.scoring = scoring;
  }

  /** The kind of a new profile with this id. */
  public static String kindOf(String profileId) {
    return profileId.startsWith(ResolveIdentity.PROSPECT_PREFIX)
        ? CustomerProfile.PROSPECT
        : CustomerProfile.CUSTOMER;
  }

  @Override
  public void open(OpenContext openContext) {
    TypeInformation<CustomerProfile> type = TypeInformation.of(CustomerProfile.class);
    customerProfile = getRuntimeContext().getState(new ValueStateDescriptor<>("profile", type));
    ValueStateDescriptor<CustomerProfile> prospects =
        new ValueStateDescriptor<>("prospect-profile", type);
    if (!prospectTtl.isZero()) {
      prospects.enableTimeToLive(StateTtlConfig.newBuilder(prospectTtl).build());
    }
    prospectProfile = getRuntimeContext().getState(prospects);
    forgottenAt =
        getRuntimeContext().getState(new ValueStateDescriptor<>("forgotten-at", Types.LONG));
    absorbedInto =
        getRuntimeContext().getState(new ValueStateDescriptor<>("absorbed-into", Types.STRING));
    droppedForgotten = getRuntimeContext().getMetricGroup().counter("eventsOfForgottenDropped");
    droppedAbsorbed = getRuntimeContext().getMetricGroup().counter("eventsOfAbsorbedDropped");
    folds = getRuntimeContext().getMetricGroup().counter("profilesFolded");
    reassigned = getRuntimeContext().getMetricGroup().counter("mentionsReassigned");
  }

  @Override
  public void processElement(ProfileEvent e, Context ctx, Collector<EsDocument> out)
      throws Exception {
    String id = ctx.getCurrentKey();
    ValueState<CustomerProfile> profile =
        id.startsWith(ResolveIdentity.PROSPECT_PREFIX) ? prospectProfile : customerProfile;
    Long forgotten = forgottenAt.value();
    if (ProfileEvent.CUSTOMER.equals(e.kind) && CustomerRecord.isForget(e.customer)) {
      forget(id, id, e.time, profile, ctx, out);
      return;
    }
    if (ProfileEvent.FORGET.equals(e.kind)) {
      if (forgotten == null || e.time > forgotten) {
        forget(id, e.linkedProfileId, e.time, profile, ctx, out);
      }
      return;
    }
    String survivorId = absorbedInto.value();
    if (survivorId != null) {
      droppedAbsorbed.inc(); // part of this id's fold into its survivor already
      if (ProfileEvent.MENTION.equals(e.kind)) {
        // Counted by the survivor through the fold, which carries no documents: the mention's
        // document is written here, already with the survivor's id.
        out.collect(documents.mention(e.mention, survivorId, kindOf(survivorId)));
      }
      return;
    }
    if (ProfileEvent.ABSORBED.equals(e.kind)) {
      CustomerProfile gone = profile.value();
      if (gone != null && CustomerProfile.CUSTOMER.equals(gone.kind) && gone.netSpend() != 0) {
        ctx.output(VALUE_SIGNALS, ValueSignal.spend(id, e.time, gone.netSpend(), 0.0));
      }
      if (gone != null) {
        // Its mention documents (written here, or folded into it) now belong to the survivor.
        // Emitted by this key, after those documents, on the same channel to the sink.
        String kind = kindOf(e.linkedProfileId);
        for (String mentionId : gone.mentionIds) {
          out.collect(documents.reassignMention(mentionId, e.linkedProfileId, kind));
          reassigned.inc();
        }
      }
      profile.clear();
      absorbedInto.update(e.linkedProfileId);
      if (scoring) {
        // the scorer drops this id's scores and timer and deletes its documents after any it wrote
        ctx.output(PROFILE_UPDATES, ProfileUpdate.absorbed(id, e.time));
      } else {
        out.collect(documents.deleteProfile(id));
      }
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
      p = ProfileLogic.newProfile(id, kindOf(id));
    }
    ProfileUpdate update = null;
    switch (e.kind) {
      case ProfileEvent.FOLD:
        if (p.mergedIds.contains(e.otherProfileId)) {
          return; // folded once already
        }
        double spendBefore = p.netSpend();
        ProfileLogic.fold(p, e.profile);
        p.mergedIds.add(e.otherProfileId);
        java.util.Collections.sort(p.mergedIds);
        folds.inc();
        // the scorer folds the absorbed id's score inputs (sent along by route-to-survivor) once
        update =
            !scoring
                ? null
                : e.scores != null
                    ? ProfileUpdate.fold(p, e.otherProfileId, e.scores, e.time)
                    : ProfileUpdate.of(ProfileUpdate.CUSTOMER, p, e.time);
        if (CustomerProfile.CUSTOMER.equals(p.kind) && p.netSpend() != spendBefore) {
          ctx.output(VALUE_SIGNALS, ValueSignal.spend(id, e.time, spendBefore, p.netSpend()));
        }
        break;
      case ProfileEvent.CUSTOMER:
        ProfileLogic.applyCustomer(p, e.customer);
        update = scoring ? ProfileUpdate.of(ProfileUpdate.CUSTOMER, p, e.time) : null;
        break;
      case ProfileEvent.MENTION:
        EnrichedMention em = e.mention;
        ProfileLogic.applyMention(p, em.mention, em.analysis.compound);
        update = scoring ? ProfileUpdate.mention(p, em) : null;
        out.collect(documents.mention(em, id, p.kind));
        if (MentionAlerts.worthChecking(em)) {
          ctx.output(MENTION_SIGNALS, new MentionSignal(id, em, ContactProfile.of(p, p.kind)));
        }
        if (CustomerProfile.CUSTOMER.equals(p.kind) && MentionAlerts.ownComplaint(em)) {
          ValueSignal negative = ValueSignal.negativeMention(id, em, p.netSpend(), p.purchaseCount);
          negative.contact = ContactProfile.of(p, "high_value");
          ctx.output(VALUE_SIGNALS, negative);
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
      case ProfileEvent.ACTIVITY:
        ProfileLogic.applyActivity(p, e.activity);
        update = scoring ? ProfileUpdate.activity(p, e.activity) : null;
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

  /**
   * Erases this profile. {@code survivor} is the survivor of the person's group: it writes the
   * audit entry; other ids of the group only clear their state.
   */
  private void forget(
      String id,
      String survivor,
      long time,
      ValueState<CustomerProfile> profile,
      Context ctx,
      Collector<EsDocument> out)
      throws Exception {
    CustomerProfile p = profile.value();
    if (p != null && p.netSpend() > 0) {
      ctx.output(VALUE_SIGNALS, ValueSignal.spend(id, time, p.netSpend(), 0.0));
    }
    int redacted = 0;
    if (p != null) {
      for (String mentionId : p.mentionIds) {
        out.collect(documents.redactMention(mentionId));
        redacted++;
      }
    }
    out.collect(documents.redactMentionsOf(id)); // beyond the latest ids kept in state
    out.collect(documents.eraseAlertsOf(id));
    profile.clear();
    absorbedInto.clear();
    forgottenAt.update(time);
    if (scoring) {
      ctx.output(PROFILE_UPDATES, ProfileUpdate.forget(id, time));
    } else {
      out.collect(documents.deleteProfile(id));
    }
    if (id.equals(survivor)) {
      int erased = p == null ? 0 : 1 + p.mergedIds.size();
      out.collect(documents.forgetAudit(id, time, erased, redacted));
    }
  }
}
