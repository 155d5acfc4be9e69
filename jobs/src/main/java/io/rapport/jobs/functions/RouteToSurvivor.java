package io.rapport.jobs.functions;

import io.rapport.model.CustomerProfile;
import io.rapport.model.CustomerRecord;
import io.rapport.model.ProfileEvent;
import io.rapport.model.ProfileUpdate;
import io.rapport.model.Transaction;
import io.rapport.profile.CurrencyRates;
import io.rapport.profile.ProfileLogic;
import io.rapport.scoring.CustomerScorer;
import io.rapport.scoring.ScoreState;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The forwarding stage of identity merges, keyed by the profile id an event was resolved to. Keeps
 * each id's own history (its contribution: only the events resolved to this id) and the id's
 * survivor, and forwards every event to the survivor's profile in {@link MaintainProfiles}.
 *
 * <p>Merge protocol. When the merge registry ({@link MergeIdentities}) moves this id to a new
 * survivor ({@link ProfileEvent#REROOT}), this id sends its whole contribution to the survivor as
 * one {@link ProfileEvent#FOLD} (carrying this id, so that the survivor folds it once) and, if this
 * id was a survivor itself, tells its old profile it has been {@link ProfileEvent#ABSORBED}. Later
 * events for this id go straight to the new survivor, after the fold on the same channel. Events
 * forwarded to an old survivor before the move are part of the fold too, and the absorbed profile
 * drops them, so every event is counted exactly once in the final survivor: in its contribution
 * fold or as a later event. Chains (A into B, then B into C) move every id of B's group, A
 * included, so each contribution reaches C.
 *
 * <p>With scoring on (a {@link CustomerScorer}), each id also keeps the score inputs of its own
 * history ({@link ScoreState}, built as score-customers builds them) and sends them with its fold,
 * so that the survivor's scores take in the absorbed history once.
 *
 * <p>A {@link ProfileEvent#FORGET} clears this id's state, keeps a tombstone (id and time only) and
 * forwards the erasure to the survivor's profile and to this id's own.
 */
public class RouteToSurvivor extends KeyedProcessFunction<String, ProfileEvent, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  private final CurrencyRates rates;
  private final Duration prospectTtl;
  private final CustomerScorer scorer;

  private transient ValueState<CustomerProfile> contribution;
  private transient ValueState<ScoreState> scoreContribution;
  private transient ValueState<ScoreState> prospectScoreContribution;
  private transient ValueState<CustomerProfile> prospectContribution;
  private transient ValueState<String> survivor;
  private transient ValueState<Long> forgottenAt;

  /** A zero {@code prospectTtl} keeps prospects forever. */
  public RouteToSurvivor(CurrencyRates rates, Duration prospectTtl) {
    this(rates, prospectTtl, null);
  }

  /** {@code scorer}: keep each id's score inputs for its fold; null with scoring off. */
  public RouteToSurvivor(CurrencyRates rates, Duration prospectTtl, CustomerScorer scorer) {
    this.rates = rates;
    this.prospectTtl = prospectTtl;
    this.scorer = scorer;
  }

  @Override
  public void open(OpenContext openContext) {
    TypeInformation<CustomerProfile> type = TypeInformation.of(CustomerProfile.class);
    contribution = getRuntimeContext().getState(new ValueStateDescriptor<>("contribution", type));
    ValueStateDescriptor<CustomerProfile> prospects =
        new ValueStateDescriptor<>("prospect-contribution", type);
    if (!prospectTtl.isZero()) {
      prospects.enableTimeToLive(StateTtlConfig.newBuilder(prospectTtl).build());
    }
    prospectContribution = getRuntimeContext().getState(prospects);
    TypeInformation<ScoreState> scoreType = TypeInformation.of(ScoreState.class);
    scoreContribution =
        getRuntimeContext().getState(new ValueStateDescriptor<>("score-contribution", scoreType));
    ValueStateDescriptor<ScoreState> prospectScores =
        new ValueStateDescriptor<>("prospect-score-contribution", scoreType);
    if (!prospectTtl.isZero()) {
      prospectScores.enableTimeToLive(StateTtlConfig.newBuilder(prospectTtl).build());
    }
    prospectScoreContribution = getRuntimeContext().getState(prospectScores);
    survivor = getRuntimeContext().getState(new ValueStateDescriptor<>("survivor", Types.STRING));
    forgottenAt =
        getRuntimeContext().getState(new ValueStateDescriptor<>("forgotten-at", Types.LONG));
  }

  private ValueState<CustomerProfile> state(String id) {
    return id.startsWith(ResolveIdentity.PROSPECT_PREFIX) ? prospectContribution : contribution;
  }

  private ValueState<ScoreState> scoreState(String id) {
    return id.startsWith(ResolveIdentity.PROSPECT_PREFIX)
        ? prospectScoreContribution
        : scoreContribution;
  }

  @Override
  public void processElement(ProfileEvent e, Context ctx, Collector<ProfileEvent> out)
      throws Exception {
    String id = ctx.getCurrentKey();
    String target = survivor.value();
    boolean isSurvivor = target == null;
    if (isSurvivor) {
      target = id;
    }
    ValueState<CustomerProfile> own = state(id);
    switch (e.kind) {
      case ProfileEvent.FORGET:
        own.clear();
        scoreState(id).clear();
        survivor.clear();
        forgottenAt.update(e.time);
        out.collect(e.withKey(id));
        if (!target.equals(id)) {
          out.collect(e.withKey(target));
        }
        return;
      case ProfileEvent.REROOT:
        if (e.linkedProfileId.equals(target) || forgottenAt.value() != null) {
          return;
        }
        survivor.update(e.linkedProfileId);
        CustomerProfile mine = own.value();
        if (mine == null) {
          mine = ProfileLogic.newProfile(id, MaintainProfiles.kindOf(id));
        }
        ProfileEvent fold = ProfileEvent.fold(e.linkedProfileId, id, mine, e.time);
        if (scorer != null) {
          ScoreState scores = scoreState(id).value();
          fold.scores = scores == null ? new ScoreState() : scores;
        }
        out.collect(fold);
        if (isSurvivor) {
          out.collect(ProfileEvent.control(ProfileEvent.ABSORBED, id, e.linkedProfileId, e.time));
        }
        return;
      default:
        break;
    }
    if (ProfileEvent.CUSTOMER.equals(e.kind) && CustomerRecord.isForget(e.customer)) {
      return; // the merge registry sends the erasure to every id of the person
    }
    Long forgotten = forgottenAt.value();
    if (forgotten != null) {
      if (ProfileEvent.CUSTOMER.equals(e.kind) && e.time > forgotten) {
        forgottenAt.clear(); // registered again after being forgotten
      } else {
        return; // MaintainProfiles counts what it drops; nothing reaches it from here
      }
    }
    CustomerProfile p = own.value();
    if (p == null) {
      p = ProfileLogic.newProfile(id, MaintainProfiles.kindOf(id));
    }
    ProfileUpdate update;
    switch (e.kind) {
      case ProfileEvent.CUSTOMER:
        ProfileLogic.applyCustomer(p, e.customer);
        update = ProfileUpdate.of(ProfileUpdate.CUSTOMER, p, e.time);
        break;
      case ProfileEvent.MENTION:
        ProfileLogic.applyMention(p, e.mention.mention, e.mention.analysis.compound);
        update = ProfileUpdate.mention(p, e.mention);
        break;
      case ProfileEvent.TRANSACTION:
        Transaction t = e.transaction;
        double amount = rates.convert(t.amount, t.currency).orElse(0.0);
        ProfileLogic.applyTransaction(p, t, amount);
        update = ProfileUpdate.transaction(p, t, amount);
        break;
      case ProfileEvent.ACTIVITY:
        ProfileLogic.applyActivity(p, e.activity);
        update = ProfileUpdate.activity(p, e.activity);
        break;
      default:
        throw new IllegalArgumentException("merge forwarding got a " + e.kind + " event");
    }
    own.update(p);
    if (scorer != null) {
      ValueState<ScoreState> scores = scoreState(id);
      ScoreState s = scores.value();
      if (s == null) {
        s = new ScoreState();
      }
      scorer.apply(s, update);
      scores.update(s);
    }
    out.collect(target.equals(e.key) ? e : e.withKey(target));
  }
}
