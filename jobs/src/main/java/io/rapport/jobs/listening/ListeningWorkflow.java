package io.rapport.jobs.listening;

import static io.rapport.jobs.RapportOptions.*;

import io.rapport.identity.Pseudonymizer;
import io.rapport.listening.CrisisDetector;
import io.rapport.listening.ListeningAggregate;
import io.rapport.listening.ListeningDocuments;
import io.rapport.listening.ShareOfVoice;
import io.rapport.listening.TrackedBrands;
import io.rapport.model.Alert;
import io.rapport.model.DeadLetter;
import io.rapport.model.EnrichedMention;
import io.rapport.model.EsDocument;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Social listening on the enriched-mention stream, in event time:
 *
 * <pre>
 * mentions → listening-route-mentions (brands; late → dead letters)
 *          → listening-aggregate (keyed by brand: minute and hour windows)
 *              → listening-share-of-voice (keyed by window; republishes a window's brands when
 *                  one arrives late) → listening-documents → Elasticsearch
 *              → listening-detect-crises (keyed by brand, minute aggregates) → BRAND_CRISIS alerts
 * </pre>
 */
public final class ListeningWorkflow {
  private ListeningWorkflow() {}

  /** What the listening graph produces. */
  public record Outputs(
      DataStream<EsDocument> documents, DataStream<Alert> alerts, DataStream<DeadLetter> late) {}

  /**
   * The tracked brands of a configuration: the brand ({@code brand}), then {@code competitors}, and
   * their own accounts ({@code brand.accounts}).
   */
  public static TrackedBrands trackedBrands(Configuration conf) {
    return new TrackedBrands(
        conf.get(BRAND),
        conf.get(COMPETITORS),
        conf.getOptional(BRAND_ACCOUNTS).orElse(java.util.List.of()));
  }

  /** Defines the listening graph on {@code mentions} (after deduplication and analysis). */
  public static Outputs define(
      DataStream<EnrichedMention> mentions, Configuration conf, Pseudonymizer pseudonymizer) {
    TrackedBrands brands = trackedBrands(conf);
    SingleOutputStreamOperator<io.rapport.listening.BrandMention> routed =
        named(
            mentions.process(
                new RouteListeningMentions(
                    brands, conf.get(LISTENING_ALLOWED_LATENESS), conf.get(TOPIC_MENTIONS))),
            "listening-route-mentions");

    SingleOutputStreamOperator<ListeningAggregate> aggregates =
        named(
            routed
                .keyBy(m -> m.brand)
                .process(
                    new AggregateMentions(
                        conf.get(LISTENING_ALLOWED_LATENESS),
                        conf.get(LISTENING_TOP_K),
                        conf.get(LISTENING_COUNTER_CAPACITY),
                        conf.get(TOPIC_MENTIONS))),
            "listening-aggregate");

    DataStream<EsDocument> documents =
        named(
            named(
                    aggregates
                        .keyBy(ShareOfVoice::windowKey)
                        .process(
                            new ComputeShareOfVoice(conf.get(LISTENING_SHARE_OF_VOICE_RETENTION))),
                    "listening-share-of-voice")
                .flatMap(
                    new ToListeningDocuments(
                        new ListeningDocuments(
                            conf.get(ELASTICSEARCH_INDEX_PREFIX), pseudonymizer))),
            "listening-documents");

    DataStream<Alert> alerts =
        named(
            aggregates
                .keyBy(a -> a.brand)
                .process(
                    new DetectCrises(
                        new CrisisDetector(
                            conf.get(CRISIS_STDDEVS),
                            conf.get(CRISIS_MIN_NEGATIVES),
                            alertText(conf)))),
            "listening-detect-crises");

    DataStream<DeadLetter> late =
        routed
            .getSideOutput(RouteListeningMentions.LATE)
            .union(aggregates.getSideOutput(RouteListeningMentions.LATE));
    return new Outputs(documents, alerts, late);
  }

  private static <T> SingleOutputStreamOperator<T> named(
      SingleOutputStreamOperator<T> op, String name) {
    return op.uid(name).name(name);
  }
}
