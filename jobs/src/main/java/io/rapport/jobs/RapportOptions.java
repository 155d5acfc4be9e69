package io.rapport.jobs;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * Every option of Rapport's jobs, in one place: key, default and description. Pass them as {@code
 * --key value} to the job (bin/rapport submit, bin/rapport demo). The README's configuration table
 * lists the same options.
 */
public final class RapportOptions {
  private RapportOptions() {}

  // ---- Kafka ----

  public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
      ConfigOptions.key("kafka.bootstrap-servers")
          .stringType()
          .defaultValue("127.0.0.1:9092")
          .withDescription("Kafka bootstrap servers, host:port[,host:port].");

  public static final ConfigOption<String> KAFKA_GROUP_ID =
      ConfigOptions.key("kafka.group-id")
          .stringType()
          .defaultValue("rapport")
          .withDescription(
              "Consumer group of the job's Kafka sources (offsets are committed on checkpoints).");

  public static final ConfigOption<String> KAFKA_STARTING_OFFSETS =
      ConfigOptions.key("kafka.starting-offsets")
          .stringType()
          .defaultValue("committed-or-earliest")
          .withDescription(
              "Where sources start without a checkpoint: committed-or-earliest, earliest or latest.");

  public static final ConfigOption<Boolean> KAFKA_BOUNDED =
      ConfigOptions.key("kafka.bounded")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "Stop reading at the latest offsets of when the job started, and finish (backfills,"
                  + " replays, tests); by default sources read forever.");

  public static final ConfigOption<String> KAFKA_TRANSACTIONAL_ID_PREFIX =
      ConfigOptions.key("kafka.transactional-id-prefix")
          .stringType()
          .defaultValue("rapport")
          .withDescription(
              "Prefix of the transactional ids of the exactly-once Kafka sinks; unique per job"
                  + " deployment on a cluster.");

  public static final ConfigOption<String> TOPIC_MENTIONS =
      ConfigOptions.key("topic.mentions")
          .stringType()
          .defaultValue("social.mentions")
          .withDescription("Input topic of social mentions.");

  public static final ConfigOption<String> TOPIC_CUSTOMERS =
      ConfigOptions.key("topic.customers")
          .stringType()
          .defaultValue("crm.customers")
          .withDescription("Input topic of CRM customer records and forget requests.");

  public static final ConfigOption<String> TOPIC_TRANSACTIONS =
      ConfigOptions.key("topic.transactions")
          .stringType()
          .defaultValue("crm.transactions")
          .withDescription("Input topic of purchases and returns.");

  public static final ConfigOption<String> TOPIC_ACTIVITIES =
      ConfigOptions.key("topic.activities")
          .stringType()
          .defaultValue("crm.activities")
          .withDescription(
              "Input topic of customer activities that earn loyalty points: reviews, referrals and"
                  + " surveys.");

  public static final ConfigOption<String> TOPIC_ALERTS =
      ConfigOptions.key("topic.alerts")
          .stringType()
          .defaultValue("rapport.alerts")
          .withDescription("Output topic of alerts (exactly once, transactional).");

  public static final ConfigOption<String> TOPIC_DEADLETTER =
      ConfigOptions.key("topic.deadletter")
          .stringType()
          .defaultValue("rapport.deadletter")
          .withDescription(
              "Output topic of records that could not be processed, with reason and original bytes.");

  public static final ConfigOption<String> TOPIC_MERGES =
      ConfigOptions.key("topic.merges")
          .stringType()
          .defaultValue("rapport.merges")
          .withDescription("Output topic of the identity merge log (exactly once, transactional).");

  // ---- Elasticsearch ----

  public static final ConfigOption<String> ELASTICSEARCH_HOSTS =
      ConfigOptions.key("elasticsearch.hosts")
          .stringType()
          .defaultValue("http://127.0.0.1:9200")
          .withDescription("Elasticsearch URLs, comma-separated.");

  public static final ConfigOption<String> ELASTICSEARCH_INDEX_PREFIX =
      ConfigOptions.key("elasticsearch.index-prefix")
          .stringType()
          .defaultValue("rapport-")
          .withDescription("Prefix of every index the job writes (customers, mentions, alerts).");

  public static final ConfigOption<Integer> ELASTICSEARCH_BULK_MAX_ACTIONS =
      ConfigOptions.key("elasticsearch.bulk.max-actions")
          .intType()
          .defaultValue(1000)
          .withDescription("Documents per bulk request at most.");

  public static final ConfigOption<Duration> ELASTICSEARCH_FLUSH_INTERVAL =
      ConfigOptions.key("elasticsearch.bulk.flush-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("Longest time a document waits in the sink's buffer.");

  // ---- Fault tolerance, time and state ----

  public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
      ConfigOptions.key("checkpoint.interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(30))
          .withDescription(
              "Checkpoint interval (exactly-once). Alerts become visible to read_committed"
                  + " consumers when a checkpoint completes.");

  public static final ConfigOption<String> CHECKPOINT_DIR =
      ConfigOptions.key("checkpoint.dir")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Checkpoint storage URI (e.g. file:///var/lib/rapport/checkpoints); when unset, the"
                  + " cluster's own setting applies.");

  public static final ConfigOption<Integer> MAX_PARALLELISM =
      ConfigOptions.key("parallelism.max")
          .intType()
          .defaultValue(128)
          .withDescription(
              "Maximum parallelism (number of key groups) of keyed operators; fixed for the life"
                  + " of the job's state.");

  public static final ConfigOption<Duration> MAX_OUT_OF_ORDERNESS =
      ConfigOptions.key("watermark.max-out-of-orderness")
          .durationType()
          .defaultValue(Duration.ofSeconds(30))
          .withDescription(
              "How far out of order events may arrive before the watermark passes them.");

  public static final ConfigOption<Duration> SOURCE_IDLE_TIMEOUT =
      ConfigOptions.key("source.idle-timeout")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription(
              "A source partition without records for this long stops holding back the watermark.");

  public static final ConfigOption<Duration> DEDUP_RETENTION =
      ConfigOptions.key("dedup.retention")
          .durationType()
          .defaultValue(Duration.ofDays(7))
          .withDescription(
              "How long event ids are remembered to drop duplicates (a mention or transaction sent"
                  + " twice is counted once).");

  public static final ConfigOption<Duration> IDENTITY_HOLD_TIMEOUT =
      ConfigOptions.key("identity.hold-timeout")
          .durationType()
          .defaultValue(Duration.ofHours(1))
          .withDescription(
              "How long (event time) a transaction whose loyalty card or email is not known yet"
                  + " waits for the CRM record that resolves it.");

  public static final ConfigOption<Duration> IDENTITY_MENTION_HOLD_TIMEOUT =
      ConfigOptions.key("identity.mention-hold-timeout")
          .durationType()
          .defaultValue(Duration.ofMinutes(10))
          .withDescription(
              "How long (event time) a mention by an author nobody owns yet waits for the CRM"
                  + " record that links the handle, before it goes to a prospect profile; 0: at"
                  + " once.");

  public static final ConfigOption<Duration> IDENTITY_PROSPECT_TTL =
      ConfigOptions.key("identity.prospect-ttl")
          .durationType()
          .defaultValue(Duration.ofDays(90))
          .withDescription(
              "How long a prospect (an author not linked to any customer) is kept after its last"
                  + " event (state TTL), so that its history joins the customer who links it later;"
                  + " 0: forever.");

  public static final ConfigOption<Integer> IDENTITY_MAX_IDENTIFIERS_PER_KIND =
      ConfigOptions.key("identity.max-identifiers-per-kind")
          .intType()
          .defaultValue(5)
          .withDescription(
              "Merge guardrail: a merge that would give a profile more identifiers of one kind"
                  + " (emails, phones, cards, social handles) is refused and raises a"
                  + " MERGE_GUARDRAIL alert.");

  public static final ConfigOption<String> IDENTITY_DEFAULT_COUNTRY =
      ConfigOptions.key("identity.default-country")
          .stringType()
          .defaultValue("ES")
          .withDescription(
              "Country whose national phone formats apply when a customer record has no country"
                  + " (ES, MX, CO, AR, US, CA, CL, PE, GB, PT, FR, DE, IT).");

  public static final ConfigOption<List<String>> IDENTITY_BLOCKLIST =
      ConfigOptions.key("identity.blocklist")
          .stringType()
          .asList()
          .defaultValues(io.rapport.identity.IdentifierNormalizer.DEFAULT_BLOCKLIST.split(";"))
          .withDescription(
              "Identifier values refused as junk (case-insensitive), separated by ';'. Refused"
                  + " identifiers are counted (metric identifiersRefused) and never linked.");

  // ---- Privacy ----

  public static final ConfigOption<Boolean> PRIVACY_PSEUDONYMIZE =
      ConfigOptions.key("privacy.pseudonymize")
          .booleanType()
          .defaultValue(true)
          .withDescription(
              "Store personal identifiers (handles, prospect ids) in Elasticsearch as keyed hashes.");

  public static final ConfigOption<String> PRIVACY_HASH_SECRET =
      ConfigOptions.key("privacy.hash-secret")
          .stringType()
          .defaultValue("change-me")
          .withDescription(
              "Secret key of the identifier hashes (HMAC-SHA-256). Set your own. Required also with"
                  + " privacy.pseudonymize false: erasure audit entries are always keyed hashes.");

  // ---- Business ----

  public static final ConfigOption<String> BRAND =
      ConfigOptions.key("brand")
          .stringType()
          .defaultValue("lumen")
          .withDescription("The tracked brand (as the listening tool names it in mentions).");

  public static final ConfigOption<List<String>> COMPETITORS =
      ConfigOptions.key("competitors")
          .stringType()
          .asList()
          .defaultValues("northwind", "vela")
          .withDescription("Competitor brands tracked for share of voice, separated by ';'.");

  public static final ConfigOption<List<String>> BRAND_ACCOUNTS =
      ConfigOptions.key("brand.accounts")
          .stringType()
          .asList()
          .noDefaultValue()
          .withDescription(
              "Handles of the tracked brands' own accounts that are not named after a brand (e.g."
                  + " AtencionLumen;VelaCares;HolaSoporte=lumen), separated by ';': an account is"
                  + " the brand's whose name it has, or the one after '='. Posts by these and by"
                  + " handles named after a tracked brand (Lumen_ES, lumenhelp) are skipped: no"
                  + " profile, no alert, not in social listening (metric brandPostsSkipped). The"
                  + " brand's replies acknowledge alerts when its account is listed here, or is"
                  + " named after it and verified by the platform.");

  public static final ConfigOption<String> REPORTING_CURRENCY =
      ConfigOptions.key("currency.reporting")
          .stringType()
          .defaultValue("EUR")
          .withDescription("Currency in which spend is added up and reported.");

  public static final ConfigOption<String> CURRENCY_RATES =
      ConfigOptions.key("currency.rates")
          .stringType()
          .defaultValue(io.rapport.profile.CurrencyRates.DEFAULT_SPEC)
          .withDescription(
              "Fixed rates into the reporting currency, CODE=rate,...; transactions in a currency"
                  + " without a rate go to the dead-letter topic.");

  public static final ConfigOption<Double> HIGH_VALUE_TOP_SHARE =
      ConfigOptions.key("alert.high-value.top-share")
          .doubleType()
          .defaultValue(0.10)
          .withDescription(
              "A customer is high-value when fewer than this share of customers spend more (0.10:"
                  + " the top spend decile).");

  public static final ConfigOption<Integer> HIGH_VALUE_MIN_POPULATION =
      ConfigOptions.key("alert.high-value.min-population")
          .intType()
          .defaultValue(10)
          .withDescription("Customers with purchases needed before anyone is ranked high-value.");

  // ---- Social listening ----

  public static final ConfigOption<Duration> LISTENING_ALLOWED_LATENESS =
      ConfigOptions.key("listening.allowed-lateness")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription(
              "How long after the watermark passes a listening window (minute, hour) it still"
                  + " takes mentions; a window is published once, when the watermark passes its"
                  + " end plus this. Later mentions go to the dead-letter topic (LATE).");

  public static final ConfigOption<Integer> LISTENING_TOP_K =
      ConfigOptions.key("listening.top-k")
          .intType()
          .defaultValue(10)
          .withDescription(
              "Hashtags, terms and authors (by followers) published per brand and window.");

  public static final ConfigOption<Integer> LISTENING_COUNTER_CAPACITY =
      ConfigOptions.key("listening.counter-capacity")
          .intType()
          .defaultValue(200)
          .withDescription(
              "Space-Saving counters kept per brand and window for hashtags, terms and cities"
                  + " (memory bound; counts are exact while fewer distinct values are seen).");

  public static final ConfigOption<Duration> LISTENING_SHARE_OF_VOICE_RETENTION =
      ConfigOptions.key("listening.share-of-voice-retention")
          .durationType()
          .defaultValue(Duration.ofHours(1))
          .withDescription(
              "How long (event time) after a listening window is published its brands' aggregates"
                  + " are kept for share of voice. A brand's aggregate that arrives within this"
                  + " time (its path was idle while the watermark moved on) makes every brand's"
                  + " share in the window be recomputed and published again; one that arrives"
                  + " later is published without a share of voice (metric"
                  + " listeningShareOfVoiceUnknown). 0: windows are forgotten when published.");

  public static final ConfigOption<Double> CRISIS_STDDEVS =
      ConfigOptions.key("crisis.stddevs")
          .doubleType()
          .defaultValue(5.0)
          .withDescription(
              "A brand crisis starts when its negative mentions in the last hour exceed the mean"
                  + " of the 12 hours before by this many standard deviations (at least Poisson's,"
                  + " plus the skew correction (k²-1)/6), and the same hour of the previous day by"
                  + " as many of its Poisson deviations. Evaluated every minute: below 5, false"
                  + " crises become frequent.");

  public static final ConfigOption<Integer> CRISIS_MIN_NEGATIVES =
      ConfigOptions.key("crisis.min-negatives")
          .intType()
          .defaultValue(20)
          .withDescription("Negative mentions in the last hour needed to raise a brand crisis.");

  // ---- Alerts ----

  public static final ConfigOption<Long> ALERT_INFLUENCER_MIN_FOLLOWERS =
      ConfigOptions.key("alert.influencer.min-followers")
          .longType()
          .defaultValue(10_000L)
          .withDescription(
              "Followers from which the author of a negative mention counts as an influencer"
                  + " (INFLUENCER_NEGATIVE alert).");

  public static final ConfigOption<String> ALERT_LANGUAGE =
      ConfigOptions.key("alert.language")
          .stringType()
          .defaultValue("en")
          .withDescription(
              "Language of what people read in alerts: summaries, the at-risk reasons a churn-risk"
                  + " summary lists (also in the customer documents), the merge guardrail's"
                  + " action. en or es.");

  /** The alert texts of {@link #ALERT_LANGUAGE}. */
  public static io.rapport.alerting.AlertText alertText(
      org.apache.flink.configuration.ReadableConfig conf) {
    return io.rapport.alerting.AlertText.of(conf.get(ALERT_LANGUAGE));
  }

  public static final ConfigOption<Duration> ALERT_ORDER_WAIT =
      ConfigOptions.key("alert.order-wait")
          .durationType()
          .defaultValue(Duration.ofSeconds(5))
          .withDescription(
              "Longest time an alert waits, per customer, so that pressure control decides in"
                  + " event-time order: an alert goes out when the watermark passes its event time"
                  + " or after this long (processing time), whichever comes first. Alerts that"
                  + " arrive further apart than this are decided in arrival order.");

  public static final ConfigOption<Duration> ALERT_ANSWER_WINDOW =
      ConfigOptions.key("alert.answer-window")
          .durationType()
          .defaultValue(Duration.ofDays(7))
          .withDescription(
              "How long (event time) a mention's alerts wait for the brand's reply to the mention,"
                  + " and a reply for the alerts: a reply by one of the brand's own accounts to a"
                  + " mention acknowledges the alerts raised on it (status acknowledged, by the"
                  + " account, with the time the brand took to answer).");

  public static final ConfigOption<Double> ALERT_CHURN_RISK_THRESHOLD =
      ConfigOptions.key("alert.churn-risk.threshold")
          .doubleType()
          .defaultValue(70.0)
          .withDescription(
              "At-risk score (0-100) whose crossing from below raises a CHURN_RISK alert with the"
                  + " score's reasons (needs scoring.enabled); no new one while the score stays"
                  + " up.");

  public static final ConfigOption<Double> ALERT_CHURN_RISK_REARM_BELOW =
      ConfigOptions.key("alert.churn-risk.rearm-below")
          .doubleType()
          .defaultValue(50.0)
          .withDescription(
              "At-risk score below which a customer who had a churn-risk alert can get another"
                  + " (hysteresis; at most alert.churn-risk.threshold; 50 is the vulnerable"
                  + " segment's default level).");

  public static final ConfigOption<String> ALERT_CONTACT_STRATEGY =
      ConfigOptions.key("alert.contact-strategy")
          .stringType()
          .defaultValue("")
          .withDescription(
              "Path of the contact strategy JSON file (actions, channels, deadlines, owner teams,"
                  + " templates, pressure control; see README); empty: the built-in"
                  + " contact-strategy.json. An invalid file stops the job at startup.");

  public static final ConfigOption<String> TOPIC_ALERT_STATUS =
      ConfigOptions.key("topic.alert-status")
          .stringType()
          .defaultValue("rapport.alert-status")
          .withDescription(
              "Topic of alert status changes: consumers acknowledge and resolve alerts on it"
                  + " (reflected in the alerts index), and the job publishes there the"
                  + " acknowledgements of the brand's own replies.");

  // ---- Scoring (issue 5) ----

  public static final ConfigOption<Boolean> SCORING_ENABLED =
      ConfigOptions.key("scoring.enabled")
          .booleanType()
          .defaultValue(true)
          .withDescription(
              "Score customers (CLV, P(alive), at-risk, shares, segments, loyalty) in the"
                  + " score-customers operator; off: profiles are published without scores.");

  public static final ConfigOption<Duration> SCORING_SENTIMENT_HALF_LIFE =
      ConfigOptions.key("scoring.sentiment.half-life")
          .durationType()
          .defaultValue(Duration.ofDays(30))
          .withDescription("Half-life of the decayed sentiment mean (Share of Heart, roles).");

  public static final ConfigOption<Duration> SCORING_TREND_SHORT_HALF_LIFE =
      ConfigOptions.key("scoring.trend.short-half-life")
          .durationType()
          .defaultValue(Duration.ofDays(7))
          .withDescription("Sentiment trend: half-life of the short (recent) decayed mean.");

  public static final ConfigOption<Duration> SCORING_TREND_LONG_HALF_LIFE =
      ConfigOptions.key("scoring.trend.long-half-life")
          .durationType()
          .defaultValue(Duration.ofDays(90))
          .withDescription("Sentiment trend: half-life of the long (usual) decayed mean.");

  public static final ConfigOption<Duration> SCORING_RESCORE_INTERVAL =
      ConfigOptions.key("scoring.rescore-interval")
          .durationType()
          .defaultValue(Duration.ofDays(1))
          .withDescription(
              "Event-time interval at which a customer is rescored without new events (one timer"
                  + " per customer while scores still change with time).");

  public static final ConfigOption<Duration> SCORING_RESCORE_FOR =
      ConfigOptions.key("scoring.rescore-for")
          .durationType()
          .defaultValue(Duration.ofDays(365))
          .withDescription(
              "How long after a buyer's last purchase the daily rescoring goes on (one-time buyers"
                  + " never become lost in BG/NBD).");

  public static final ConfigOption<Integer> SCORING_CLV_HORIZON_MONTHS =
      ConfigOptions.key("scoring.clv.horizon-months")
          .intType()
          .defaultValue(12)
          .withDescription("CLV horizon in months.");

  public static final ConfigOption<Double> SCORING_CLV_YEARLY_DISCOUNT =
      ConfigOptions.key("scoring.clv.yearly-discount")
          .doubleType()
          .defaultValue(0.10)
          .withDescription("Yearly discount rate of the CLV.");

  public static final ConfigOption<Double> SCORING_VULNERABLE_AT_RISK =
      ConfigOptions.key("scoring.vulnerable-at-risk")
          .doubleType()
          .defaultValue(50.0)
          .withDescription(
              "At-risk score (0-100) from which a buyer is in the vulnerable segment.");

  public static final ConfigOption<Double> SCORING_LOST_BELOW_P_ALIVE =
      ConfigOptions.key("scoring.lost-below-p-alive")
          .doubleType()
          .defaultValue(0.15)
          .withDescription("P(alive) below which a buyer is in the lost segment.");

  public static final ConfigOption<Double> SCORING_INFLUENCER_AT =
      ConfigOptions.key("scoring.influencer-at")
          .doubleType()
          .defaultValue(50.0)
          .withDescription("Influence index (0-100) from which a person is an influencer.");

  public static final ConfigOption<String> TOPIC_CLV_MODEL =
      ConfigOptions.key("topic.clv-model")
          .stringType()
          .defaultValue("rapport.clv-model")
          .withDescription(
              "Compacted topic of fitted CLV models (ClvModelJob writes, the main job reads it as"
                  + " broadcast state).");

  public static final ConfigOption<String> CLV_MODEL_BGNBD =
      ConfigOptions.key("clv-model.bgnbd")
          .stringType()
          .defaultValue("0.2426,4.4135,0.7929,2.4258")
          .withDescription(
              "BG/NBD r,alpha,a,b used until a model arrives on the model topic (default: CDNOW,"
                  + " weeks).");

  public static final ConfigOption<String> CLV_MODEL_GAMMA_GAMMA =
      ConfigOptions.key("clv-model.gamma-gamma")
          .stringType()
          .defaultValue("6.25,3.74,15.44")
          .withDescription(
              "Gamma-Gamma p,q,v used until a model arrives on the model topic (default: CDNOW).");

  public static final ConfigOption<Duration> CLV_MODEL_TIME_UNIT =
      ConfigOptions.key("clv-model.time-unit")
          .durationType()
          .defaultValue(Duration.ofDays(7))
          .withDescription("Time unit of the CLV models' parameters (CDNOW: weeks).");

  public static final ConfigOption<String> CLV_MODEL_CALIBRATION_END =
      ConfigOptions.key("clv-model.calibration-end")
          .stringType()
          .defaultValue("")
          .withDescription(
              "ClvModelJob: last day (yyyy-mm-dd) of the calibration period; empty: the last"
                  + " purchase day.");

  public static final ConfigOption<Integer> LOYALTY_POINTS_PURCHASE =
      ConfigOptions.key("loyalty.points.purchase")
          .intType()
          .defaultValue(10)
          .withDescription("Loyalty points per purchase.");

  public static final ConfigOption<Integer> LOYALTY_POINTS_REVIEW =
      ConfigOptions.key("loyalty.points.review")
          .intType()
          .defaultValue(20)
          .withDescription(
              "Loyalty points per review (an activity of type review on topic.activities).");

  public static final ConfigOption<Integer> LOYALTY_POINTS_SHARE =
      ConfigOptions.key("loyalty.points.share")
          .intType()
          .defaultValue(5)
          .withDescription("Loyalty points per share (a repost or quote mentioning the brand).");

  public static final ConfigOption<Integer> LOYALTY_POINTS_RECOMMENDATION =
      ConfigOptions.key("loyalty.points.recommendation")
          .intType()
          .defaultValue(15)
          .withDescription("Loyalty points per recommendation (a mention with that intent).");

  public static final ConfigOption<Integer> LOYALTY_POINTS_REFERRAL =
      ConfigOptions.key("loyalty.points.referral")
          .intType()
          .defaultValue(50)
          .withDescription(
              "Loyalty points per referral (an activity of type referral on topic.activities).");

  public static final ConfigOption<Integer> LOYALTY_POINTS_REGISTRATION =
      ConfigOptions.key("loyalty.points.registration")
          .intType()
          .defaultValue(25)
          .withDescription("Loyalty points for registering (the first CRM record).");

  public static final ConfigOption<Integer> LOYALTY_POINTS_SURVEY =
      ConfigOptions.key("loyalty.points.survey")
          .intType()
          .defaultValue(10)
          .withDescription(
              "Loyalty points per survey answered (an activity of type survey on topic.activities).");

  public static final ConfigOption<List<Integer>> LOYALTY_LEVELS =
      ConfigOptions.key("loyalty.levels")
          .intType()
          .asList()
          .defaultValues(100, 500, 2000)
          .withDescription("Points for the silver, gold and platinum levels (below: bronze).");

  /** The README's configuration table: key, default, description. */
  public static String markdownTable() {
    StringBuilder sb =
        new StringBuilder("| option | default | description |\n| --- | --- | --- |\n");
    for (ConfigOption<?> o : all()) {
      String def;
      if (!o.hasDefaultValue()) {
        def = "(none)";
      } else if (o.defaultValue() instanceof Duration) {
        def = org.apache.flink.util.TimeUtils.formatWithHighestUnit((Duration) o.defaultValue());
      } else if (o.defaultValue() instanceof List) {
        def = String.join(";", ((List<?>) o.defaultValue()).stream().map(String::valueOf).toList());
      } else {
        def = String.valueOf(o.defaultValue());
      }
      sb.append("| `")
          .append(o.key())
          .append("` | `")
          .append(def)
          .append("` | ")
          .append(describe(o).replace("|", "\\|"))
          .append(" |\n");
    }
    return sb.toString();
  }

  /** An option's description as plain text. */
  public static String describe(ConfigOption<?> option) {
    return new org.apache.flink.configuration.description.HtmlFormatter()
        .format(option.description());
  }

  /** Every option declared in this class, for validation and documentation. */
  public static List<ConfigOption<?>> all() {
    List<ConfigOption<?>> out = new ArrayList<>();
    for (Field f : RapportOptions.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && ConfigOption.class.isAssignableFrom(f.getType())) {
        try {
          out.add((ConfigOption<?>) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }
}
