package io.rapport.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.rapport.model.CustomerActivity;
import io.rapport.model.DeadLetter;
import io.rapport.model.Envelope;
import io.rapport.testing.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The customer-activity contract ({@code crm.activities}): parser, envelope and JSON Schema. */
class ActivityContractTest {
  private final RecordParser parser = new RecordParser();

  private static ObjectNode activityNode(String type, Consumer<ObjectNode> edit) {
    ObjectNode n = Json.mapper().valueToTree(Samples.activity("act-1", type, "C1", Samples.T0));
    edit.accept(n);
    return n;
  }

  private static byte[] activityJson(String type, Consumer<ObjectNode> edit) {
    return Json.toBytes(activityNode(type, edit));
  }

  private ParseResult<CustomerActivity> parse(Consumer<ObjectNode> edit) {
    return parser.activity(activityJson(CustomerActivity.REVIEW, edit));
  }

  @Test
  void readsEachActivityTypeAndRoundTrips() {
    for (String type :
        new String[] {
          CustomerActivity.REVIEW, CustomerActivity.REFERRAL, CustomerActivity.SURVEY
        }) {
      CustomerActivity a = Samples.activity("act-" + type, type, "C1", Samples.T0);
      ParseResult<CustomerActivity> r = parser.activity(Json.toBytes(a));
      assertThat(r.isOk()).as(type).isTrue();
      assertThat(r.value()).isEqualTo(a);
    }
    CustomerActivity review = parse(n -> {}).value();
    assertThat(review.rating).isEqualTo(4);
    assertThat(review.customer.customerId).isEqualTo("C1");
  }

  @Test
  void optionalFieldsMayBeAbsentAndAnyReferenceWillDo() {
    ParseResult<CustomerActivity> r =
        parser.activity(
            activityJson(
                CustomerActivity.SURVEY,
                n -> {
                  n.remove("channel");
                  n.remove("rating");
                  ObjectNode ref = (ObjectNode) n.get("customer");
                  ref.remove("customerId");
                  ref.put("loyaltyCard", "LC-0001");
                }));
    assertThat(r.isOk()).isTrue();
    assertThat(r.value().channel).isNull();
    assertThat(r.value().rating).isNull();
    assertThat(r.value().customer.loyaltyCard).isEqualTo("LC-0001");
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    ParseResult<CustomerActivity> noId = parse(n -> n.remove("activityId"));
    assertThat(noId.error()).isEqualTo(ErrorCode.MISSING_FIELD);
    assertThat(noId.reason()).isEqualTo("missing field: activityId");
    assertThat(parse(n -> n.put("activityId", "  ")).reason())
        .isEqualTo("missing field: activityId");
    assertThat(parse(n -> n.remove("type")).reason()).isEqualTo("missing field: type");
    assertThat(parse(n -> n.remove("time")).reason()).isEqualTo("missing field: time");
    ParseResult<CustomerActivity> noRef = parse(n -> n.remove("customer"));
    assertThat(noRef.error()).isEqualTo(ErrorCode.MISSING_FIELD);
    assertThat(noRef.reason()).contains("customer");
    assertThat(parse(n -> ((ObjectNode) n.get("customer")).put("customerId", " ")).reason())
        .contains("customer");
    assertThat(parse(n -> n.remove("schemaVersion")).error()).isEqualTo(ErrorCode.MISSING_FIELD);
  }

  @Test
  void unknownTypeIsAnInvalidValue() {
    ParseResult<CustomerActivity> r = parse(n -> n.put("type", "purchase"));
    assertThat(r.error()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(r.reason()).contains("type must be one of").contains("\"purchase\"");
  }

  @Test
  void unknownChannelIsAnInvalidValue() {
    ParseResult<CustomerActivity> r = parse(n -> n.put("channel", "pigeon"));
    assertThat(r.error()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(r.reason()).contains("channel").contains("\"pigeon\"");
  }

  @Test
  void ratingIsOneToFiveAndForReviewsOnly() {
    assertThat(parse(n -> n.put("rating", 5)).isOk()).isTrue();
    assertThat(parse(n -> n.put("rating", 1)).isOk()).isTrue();
    ParseResult<CustomerActivity> zero = parse(n -> n.put("rating", 0));
    assertThat(zero.error()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(zero.reason()).isEqualTo("rating must be 1 to 5, was 0");
    assertThat(parse(n -> n.put("rating", 6)).error()).isEqualTo(ErrorCode.INVALID_VALUE);
    ParseResult<CustomerActivity> onSurvey =
        parser.activity(activityJson(CustomerActivity.SURVEY, n -> n.put("rating", 3)));
    assertThat(onSurvey.error()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(onSurvey.reason())
        .isEqualTo("rating is for reviews only, this activity is a survey");
  }

  @Test
  void wrongTypesAreNamed() {
    ParseResult<CustomerActivity> r = parse(n -> n.put("rating", "five"));
    assertThat(r.error()).isEqualTo(ErrorCode.WRONG_TYPE);
    assertThat(r.reason()).contains("rating");
    assertThat(parse(n -> n.put("time", "yesterday")).error())
        .isIn(ErrorCode.WRONG_TYPE, ErrorCode.INVALID_VALUE);
  }

  @Test
  void otherSchemaVersionsAndBrokenBytesAreRefused() {
    assertThat(parse(n -> n.put("schemaVersion", 2)).error())
        .isEqualTo(ErrorCode.UNSUPPORTED_SCHEMA_VERSION);
    assertThat(parser.activity("{\"activityId\":".getBytes(StandardCharsets.UTF_8)).error())
        .isEqualTo(ErrorCode.MALFORMED_JSON);
    assertThat(parser.activity(new byte[] {(byte) 0xff, 0x41}).error())
        .isEqualTo(ErrorCode.INVALID_ENCODING);
  }

  @Test
  void contractReadsAnEnvelopeOrADeadLetterWithTheOriginalBytes() {
    Envelope ok =
        Contract.ACTIVITY.read(
            parser, activityJson(CustomerActivity.REFERRAL, n -> {}), "crm.activities", 0, 3, 9);
    assertThat(ok.kind).isEqualTo(Envelope.ACTIVITY);
    assertThat(ok.activity.type).isEqualTo(CustomerActivity.REFERRAL);
    assertThat(ok.eventTime).isEqualTo(Samples.T0.toEpochMilli());

    byte[] bad = activityJson(CustomerActivity.REVIEW, n -> n.put("type", "complaint"));
    Envelope e = Contract.ACTIVITY.read(parser, bad, "crm.activities", 1, 7, 1000);
    assertThat(e.isValid()).isFalse();
    assertThat(e.activity).isNull();
    assertThat(e.eventTime).isEqualTo(Long.MIN_VALUE);
    DeadLetter d = DeadLetters.of(e, Samples.T0);
    assertThat(d.errorCode).isEqualTo("INVALID_VALUE");
    assertThat(d.reason).contains("type must be one of");
    assertThat(d.sourceTopic).isEqualTo("crm.activities");
    assertThat(d.offset).isEqualTo(7);
    assertThat(Base64.getDecoder().decode(d.payloadBase64)).isEqualTo(bad);
  }

  @Test
  void schemaAcceptsWhatTheParserAcceptsAndRefusesTheStructurallyInvalid() throws IOException {
    JsonSchema schema;
    try (InputStream in =
        getClass().getResourceAsStream("/schemas/customer-activity.v1.schema.json")) {
      assertThat(in).isNotNull();
      schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(
                  in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
    for (String type :
        new String[] {
          CustomerActivity.REVIEW, CustomerActivity.REFERRAL, CustomerActivity.SURVEY
        }) {
      assertThat(schema.validate(activityNode(type, n -> {}))).as(type).isEmpty();
    }
    assertThat(schema.validate(activityNode(CustomerActivity.SURVEY, n -> n.remove("channel"))))
        .isEmpty();
    assertThat(schema.validate(activityNode(CustomerActivity.REVIEW, n -> n.remove("activityId"))))
        .isNotEmpty();
    assertThat(schema.validate(activityNode(CustomerActivity.REVIEW, n -> n.put("type", "x"))))
        .isNotEmpty();
    assertThat(schema.validate(activityNode(CustomerActivity.REVIEW, n -> n.put("rating", 6))))
        .isNotEmpty();
    assertThat(schema.validate(activityNode(CustomerActivity.SURVEY, n -> n.put("rating", 3))))
        .isNotEmpty();
    assertThat(
            schema.validate(
                activityNode(
                    CustomerActivity.REVIEW,
                    n -> ((ObjectNode) n.get("customer")).remove("customerId"))))
        .isNotEmpty();
  }
}
