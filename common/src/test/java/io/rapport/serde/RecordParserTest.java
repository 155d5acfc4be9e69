package io.rapport.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.model.CustomerRecord;
import io.rapport.model.Envelope;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RecordParserTest {
  private final RecordParser parser = new RecordParser();

  private static byte[] mentionJson(Consumer<ObjectNode> edit) {
    ObjectNode n =
        Json.mapper()
            .valueToTree(Samples.mention("m1", "X ", "@ana", "¡Me encanta! 😍", Samples.T0));
    edit.accept(n);
    return Json.toBytes(n);
  }

  @Test
  void readsAValidMentionAndNormalizesPlatformAndBrand() {
    ParseResult<SocialMention> r = parser.mention(mentionJson(n -> n.put("brand", " Lumen")));
    assertThat(r.isOk()).isTrue();
    assertThat(r.value().platform).isEqualTo("x");
    assertThat(r.value().brand).isEqualTo("lumen");
    assertThat(r.value().text).isEqualTo("¡Me encanta! 😍");
    assertThat(r.value().time).isEqualTo(Samples.T0);
  }

  @Test
  void roundTripsEveryContract() {
    CustomerRecord c = Samples.customer("C1", "a@b.c", "x", "ana");
    Transaction t = Samples.purchase("t1", "C1", 12.5, Samples.T0);
    assertThat(parser.customer(Json.toBytes(c)).value()).isEqualTo(c);
    assertThat(parser.transaction(Json.toBytes(t)).value()).isEqualTo(t);
  }

  @Test
  void brokenJsonIsMalformed() {
    ParseResult<SocialMention> r =
        parser.mention("{\"mentionId\": \"m1\", ".getBytes(StandardCharsets.UTF_8));
    assertThat(r.error()).isEqualTo(ErrorCode.MALFORMED_JSON);
    assertThat(parser.mention(new byte[0]).error()).isEqualTo(ErrorCode.MALFORMED_JSON);
    assertThat(parser.mention("[1,2]".getBytes(StandardCharsets.UTF_8)).error())
        .isEqualTo(ErrorCode.MALFORMED_JSON);
    assertThat(parser.mention("{} {}".getBytes(StandardCharsets.UTF_8)).error())
        .isEqualTo(ErrorCode.MALFORMED_JSON);
  }

  @Test
  void invalidUtf8IsAnEncodingError() {
    byte[] bytes = mentionJson(n -> n.put("text", "caf\u00e9"));
    String s = new String(bytes, StandardCharsets.UTF_8);
    byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1); // é as a lone 0xE9 byte
    ParseResult<SocialMention> r = parser.mention(latin1);
    assertThat(r.error()).isEqualTo(ErrorCode.INVALID_ENCODING);
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    ParseResult<SocialMention> r = parser.mention(mentionJson(n -> n.remove("mentionId")));
    assertThat(r.error()).isEqualTo(ErrorCode.MISSING_FIELD);
    assertThat(r.reason()).contains("mentionId");
    assertThat(parser.mention(mentionJson(n -> n.remove("time"))).reason()).contains("time");
    assertThat(
            parser
                .mention(mentionJson(n -> ((ObjectNode) n.get("author")).remove("handle")))
                .reason())
        .contains("author.handle");
    assertThat(parser.mention(mentionJson(n -> n.remove("schemaVersion"))).error())
        .isEqualTo(ErrorCode.MISSING_FIELD);
  }

  @Test
  void wrongTypesAreRefusedWithTheirPath() {
    ParseResult<SocialMention> r =
        parser.mention(mentionJson(n -> ((ObjectNode) n.get("author")).put("followers", "many")));
    assertThat(r.error()).isEqualTo(ErrorCode.WRONG_TYPE);
    assertThat(r.reason()).contains("author.followers");
    // no silent coercion of numbers in strings, nor of numbers into strings
    assertThat(
            parser
                .mention(mentionJson(n -> ((ObjectNode) n.get("author")).put("followers", "12")))
                .error())
        .isEqualTo(ErrorCode.WRONG_TYPE);
    assertThat(parser.mention(mentionJson(n -> n.put("text", 42))).error())
        .isEqualTo(ErrorCode.WRONG_TYPE);
    assertThat(parser.mention(mentionJson(n -> n.put("time", "yesterday"))).error())
        .isEqualTo(ErrorCode.WRONG_TYPE);
    assertThat(parser.mention(mentionJson(n -> n.put("schemaVersion", "1"))).error())
        .isEqualTo(ErrorCode.WRONG_TYPE);
  }

  @Test
  void oversizedTextAndRecordsAreRefused() {
    ParseResult<SocialMention> r =
        parser.mention(
            mentionJson(n -> n.put("text", "a".repeat(RecordParser.MAX_TEXT_CHARS + 1))));
    assertThat(r.error()).isEqualTo(ErrorCode.OVERSIZED);
    byte[] huge = new byte[RecordParser.MAX_RECORD_BYTES + 1];
    assertThat(parser.mention(huge).error()).isEqualTo(ErrorCode.OVERSIZED);
  }

  @Test
  void unsupportedSchemaVersionIsRefused() {
    ParseResult<SocialMention> r = parser.mention(mentionJson(n -> n.put("schemaVersion", 2)));
    assertThat(r.error()).isEqualTo(ErrorCode.UNSUPPORTED_SCHEMA_VERSION);
  }

  @Test
  void transactionRules() {
    Transaction t = Samples.purchase("t1", "C1", 12.5, Samples.T0);
    t.customer.customerId = null;
    assertThat(parser.transaction(Json.toBytes(t)).error()).isEqualTo(ErrorCode.MISSING_FIELD);
    t.customer.email = "a@b.c";
    assertThat(parser.transaction(Json.toBytes(t)).isOk()).isTrue();
    t.amount = -1;
    assertThat(parser.transaction(Json.toBytes(t)).error()).isEqualTo(ErrorCode.INVALID_VALUE);
    t.amount = 1;
    t.currency = "euro";
    assertThat(parser.transaction(Json.toBytes(t)).reason()).contains("currency");
    t.currency = "EUR";
    t.channel = "pigeon";
    assertThat(parser.transaction(Json.toBytes(t)).reason()).contains("channel");
    t.channel = "web";
    t.type = "gift";
    assertThat(parser.transaction(Json.toBytes(t)).reason()).contains("type");
  }

  @Test
  void customerRules() {
    CustomerRecord c = Samples.customer("C1", "a@b.c", "x", "ana");
    c.op = "delete";
    assertThat(parser.customer(Json.toBytes(c)).error()).isEqualTo(ErrorCode.INVALID_VALUE);
    c.op = "forget";
    c.updatedAt = null;
    assertThat(parser.customer(Json.toBytes(c)).reason()).contains("updatedAt");
  }

  @Test
  void contractReadKeepsOriginalBytesAndSourcePosition() {
    byte[] bad = "not json".getBytes(StandardCharsets.UTF_8);
    Envelope e = Contract.MENTION.read(parser, bad, "social.mentions", 3, 42, 1000);
    assertThat(e.isValid()).isFalse();
    assertThat(e.errorCode).isEqualTo("MALFORMED_JSON");
    assertThat(e.raw).isEqualTo(bad);
    assertThat(e.partition).isEqualTo(3);
    assertThat(e.offset).isEqualTo(42);
    assertThat(e.sourceTimestamp).isEqualTo(1000);
    assertThat(e.eventTime).isEqualTo(Long.MIN_VALUE); // never moves the watermark

    Envelope ok = Contract.MENTION.read(parser, mentionJson(n -> {}), "t", 0, 1, 5);
    assertThat(ok.kind).isEqualTo(Envelope.MENTION);
    assertThat(ok.eventTime).isEqualTo(Samples.T0.toEpochMilli());
  }

  @Test
  void aValidMentionCarriesItsRecordCoordinates() {
    Envelope ok = Contract.MENTION.read(parser, mentionJson(n -> {}), "social.mentions", 2, 17, 9);
    assertThat(ok.mention.sourceTopic).isEqualTo("social.mentions");
    assertThat(ok.mention.sourcePartition).isEqualTo(2);
    assertThat(ok.mention.sourceOffset).isEqualTo(17);
    assertThat(ok.mention.sourceTimestamp).isEqualTo(9);
  }

  @Test
  void recordCoordinatesAreNotPartOfTheMentionJson() {
    SocialMention m = Samples.mention("m1", "x", "@ana", "hola", Samples.T0);
    m.sourceTopic = "social.mentions";
    m.sourcePartition = 2;
    m.sourceOffset = 17;
    m.sourceTimestamp = 9;
    String json = Json.toString(m);
    assertThat(json)
        .doesNotContain("sourceTopic", "sourcePartition", "sourceOffset", "sourceTimestamp");
    // nor can a record claim coordinates of its own
    SocialMention forged =
        parser
            .mention(mentionJson(n -> n.put("sourceTopic", "elsewhere").put("sourcePartition", 5)))
            .value();
    assertThat(forged.sourceTopic).isNull();
    assertThat(forged.sourcePartition).isEqualTo(-1);
    assertThat(forged.sourceOffset).isEqualTo(-1);
  }

  @Test
  void aLateMentionsDeadLetterHasTheCoordinatesOfItsRecord() {
    Envelope ok =
        Contract.MENTION.read(parser, mentionJson(n -> {}), "social.mentions", 2, 17, 1000);
    byte[] json = Json.toBytes(ok.mention);
    var d = DeadLetters.of(ok.mention, "configured", "LATE", "late", json, Samples.T0);
    assertThat(d.sourceTopic).isEqualTo("social.mentions");
    assertThat(d.partition).isEqualTo(2);
    assertThat(d.offset).isEqualTo(17);
    assertThat(d.sourceTimestamp).isEqualTo(1000L);
    assertThat(d.errorCode).isEqualTo("LATE");
    assertThat(java.util.Base64.getDecoder().decode(d.payloadBase64)).isEqualTo(json);
    assertThat(d.payloadSize).isEqualTo(json.length);

    // a mention built in code has no record: the configured topic, no partition or offset
    SocialMention built = Samples.mention("m2", "x", "@ana", "hola", Samples.T0);
    var none = DeadLetters.of(built, "configured", "LATE", "late", json, Samples.T0);
    assertThat(none.sourceTopic).isEqualTo("configured");
    assertThat(none.partition).isEqualTo(-1);
    assertThat(none.offset).isEqualTo(-1);
    assertThat(none.sourceTimestamp).isNull();
  }

  @Test
  void deadLetterCarriesReasonAndOriginalBytes() {
    byte[] bad = {(byte) 0xff, 0x00, 0x41};
    Envelope e = Contract.TRANSACTION.read(parser, bad, "crm.transactions", 1, 7, -1);
    var d = DeadLetters.of(e, Samples.T0);
    assertThat(d.errorCode).isEqualTo("INVALID_ENCODING");
    assertThat(d.sourceTopic).isEqualTo("crm.transactions");
    assertThat(d.offset).isEqualTo(7);
    assertThat(d.sourceTimestamp).isNull();
    assertThat(java.util.Base64.getDecoder().decode(d.payloadBase64)).isEqualTo(bad);
    assertThat(d.payloadSize).isEqualTo(3);
  }
}
