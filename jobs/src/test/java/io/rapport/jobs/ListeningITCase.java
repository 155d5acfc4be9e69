package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.alerting.Alerts;
import io.rapport.listening.TrackedBrands;
import io.rapport.model.Alert;
import io.rapport.model.DeadLetter;
import io.rapport.model.SocialMention;
import io.rapport.profile.ProfileLogic;
import io.rapport.serde.Json;
import io.rapport.testing.ElasticsearchTestNode;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.KafkaTestCluster;
import io.rapport.testing.MainJob;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import io.rapport.text.TextAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Social listening through the whole main job (MiniCluster, parallelism 2) between a real Kafka
 * broker and a real Elasticsearch node: scenarios of known mentions, exact aggregate documents,
 * share of voice, a late mention in the dead letters, and a brand crisis.
 */
class ListeningITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final Duration TIMEOUT = Duration.ofSeconds(240);

  private final KafkaTestCluster kafka = KafkaTestCluster.get();
  private final ElasticsearchTestNode es = ElasticsearchTestNode.get();

  static Configuration jobOptions(KafkaTestCluster kafka, ElasticsearchTestNode es) {
    Map<String, String> o = MainJob.options(kafka, es);
    // One partition: the scenarios' event times are exact, so their order must be too. With two,
    // a partition whose records are fetched more than source.idle-timeout after the other's is
    // idle meanwhile, and the watermark can pass its records before they are read (late).
    o.put(RapportOptions.TOPIC_MENTIONS.key(), kafka.uniqueTopic("mentions", 1));
    // Idleness, the other cause of late records: the scenarios' events are minutes to hours apart
    // and the allowed lateness is a minute, so a record behind the watermark by one event is late.
    // When the mentions partition goes idle (no record for source.idle-timeout: before its first
    // fetch, or between records produced one by one on a busy machine) and then resumes, its
    // status and watermark reach the two subtasks after the keyBy (dedup, listening) on two paths;
    // a subtask that sees the resumed watermark on one channel while the other is still idle
    // takes it, and the records that the lagging path still carries are late there (aggregates
    // dropped them; share of voice fired before every brand's aggregate was in). So the scenarios
    // are in the topic before the job starts, in one batch, and the timeout (which the empty
    // partitions of the other topics and the source subtask without a mentions partition need to
    // stop holding back the watermark) is far above a fetch's delay under load: the mentions
    // partition is never idle while it has records to read.
    o.put(RapportOptions.SOURCE_IDLE_TIMEOUT.key(), "10 s");
    o.put(RapportOptions.MAX_OUT_OF_ORDERNESS.key(), "5 s");
    o.put(RapportOptions.LISTENING_ALLOWED_LATENESS.key(), "1 min");
    o.put(RapportOptions.LISTENING_TOP_K.key(), "5");
    // authors nobody linked become prospects at once (the test's mentions are about listening)
    o.put(RapportOptions.IDENTITY_MENTION_HOLD_TIMEOUT.key(), "0 ms");
    o.put(RapportOptions.BRAND.key(), "lumen");
    o.put(RapportOptions.COMPETITORS.key(), "northwind;vela");
    return Configuration.fromMap(o);
  }

  static JobClient start(Configuration options) throws Exception {
    return MainJob.start(options, "rapport-listening-it");
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    await(what, condition, () -> "");
  }

  /** As {@link #await(String, BooleanSupplier)}; a timeout says what {@code state} saw last. */
  static void await(String what, BooleanSupplier condition, Supplier<String> state)
      throws InterruptedException {
    MainJob.await(what, TIMEOUT, condition, state);
  }

  /**
   * Writes the specs' mentions (their analysis checked first) and then {@code last} to the topic,
   * in order, with one producer, before the job starts (see {@link #jobOptions}: its source then
   * reads them without an idle pause).
   */
  private void produceBeforeStart(String topic, List<Spec> specs, Spec last) {
    specs.forEach(Spec::checkAnalyzer);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (Spec s : specs) {
      records.add(new ProducerRecord<>(topic, null, Json.toBytes(s.mention())));
    }
    records.add(new ProducerRecord<>(topic, null, Json.toBytes(last.mention())));
    kafka.produceAll(records);
  }

  /** One scenario mention; its expected language and sentiment class are checked first. */
  record Spec(
      String id,
      String brand,
      String platform,
      String text,
      String lang,
      String label,
      String at,
      String country,
      String city) {
    SocialMention mention() {
      SocialMention m = Samples.mention(id, platform, "h" + id, text, Instant.parse(at));
      m.brand = brand;
      m.lang = lang;
      m.geo.country = country;
      m.geo.city = city;
      return m;
    }

    /** Language, and class as the brand it is filed under reads it (the job's brand: lumen). */
    void checkAnalyzer() {
      Analysis a =
          new TrackedBrands("lumen", List.of("northwind", "vela"))
              .readAs(brand, TextAnalyzer.shared(), text, lang);
      assertThat(a.lang).as("language of %s", id).isEqualTo(lang);
      assertThat(ProfileLogic.sentimentLabel(a.compound)).as("class of %s", id).isEqualTo(label);
    }
  }

  static final String POS_ES = "Me encanta, genial, el mejor servicio";
  static final String NEG_EN = "Terrible, awful, the worst service ever";
  static final String NEG_ES = "Pésimo servicio, una vergüenza, fatal";
  static final String NEU_EN = "My order arrives on Tuesday";
  static final String POS_EN = "Great service, I love it";

  /** In event-time order (per partition, as a listening tool delivers it). */
  static final List<Spec> SCENARIO =
      List.of(
          new Spec(
              "L1", "lumen", "x", POS_ES, "es", "positive", "2026-03-02T08:00:10Z", "ES", "Madrid"),
          new Spec(
              "L2",
              "lumen",
              "instagram",
              NEG_EN,
              "en",
              "negative",
              "2026-03-02T08:00:20Z",
              "US",
              "Austin"),
          new Spec(
              "V1", "vela", "x", POS_EN, "en", "positive", "2026-03-02T08:00:30Z", "US", "Miami"),
          new Spec(
              "U1", "acme", "x", POS_EN, "en", "positive", "2026-03-02T08:00:40Z", "ES", "Madrid"),
          new Spec(
              "L3", "lumen", "x", NEG_ES, "es", "negative", "2026-03-02T08:01:05Z", "ES", "Madrid"),
          new Spec(
              "N1",
              "northwind",
              "x",
              POS_EN,
              "en",
              "positive",
              "2026-03-02T08:01:30Z",
              "GB",
              "London"),
          new Spec(
              "C1",
              "lumen",
              "tiktok",
              "Vela es mil veces mejor que @lumen, una maravilla",
              "es",
              "negative",
              "2026-03-02T08:01:40Z",
              "MX",
              "Monterrey"),
          new Spec(
              "L4",
              "lumen",
              "tiktok",
              NEU_EN,
              "en",
              "neutral",
              "2026-03-02T09:15:00Z",
              "US",
              "Austin"),
          new Spec(
              "V2",
              "vela",
              "x",
              POS_ES,
              "es",
              "positive",
              "2026-03-02T09:15:30Z",
              "ES",
              "Sevilla"));

  @Test
  void exactAggregatesShareOfVoiceAndLateMentions() throws Exception {
    Configuration o = jobOptions(kafka, es);
    String prefix = o.get(RapportOptions.ELASTICSEARCH_INDEX_PREFIX);
    String mentions = o.get(RapportOptions.TOPIC_MENTIONS);
    // last, about no tracked brand: moves the watermark past every window, counted nowhere
    produceBeforeStart(
        mentions,
        SCENARIO,
        new Spec(
            "U2", "acme", "x", POS_EN, "en", "positive", "2026-03-02T12:00:00Z", "ES", "Madrid"));
    JobClient job = start(o);
    try {

      String minute = prefix + "listening-minute";
      String hour = prefix + "listening-hour";
      await(
          "every window's documents",
          () ->
              totals(minute).size() == 7
                  && totals(hour).size() == 5
                  && documentsOrEmpty(minute).size() == expectedDocs(minute)
                  && documentsOrEmpty(hour).size() == expectedDocs(hour));

      Map<String, JsonNode> m = totals(minute);
      assertThat(m.keySet())
          .containsExactlyInAnyOrder(
              "lumen|minute|2026-03-02T08:00:00Z",
              "vela|minute|2026-03-02T08:00:00Z",
              "lumen|minute|2026-03-02T08:01:00Z",
              "northwind|minute|2026-03-02T08:01:00Z",
              "vela|minute|2026-03-02T08:01:00Z",
              "lumen|minute|2026-03-02T09:15:00Z",
              "vela|minute|2026-03-02T09:15:00Z");
      JsonNode l0 = m.get("lumen|minute|2026-03-02T08:00:00Z");
      assertThat(l0.path("count").asLong()).isEqualTo(2);
      assertThat(l0.path("positive").asLong()).isEqualTo(1);
      assertThat(l0.path("negative").asLong()).isEqualTo(1);
      assertThat(l0.path("neutral").asLong()).isEqualTo(0);
      assertThat(l0.path("shareOfVoice").asDouble()).isEqualTo(2.0 / 3.0);
      assertThat(l0.path("trackedTotal").asLong()).isEqualTo(3);
      assertThat(l0.path("windowEnd").asText()).isEqualTo("2026-03-02T08:01:00Z");
      assertThat(m.get("vela|minute|2026-03-02T08:00:00Z").path("shareOfVoice").asDouble())
          .isEqualTo(1.0 / 3.0);
      JsonNode l1 = m.get("lumen|minute|2026-03-02T08:01:00Z");
      assertThat(l1.path("count").asLong()).isEqualTo(2); // L3 and the comparison C1
      assertThat(l1.path("negative").asLong()).isEqualTo(2);
      assertThat(l1.path("shareOfVoice").asDouble()).isEqualTo(0.5);
      assertThat(m.get("northwind|minute|2026-03-02T08:01:00Z").path("shareOfVoice").asDouble())
          .isEqualTo(0.25);
      // the comparison C1, "Vela es mil veces mejor que @lumen": a put-down for lumen, praise for
      // vela
      JsonNode v1 = m.get("vela|minute|2026-03-02T08:01:00Z");
      assertThat(v1.path("count").asLong()).isEqualTo(1);
      assertThat(v1.path("positive").asLong()).isEqualTo(1);
      assertThat(v1.path("negative").asLong()).isEqualTo(0);

      Map<String, JsonNode> h = totals(hour);
      JsonNode l8 = h.get("lumen|hour|2026-03-02T08:00:00Z");
      assertThat(l8.path("count").asLong()).isEqualTo(4);
      assertThat(l8.path("positive").asLong()).isEqualTo(1);
      assertThat(l8.path("negative").asLong()).isEqualTo(3);
      assertThat(l8.path("shareOfVoice").asDouble()).isEqualTo(4.0 / 7.0);
      assertThat(h.get("vela|hour|2026-03-02T08:00:00Z").path("count").asLong()).isEqualTo(2);
      assertThat(h.get("northwind|hour|2026-03-02T08:00:00Z").path("shareOfVoice").asDouble())
          .isEqualTo(1.0 / 7.0);
      assertThat(h.get("lumen|hour|2026-03-02T09:00:00Z").path("shareOfVoice").asDouble())
          .isEqualTo(0.5);
      assertThat(h.get("lumen|hour|2026-03-02T09:00:00Z").path("neutral").asLong()).isEqualTo(1);

      // Dimension documents of lumen's 08:00 hour.
      Map<String, JsonNode> all = es.documents(hour);
      String p = "lumen|hour|2026-03-02T08:00:00Z|";
      assertThat(count(all, p + "platform|x")).isEqualTo(2);
      assertThat(count(all, p + "platform|instagram")).isEqualTo(1);
      assertThat(count(all, p + "platform|tiktok")).isEqualTo(1);
      assertThat(count(all, p + "lang|es")).isEqualTo(3);
      assertThat(count(all, p + "lang|en")).isEqualTo(1);
      assertThat(count(all, p + "sentiment|negative")).isEqualTo(3);
      assertThat(count(all, p + "country|ES")).isEqualTo(2);
      assertThat(count(all, p + "country|MX")).isEqualTo(1);
      assertThat(count(all, p + "city|ES|Madrid")).isEqualTo(2);
      assertThat(count(all, p + "city|US|Austin")).isEqualTo(1);
      assertThat(all).doesNotContainKey(p + "sentiment|neutral");
      assertThat(all.keySet()).noneMatch(k -> k.startsWith("acme|"));

      // A mention for a published window: dead-lettered as LATE, the window unchanged, with the
      // coordinates of its record in Kafka.
      RecordMetadata lateRecord =
          kafka.produce(
              mentions,
              null,
              Json.toBytes(
                  new Spec(
                          "L5",
                          "lumen",
                          "x",
                          POS_ES,
                          "es",
                          "positive",
                          "2026-03-02T08:00:50Z",
                          "ES",
                          "Madrid")
                      .mention()));
      List<DeadLetter> dead =
          kafka
              .consumeValues(
                  o.get(RapportOptions.TOPIC_DEADLETTER), IsolationLevel.READ_COMMITTED, 1, TIMEOUT)
              .stream()
              .map(v -> read(v, DeadLetter.class))
              .toList();
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).errorCode).isEqualTo("LATE");
      assertThat(dead.get(0).sourceTopic).isEqualTo(mentions);
      assertThat(lateRecord.offset()).isNotNegative();
      assertThat(dead.get(0).partition).isEqualTo(lateRecord.partition());
      assertThat(dead.get(0).offset).isEqualTo(lateRecord.offset());
      assertThat(dead.get(0).sourceTimestamp).isEqualTo(lateRecord.timestamp());
      SocialMention back =
          Json.mapper()
              .readValue(
                  Base64.getDecoder().decode(dead.get(0).payloadBase64), SocialMention.class);
      assertThat(back.mentionId).isEqualTo("L5");
      await(
          "the late mention's document", () -> es.documents(prefix + "mentions").containsKey("L5"));
      assertThat(totals(minute).get("lumen|minute|2026-03-02T08:00:00Z").path("count").asLong())
          .isEqualTo(2);
      assertThat(totals(hour).get("lumen|hour|2026-03-02T08:00:00Z").path("count").asLong())
          .isEqualTo(4);
      assertThat(
              kafka.consumeValues(
                  o.get(RapportOptions.TOPIC_ALERTS),
                  IsolationLevel.READ_COMMITTED,
                  0,
                  Duration.ofSeconds(5)))
          .isEmpty();
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void negativeBurstAfterQuietHoursRaisesOneBrandCrisis() throws Exception {
    Configuration o = jobOptions(kafka, es);
    o.setString(RapportOptions.CRISIS_MIN_NEGATIVES.key(), "5");
    o.setString(RapportOptions.CRISIS_STDDEVS.key(), "3");
    String prefix = o.get(RapportOptions.ELASTICSEARCH_INDEX_PREFIX);
    String mentions = o.get(RapportOptions.TOPIC_MENTIONS);
    produceBeforeStart(
        mentions,
        crisisScenario(),
        new Spec(
            "U9", "acme", "x", POS_EN, "en", "positive", "2026-03-03T16:00:00Z", "ES", "Madrid"));
    JobClient job = start(o);
    try {
      String expectedId = Alerts.alertId("BRAND_CRISIS", "lumen", "2026-03-03T13:00:00Z");
      await(
          "the crisis alert document",
          () -> es.documents(prefix + "alerts").containsKey(expectedId));
      // Every minute window is closed by now: no further alert can come.
      await(
          "the burst's last minute",
          () ->
              totals(prefix + "listening-minute").containsKey("lumen|minute|2026-03-03T13:11:00Z"));
      List<Alert> alerts =
          kafka
              .consumeValues(
                  o.get(RapportOptions.TOPIC_ALERTS), IsolationLevel.READ_COMMITTED, 1, TIMEOUT)
              .stream()
              .map(v -> read(v, Alert.class))
              .toList();
      assertThat(alerts).hasSize(1);
      Alert a = alerts.get(0);
      assertThat(a.alertId).isEqualTo(expectedId);
      assertThat(a.type).isEqualTo("BRAND_CRISIS");
      assertThat(a.brand).isEqualTo("lumen");
      // routed by the contact strategy file's BRAND_CRISIS entry
      assertThat(a.ownerTeam).isEqualTo("communications");
      assertThat(a.evidence.scores.get("negatives.lastHour")).isEqualTo(5.0);
      assertThat(a.evidence.scores.get("baseline.mean")).isEqualTo(0.5);
      assertThat(a.evidence.scores.get("baseline.stddev")).isEqualTo(0.5);
      assertThat(a.eventTime).isEqualTo(Instant.parse("2026-03-03T13:05:00Z"));
      assertThat(es.documents(prefix + "alerts").get(expectedId).path("type").asText())
          .isEqualTo("BRAND_CRISIS");
    } finally {
      job.cancel().get();
    }
  }

  /**
   * 13 quiet hours from 2026-03-03T00:00 (one mention an hour, negative in odd hours: baseline mean
   * 0.5, stddev 0.5), then one negative mention a minute from 13:00 for 12 minutes.
   */
  static List<Spec> crisisScenario() {
    List<Spec> specs = new ArrayList<>();
    Instant base = Instant.parse("2026-03-03T00:00:10Z");
    // 13 quiet hours: one mention an hour, negative in odd hours (baseline mean 0.5, stddev 0.5).
    for (int h = 0; h < 13; h++) {
      boolean negative = h % 2 == 1;
      specs.add(
          new Spec(
              "Q" + h,
              "lumen",
              "x",
              negative ? NEG_EN : POS_ES,
              negative ? "en" : "es",
              negative ? "negative" : "positive",
              base.plusSeconds(3600L * h).toString(),
              "ES",
              "Madrid"));
    }
    // Then one negative a minute from 13:00 on, for 12 minutes: the fifth reaches min-negatives.
    for (int i = 0; i < 12; i++) {
      specs.add(
          new Spec(
              "B" + i,
              "lumen",
              i % 2 == 0 ? "x" : "instagram",
              i % 2 == 0 ? NEG_EN : NEG_ES,
              i % 2 == 0 ? "en" : "es",
              "negative",
              base.plusSeconds(13 * 3600L + 60L * i).toString(),
              "ES",
              "Madrid"));
    }
    return specs;
  }

  /** The summary documents of an index (dimension total), by id; empty if the index is absent. */
  private Map<String, JsonNode> totals(String index) {
    return documentsOrEmpty(index).entrySet().stream()
        .filter(e -> "total".equals(e.getValue().path("dimension").asText()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** What the summaries announce: each window's documents (summary + one per dimension value). */
  private long expectedDocs(String index) {
    long n = 0;
    for (JsonNode t : totals(index).values()) {
      n += 1 + t.path("topHashtags").size() + t.path("topTerms").size();
    }
    Map<String, JsonNode> all = documentsOrEmpty(index);
    long dims =
        all.values().stream()
            .filter(
                d -> !List.of("total", "hashtag", "term").contains(d.path("dimension").asText()))
            .count();
    return n + dims;
  }

  private Map<String, JsonNode> documentsOrEmpty(String index) {
    try {
      return es.documents(index);
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  private static long count(Map<String, JsonNode> docs, String id) {
    assertThat(docs).containsKey(id);
    return docs.get(id).path("count").asLong();
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + json, e);
    }
  }
}
