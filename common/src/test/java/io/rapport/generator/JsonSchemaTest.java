package io.rapport.generator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.rapport.model.Alert;
import io.rapport.model.AlertEvidence;
import io.rapport.model.DeadLetter;
import io.rapport.serde.ErrorCode;
import io.rapport.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schemas of the contracts agree with the generated records and the POJOs. */
class JsonSchemaTest {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private static final Map<String, JsonSchema> BY_TOPIC = new HashMap<>();

  static {
    BY_TOPIC.put(GeneratedRecord.TOPIC_CUSTOMERS, schema("customer-record.v1.schema.json"));
    BY_TOPIC.put(GeneratedRecord.TOPIC_TRANSACTIONS, schema("transaction.v1.schema.json"));
    BY_TOPIC.put(GeneratedRecord.TOPIC_MENTIONS, schema("social-mention.v1.schema.json"));
  }

  static JsonSchema schema(String name) {
    try (InputStream in = JsonSchemaTest.class.getResourceAsStream("/schemas/" + name)) {
      assertThat(in).as(name).isNotNull();
      return FACTORY.getSchema(in, CONFIG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<ValidationMessage> validate(JsonSchema schema, byte[] json) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      return schema.validate(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyValidGeneratedRecordValidatesAgainstItsSchema() {
    RapportGenerator g = new RapportGenerator(GeneratorConfig.defaults());
    int checked = 0;
    // the bootstrap and a stretch after it, where updates, forgets and returns also occur
    for (long[] range : new long[][] {{0, 2_500}, {1_000_000, 1_002_500}}) {
      for (long i = range[0]; i < range[1]; i++) {
        GeneratedRecord r = g.record(i);
        if (!r.isValid()) {
          continue;
        }
        checked++;
        assertThat(validate(BY_TOPIC.get(r.topic), r.value)).as("%s", r).isEmpty();
      }
    }
    assertThat(checked).isGreaterThan(4_900);
    // a forget request carries only the id
    for (int k = 0; ; k++) {
      long f = g.forgetIndex(k);
      if (f >= 0 && g.plan(f).isValid()) {
        GeneratedRecord r = g.record(f);
        assertThat(r.kind).isEqualTo(RecordKind.CUSTOMER_FORGET);
        assertThat(validate(BY_TOPIC.get(r.topic), r.value)).as("%s", r).isEmpty();
        break;
      }
    }
  }

  @Test
  void structurallyInvalidRecordsFailTheirSchema() {
    RapportGenerator g =
        new RapportGenerator(GeneratorConfig.defaults().malformedRate(0.2).seed(5));
    Map<String, EnumMap<MalformedKind, Integer>> failed = new HashMap<>();
    List<MalformedKind> structural =
        List.of(
            MalformedKind.MISSING_FIELD,
            MalformedKind.WRONG_TYPE,
            MalformedKind.UNSUPPORTED_VERSION);
    for (long i = 0; i < 20_000; i++) {
      RapportGenerator.Plan p = g.plan(i);
      if (p.malformed == null || !structural.contains(p.malformed)) {
        continue;
      }
      GeneratedRecord r = g.record(i);
      assertThat(validate(BY_TOPIC.get(r.topic), r.value)).as("%s", r).isNotEmpty();
      failed
          .computeIfAbsent(r.topic, t -> new EnumMap<>(MalformedKind.class))
          .merge(p.malformed, 1, Integer::sum);
    }
    for (String topic : GeneratedRecord.TOPICS) {
      assertThat(failed.get(topic).keySet())
          .as(topic)
          .containsExactlyInAnyOrderElementsOf(structural);
    }
  }

  @Test
  void oversizedTextFailsTheMentionSchema() {
    RapportGenerator g =
        new RapportGenerator(GeneratorConfig.defaults().malformedRate(0.2).seed(5));
    int n = 0;
    for (long i = 0; i < 20_000 && n < 20; i++) {
      if (g.plan(i).malformed == MalformedKind.OVERSIZED_TEXT) {
        GeneratedRecord r = g.record(i);
        n++;
        // the repeated text is long enough in code points too
        assertThat(validate(BY_TOPIC.get(r.topic), r.value)).as("%s", r).isNotEmpty();
      }
    }
    assertThat(n).isEqualTo(20);
  }

  @Test
  void alertExampleValidates() {
    Alert a = new Alert();
    a.alertId = "al-0001";
    a.type = "NEGATIVE_MENTION_TOP_SPENDER";
    a.severity = "high";
    a.confidence = 0.87;
    a.customerId = "C000007";
    a.brand = "lumen";
    a.eventTime = Instant.parse("2026-01-05T17:36:12.345Z");
    a.createdAt = Instant.parse("2026-01-05T17:36:13Z");
    a.summary = "Top-decile customer threatens to switch to vela";
    AlertEvidence e = new AlertEvidence();
    e.mentionIds = List.of("x_1870000000005902336");
    e.transactionIds = List.of("T0000000082", "T0000000242");
    e.scores = Map.of("sentiment", -0.92, "spendPercentile", 0.99);
    e.reasons = List.of("negative sentiment", "churn threat", "top 10% spend");
    a.evidence = e;
    a.action = "call the customer";
    a.channel = "phone";
    a.deadline = Instant.parse("2026-01-05T21:36:13Z");
    a.ownerTeam = "customer-care";
    a.templateKey = "churn-risk-vip";
    a.lang = "es";
    JsonSchema schema = schema("alert.v1.schema.json");
    assertThat(validate(schema, Json.toBytes(a))).isEmpty();
    // a minimal one: nulls left out
    Alert min = new Alert();
    min.alertId = "al-0002";
    min.type = "T";
    min.severity = "low";
    min.createdAt = Instant.EPOCH;
    assertThat(validate(schema, Json.toBytes(min))).isEmpty();
    min.confidence = 1.5;
    assertThat(validate(schema, Json.toBytes(min))).isNotEmpty();
    min.confidence = 0.5;
    byte[] badTime =
        Json.toString(min).replace("1970-01-01T00:00:00Z", "yesterday").getBytes(UTF_8);
    assertThat(validate(schema, badTime)).isNotEmpty();
  }

  @Test
  void deadLetterExamplesValidate() {
    JsonSchema schema = schema("dead-letter.v1.schema.json");
    RapportGenerator g = new RapportGenerator(GeneratorConfig.defaults());
    List<DeadLetter> letters = new ArrayList<>();
    for (long i = 0; i < 5_000; i++) {
      GeneratedRecord r = g.record(i);
      if (r.isValid()) {
        continue;
      }
      DeadLetter d = new DeadLetter();
      d.sourceTopic = r.topic;
      d.partition = (int) (i % 3);
      d.offset = i;
      d.sourceTimestamp = r.eventTimeMillis;
      d.errorCode = r.expectedError;
      d.reason = "generated " + r.malformedKind;
      d.time = Instant.ofEpochMilli(r.eventTimeMillis + 1_000);
      d.payloadSize = r.value.length;
      d.payloadBase64 = Base64.getEncoder().encodeToString(r.value);
      letters.add(d);
    }
    assertThat(letters).hasSizeGreaterThan(20);
    for (DeadLetter d : letters) {
      assertThat(validate(schema, Json.toBytes(d))).isEmpty();
    }
    DeadLetter bad = letters.get(0);
    bad.errorCode = "NOT_A_CODE";
    assertThat(validate(schema, Json.toBytes(bad))).isNotEmpty();
  }

  @Test
  void deadLetterErrorCodesAreTheEnum() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/schemas/dead-letter.v1.schema.json")) {
      JsonNode codes = Json.mapper().readTree(in).at("/properties/errorCode/enum");
      List<String> names = new ArrayList<>();
      codes.forEach(n -> names.add(n.asText()));
      List<String> expected = new ArrayList<>();
      for (ErrorCode c : ErrorCode.values()) {
        expected.add(c.name());
      }
      assertThat(names).containsExactlyElementsOf(expected);
    }
  }
}
