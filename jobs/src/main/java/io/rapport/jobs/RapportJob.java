package io.rapport.jobs;

import static io.rapport.jobs.RapportOptions.*;

import io.rapport.alerting.ContactStrategy;
import io.rapport.alerting.MentionAlerts;
import io.rapport.alerting.PressureControl;
import io.rapport.identity.IdentifierNormalizer;
import io.rapport.identity.Pseudonymizer;
import io.rapport.jobs.functions.AcknowledgeAnsweredAlerts;
import io.rapport.jobs.functions.ActivityEvents;
import io.rapport.jobs.functions.AnalyzeMentions;
import io.rapport.jobs.functions.ApplyContactStrategy;
import io.rapport.jobs.functions.CustomerEvents;
import io.rapport.jobs.functions.DetectMentionAlerts;
import io.rapport.jobs.functions.DropDuplicates;
import io.rapport.jobs.functions.ForgetRequests;
import io.rapport.jobs.functions.IdentityRequests;
import io.rapport.jobs.functions.LinkIdentifiers;
import io.rapport.jobs.functions.MaintainProfiles;
import io.rapport.jobs.functions.MentionEvents;
import io.rapport.jobs.functions.MergeIdentities;
import io.rapport.jobs.functions.RankHighValueComplaints;
import io.rapport.jobs.functions.ResolveIdentity;
import io.rapport.jobs.functions.RouteRecords;
import io.rapport.jobs.functions.RouteToSurvivor;
import io.rapport.jobs.functions.SkipBrandPosts;
import io.rapport.jobs.functions.ToAlertDocuments;
import io.rapport.jobs.functions.ToMergeDocuments;
import io.rapport.jobs.functions.TrackAlertStatus;
import io.rapport.jobs.functions.TransactionEvents;
import io.rapport.jobs.listening.ListeningWorkflow;
import io.rapport.listening.TrackedBrands;
import io.rapport.model.Alert;
import io.rapport.model.AlertCandidate;
import io.rapport.model.AlertStatus;
import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerRecord;
import io.rapport.model.DeadLetter;
import io.rapport.model.EnrichedMention;
import io.rapport.model.Envelope;
import io.rapport.model.EsDocument;
import io.rapport.model.MergeRecord;
import io.rapport.model.ProfileEvent;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.profile.CurrencyRates;
import io.rapport.profile.Documents;
import io.rapport.scoring.CustomerScorer;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Rapport's main job: CRM customers, transactions, activities (reviews, referrals, surveys) and
 * social mentions in; customer profiles, enriched mentions and alerts out.
 *
 * <pre>
 * sources (4 input topics, event-time watermarks) → route-records ─→ dead letters
 *   mentions → drop duplicates → analyze (language, sentiment, intents) ─┐
 *   transactions → drop duplicates ──────────────────────────────────────┤
 *   activities → drop duplicates ────────────────────────────────────────┼→ resolve-identity
 *   customers → link identifiers ────────────────────────────────────────┘   (keyed by identifier)
 *   resolve-identity merge candidates + customers → merge-identities (one key) → merge log
 *   resolve-identity + customers + merge-identities → route-to-survivor (keyed by resolved id)
 *   route-to-survivor → maintain-profiles (keyed by surviving profile id)
 *   maintain-profiles → Elasticsearch (profiles, mentions)
 *                     → value signals → rank-high-value-complaints ─┐
 *                     → mention signals → detect-mention-alerts ─────┤
 *                     → profile updates → score-customers (churn risk) ┴→ apply-contact-strategy
 *                       (keyed by customer: channel, deadline, pressure) → alerts (Kafka, exactly once)
 * </pre>
 *
 * {@link #main} is thin wiring of real sources and sinks around {@link #defineWorkflow}, which
 * tests call with bounded sources and collecting sinks.
 */
public final class RapportJob {
  private RapportJob() {}

  /** A source of envelopes with its stable name (also its uid). */
  public record NamedSource(String name, Source<Envelope, ?, ?> source) {}

  public static void main(String[] args) throws Exception {
    JobArguments parsed = JobArguments.parse(args);
    if (parsed.demo()) {
      io.rapport.jobs.demo.DemoRunner.run(parsed);
      return;
    }
    Configuration conf = parsed.configuration();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Environments.configure(env, conf);
    defineWorkflow(
        env,
        conf,
        KafkaConnectors.sources(conf),
        KafkaConnectors.alertSink(conf),
        KafkaConnectors.deadLetterSink(conf),
        ElasticsearchConnector.sink(conf),
        KafkaConnectors.mergeSink(conf),
        ScoringWorkflow.modelSource(conf),
        KafkaConnectors.alertStatusSink(conf));
    env.execute("rapport");
  }

  /**
   * Builds the job's graph without the merge-log topic (the merge log goes to Elasticsearch only)
   * and without the CLV model topic (scores use the configured model).
   */
  public static void defineWorkflow(
      StreamExecutionEnvironment env,
      Configuration conf,
      List<NamedSource> sources,
      Sink<Alert> alertSink,
      Sink<DeadLetter> deadLetterSink,
      Sink<EsDocument> documentSink) {
    defineWorkflow(env, conf, sources, alertSink, deadLetterSink, documentSink, null, null, null);
  }

  /**
   * Builds the job's graph on {@code env} between the given sources and sinks ({@code mergeSink}:
   * the merge-log topic, or null; {@code clvModels}: the CLV model topic, or null; {@code
   * alertStatusSink}: the status topic, where the brand's acknowledgements go, or null).
   */
  public static void defineWorkflow(
      StreamExecutionEnvironment env,
      Configuration conf,
      List<NamedSource> sources,
      Sink<Alert> alertSink,
      Sink<DeadLetter> deadLetterSink,
      Sink<EsDocument> documentSink,
      Sink<MergeRecord> mergeSink,
      Source<io.rapport.scoring.ClvModel, ?, ?> clvModels,
      Sink<AlertStatus> alertStatusSink) {
    env.setMaxParallelism(conf.get(MAX_PARALLELISM));
    CurrencyRates rates =
        CurrencyRates.parse(conf.get(REPORTING_CURRENCY), conf.get(CURRENCY_RATES));
    IdentifierNormalizer normalizer =
        new IdentifierNormalizer(conf.get(IDENTITY_DEFAULT_COUNTRY), conf.get(IDENTITY_BLOCKLIST));
    Pseudonymizer pseudonymizer =
        new Pseudonymizer(conf.get(PRIVACY_HASH_SECRET), conf.get(PRIVACY_PSEUDONYMIZE));
    ContactStrategy contactStrategy = ContactStrategy.load(conf.get(ALERT_CONTACT_STRATEGY));
    Documents documents =
        new Documents(
            conf.get(ELASTICSEARCH_INDEX_PREFIX), pseudonymizer, rates.reportingCurrency());

    WatermarkStrategy<Envelope> watermarks =
        WatermarkStrategy.<Envelope>forBoundedOutOfOrderness(conf.get(MAX_OUT_OF_ORDERNESS))
            .withTimestampAssigner((e, ts) -> e.eventTime)
            .withIdleness(conf.get(SOURCE_IDLE_TIMEOUT));

    DataStream<Envelope> input = null;
    for (NamedSource s : sources) {
      DataStream<Envelope> stream = env.fromSource(s.source(), watermarks, s.name()).uid(s.name());
      input = input == null ? stream : input.union(stream);
    }
    if (input == null) {
      throw new IllegalArgumentException("the job needs at least one source");
    }

    SingleOutputStreamOperator<SocialMention> routed =
        named(input.process(new RouteRecords(rates, normalizer)), "route-records");

    TrackedBrands trackedBrands = ListeningWorkflow.trackedBrands(conf);
    DataStream<SocialMention> unique =
        named(
            routed
                .keyBy(m -> m.mentionId)
                .process(new DropDuplicates<SocialMention>(conf.get(DEDUP_RETENTION)))
                .returns(TypeInformation.of(SocialMention.class)),
            "dedup-mentions");
    SingleOutputStreamOperator<SocialMention> peoplesMentions =
        named(unique.process(new SkipBrandPosts(trackedBrands)), "skip-brand-posts");
    DataStream<EnrichedMention> mentions =
        named(peoplesMentions.map(new AnalyzeMentions(trackedBrands)), "analyze-mentions");
    DataStream<Transaction> transactions =
        named(
            routed
                .getSideOutput(RouteRecords.TRANSACTIONS)
                .keyBy(t -> t.transactionId)
                .process(new DropDuplicates<Transaction>(conf.get(DEDUP_RETENTION)))
                .returns(TypeInformation.of(Transaction.class)),
            "dedup-transactions");
    DataStream<CustomerActivity> activities =
        named(
            routed
                .getSideOutput(RouteRecords.ACTIVITIES)
                .keyBy(a -> a.activityId)
                .process(new DropDuplicates<CustomerActivity>(conf.get(DEDUP_RETENTION)))
                .returns(TypeInformation.of(CustomerActivity.class)),
            "dedup-activities");
    DataStream<CustomerRecord> customers = routed.getSideOutput(RouteRecords.CUSTOMERS);

    DataStream<ProfileEvent> identityInput =
        named(
                customers
                    .keyBy(c -> c.customerId.trim())
                    .process(new LinkIdentifiers(normalizer))
                    .returns(TypeInformation.of(ProfileEvent.class)),
                "link-identifiers")
            .union(
                named(mentions.map(new MentionEvents(normalizer)), "mention-events"),
                named(transactions.map(new TransactionEvents(normalizer)), "transaction-events"),
                named(activities.map(new ActivityEvents(normalizer)), "activity-events"));
    SingleOutputStreamOperator<ProfileEvent> resolved =
        named(
            identityInput
                .keyBy(e -> e.key)
                .process(
                    new ResolveIdentity(
                        conf.get(IDENTITY_HOLD_TIMEOUT),
                        conf.get(IDENTITY_MENTION_HOLD_TIMEOUT),
                        conf.get(IDENTITY_PROSPECT_TTL),
                        pseudonymizer)),
            "resolve-identity");

    // Identity merges (see MergeIdentities and RouteToSurvivor): one registry decides, each
    // merged id hands its history to its survivor.
    SingleOutputStreamOperator<ProfileEvent> merges =
        named(
            resolved
                .getSideOutput(ResolveIdentity.CONFLICTS)
                .union(named(customers.map(new IdentityRequests(normalizer)), "identity-requests"))
                .keyBy(e -> e.key)
                .process(
                    new MergeIdentities(
                        conf.get(IDENTITY_MAX_IDENTIFIERS_PER_KIND),
                        pseudonymizer,
                        alertText(conf))),
            "merge-identities");
    merges.setParallelism(1).setMaxParallelism(1);
    DataStream<ProfileEvent> forwarded =
        named(
            resolved
                .union(named(customers.map(new CustomerEvents()), "customer-events"), merges)
                .keyBy(e -> e.key)
                .process(
                    new RouteToSurvivor(
                        rates,
                        conf.get(IDENTITY_PROSPECT_TTL),
                        conf.get(SCORING_ENABLED)
                            ? new CustomerScorer(ScoringWorkflow.config(conf))
                            : null)),
            "route-to-survivor");

    SingleOutputStreamOperator<EsDocument> profiles =
        named(
            forwarded
                .keyBy(e -> e.key)
                .process(
                    new MaintainProfiles(
                        documents,
                        rates,
                        conf.get(IDENTITY_PROSPECT_TTL),
                        conf.get(SCORING_ENABLED))),
            "maintain-profiles");
    DataStream<MergeRecord> mergeLog = merges.getSideOutput(MergeIdentities.MERGES);
    if (mergeSink != null) {
      named(mergeLog.sinkTo(mergeSink), "sink-merges");
    }

    SingleOutputStreamOperator<AlertCandidate> highValueComplaints =
        named(
            profiles
                .getSideOutput(MaintainProfiles.VALUE_SIGNALS)
                .process(
                    new RankHighValueComplaints(
                        conf.get(HIGH_VALUE_TOP_SHARE),
                        conf.get(HIGH_VALUE_MIN_POPULATION),
                        alertText(conf))),
            "rank-high-value-complaints");
    highValueComplaints.setParallelism(1).setMaxParallelism(1);
    ListeningWorkflow.Outputs listening = ListeningWorkflow.define(mentions, conf, pseudonymizer);
    // One sink per Kafka topic: two sinks of one transactional-id prefix would fence each other.
    named(
        routed
            .getSideOutput(RouteRecords.DEAD_LETTERS)
            .union(listening.late())
            .sinkTo(deadLetterSink),
        "sink-deadletters");
    DataStream<AlertCandidate> mentionAlerts =
        named(
            profiles
                .getSideOutput(MaintainProfiles.MENTION_SIGNALS)
                .flatMap(
                    new DetectMentionAlerts(
                        new MentionAlerts(
                            conf.get(ALERT_INFLUENCER_MIN_FOLLOWERS),
                            trackedBrands.brand(),
                            alertText(conf)))),
            "detect-mention-alerts");
    // Alerts about a brand (crisis) or about the identity graph (merge guardrail).
    DataStream<AlertCandidate> otherAlerts =
        named(
            listening
                .alerts()
                .union(merges.getSideOutput(MergeIdentities.ALERTS))
                .map(AlertCandidate::of)
                .returns(AlertCandidate.class),
            "other-alert-candidates");
    ScoringWorkflow.Outputs scoring =
        conf.get(SCORING_ENABLED)
            ? ScoringWorkflow.define(env, conf, profiles, documents, clvModels)
            : null;
    // Forget requests also clear the contact history kept about the customer.
    DataStream<String> forgotten =
        named(customers.flatMap(new ForgetRequests()).returns(Types.STRING), "forget-requests");
    // Every alert source unions here: all alerts go through the contact strategy.
    DataStream<AlertCandidate> alertCandidates =
        highValueComplaints.union(mentionAlerts, otherAlerts);
    if (scoring != null) {
      alertCandidates = alertCandidates.union(scoring.alerts());
    }
    SingleOutputStreamOperator<Alert> alerts =
        named(
            alertCandidates
                .keyBy(AlertCandidate::pressureKey)
                .connect(forgotten.keyBy(id -> id))
                .process(
                    new ApplyContactStrategy(
                        new PressureControl(contactStrategy), conf.get(ALERT_ORDER_WAIT))),
            "apply-contact-strategy");
    named(alerts.sinkTo(alertSink), "sink-alerts");

    // The brand's replies to mentions acknowledge the alerts raised on them.
    DataStream<AlertStatus> answered =
        named(
            alerts
                .keyBy(AcknowledgeAnsweredAlerts.MENTION)
                .connect(
                    peoplesMentions
                        .getSideOutput(SkipBrandPosts.BRAND_REPLIES)
                        .keyBy(m -> m.replyTo))
                .process(new AcknowledgeAnsweredAlerts(conf.get(ALERT_ANSWER_WINDOW))),
            "acknowledge-answered-alerts");
    if (alertStatusSink != null) {
      // for the services that follow alert statuses (the job reads them back: idempotent)
      named(answered.sinkTo(alertStatusSink), "sink-alert-statuses");
    }
    DataStream<EsDocument> alertStatuses =
        named(
            routed
                .getSideOutput(RouteRecords.ALERT_STATUSES)
                .union(answered)
                .keyBy(st -> st.alertId)
                .process(new TrackAlertStatus(documents, conf.get(DEDUP_RETENTION))),
            "track-alert-status");

    DataStream<EsDocument> documentStream =
        profiles
            .union(
                named(alerts.map(new ToAlertDocuments(documents)), "alert-documents"),
                named(mergeLog.map(new ToMergeDocuments(documents)), "merge-documents"))
            .union(listening.documents(), alertStatuses);
    if (scoring != null) {
      documentStream = documentStream.union(scoring.documents());
    }
    named(documentStream.sinkTo(documentSink), "sink-elasticsearch");
  }

  private static <T> SingleOutputStreamOperator<T> named(
      SingleOutputStreamOperator<T> op, String name) {
    return op.uid(name).name(name);
  }

  private static <T> org.apache.flink.streaming.api.datastream.DataStreamSink<T> named(
      org.apache.flink.streaming.api.datastream.DataStreamSink<T> sink, String name) {
    return sink.uid(name).name(name);
  }
}
