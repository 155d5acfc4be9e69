package io.rapport.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.rapport.model.AlertStatus;
import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerRecord;
import io.rapport.model.CustomerRef;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and validates the input contracts from their raw Kafka bytes. Every failure is a {@link
 * ParseResult} with an {@link ErrorCode} and a reason; nothing here throws on bad data. Instances
 * are stateless and thread-safe.
 */
public final class RecordParser {

  /** The schema version this build reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  /** Largest accepted record, in bytes. */
  public static final int MAX_RECORD_BYTES = 256 * 1024;

  /** Largest accepted mention text, in characters. */
  public static final int MAX_TEXT_CHARS = 10_000;

  /** Schema version of a record not yet read (the field's value when a record lacks it). */
  private static final int UNSET = Integer.MIN_VALUE;

  private static final Set<String> CUSTOMER_OPS =
      Set.of(CustomerRecord.OP_UPSERT, CustomerRecord.OP_FORGET);
  private static final Set<String> TRANSACTION_TYPES = Set.of("purchase", "return");
  private static final Set<String> CHANNELS = Set.of("store", "web", "app", "phone");
  private static final Set<String> ACTIVITY_TYPES =
      Set.of(CustomerActivity.REVIEW, CustomerActivity.REFERRAL, CustomerActivity.SURVEY);

  private final ObjectMapper mapper = Json.mapper();

  public ParseResult<SocialMention> mention(byte[] bytes) {
    SocialMention blank = new SocialMention();
    blank.schemaVersion = UNSET;
    ParseResult<SocialMention> read = read(bytes, SocialMention.class, blank, x -> x.schemaVersion);
    if (!read.isOk()) {
      return read;
    }
    SocialMention m = read.value();
    String missing =
        firstMissing(
            "mentionId", m.mentionId,
            "platform", m.platform,
            "author.handle", m.author == null ? null : m.author.handle,
            "brand", m.brand);
    if (missing != null) {
      return missing(missing);
    }
    if (m.text == null) {
      return missing("text");
    }
    if (m.time == null) {
      return missing("time");
    }
    if (m.text.length() > MAX_TEXT_CHARS) {
      return ParseResult.failed(
          ErrorCode.OVERSIZED,
          "text has " + m.text.length() + " characters; at most " + MAX_TEXT_CHARS);
    }
    if (m.author.followers < 0 || m.author.following < 0) {
      return invalid("author.followers and author.following must not be negative");
    }
    if (m.engagement != null
        && (m.engagement.likes < 0
            || m.engagement.replies < 0
            || m.engagement.reposts < 0
            || m.engagement.quotes < 0
            || m.engagement.views < 0)) {
      return invalid("engagement counts must not be negative");
    }
    m.platform = m.platform.trim().toLowerCase(Locale.ROOT);
    m.brand = m.brand.trim().toLowerCase(Locale.ROOT);
    return ParseResult.ok(m);
  }

  /** A status change of an alert ({@code rapport.alert-status}). */
  public ParseResult<AlertStatus> alertStatus(byte[] bytes) {
    ParseResult<JsonNode> tree = tree(bytes);
    if (!tree.isOk()) {
      return ParseResult.failed(tree.error(), tree.reason());
    }
    ParseResult<AlertStatus> read = bind(tree.value(), AlertStatus.class);
    if (!read.isOk()) {
      return read;
    }
    AlertStatus s = read.value();
    String missing = firstMissing("alertId", s.alertId, "status", s.status, "by", s.by);
    if (missing != null) {
      return missing(missing);
    }
    if (s.at == null) {
      return missing("at");
    }
    if (AlertStatus.rank(s.status) == 0) {
      return invalid("status must be acknowledged or resolved, was " + quote(s.status));
    }
    if (s.note != null && s.note.length() > 2000) {
      return ParseResult.failed(
          ErrorCode.OVERSIZED, "note has " + s.note.length() + " characters; at most 2000");
    }
    if (s.responseSeconds != null && s.responseSeconds < 0) {
      return invalid("responseSeconds must not be negative, was " + s.responseSeconds);
    }
    return ParseResult.ok(s);
  }

  public ParseResult<CustomerRecord> customer(byte[] bytes) {
    CustomerRecord blank = new CustomerRecord();
    blank.schemaVersion = UNSET;
    ParseResult<CustomerRecord> read =
        read(bytes, CustomerRecord.class, blank, x -> x.schemaVersion);
    if (!read.isOk()) {
      return read;
    }
    CustomerRecord c = read.value();
    if (isBlank(c.customerId)) {
      return missing("customerId");
    }
    if (c.op == null || !CUSTOMER_OPS.contains(c.op)) {
      return invalid("op must be one of " + CUSTOMER_OPS + ", was " + quote(c.op));
    }
    if (c.updatedAt == null) {
      return missing("updatedAt");
    }
    return ParseResult.ok(c);
  }

  public ParseResult<Transaction> transaction(byte[] bytes) {
    Transaction blank = new Transaction();
    blank.schemaVersion = UNSET;
    ParseResult<Transaction> read = read(bytes, Transaction.class, blank, x -> x.schemaVersion);
    if (!read.isOk()) {
      return read;
    }
    Transaction t = read.value();
    if (isBlank(t.transactionId)) {
      return missing("transactionId");
    }
    CustomerRef ref = t.customer;
    if (ref == null
        || (isBlank(ref.customerId) && isBlank(ref.loyaltyCard) && isBlank(ref.email))) {
      return missing("customer (customerId, loyaltyCard or email)");
    }
    if (t.time == null) {
      return missing("time");
    }
    if (t.type == null || !TRANSACTION_TYPES.contains(t.type)) {
      return invalid("type must be one of " + TRANSACTION_TYPES + ", was " + quote(t.type));
    }
    if (!Double.isFinite(t.amount) || t.amount < 0) {
      return invalid("amount must be a finite number >= 0, was " + t.amount);
    }
    if (t.currency == null || !t.currency.matches("[A-Z]{3}")) {
      return invalid("currency must be an ISO 4217 code such as EUR, was " + quote(t.currency));
    }
    if (t.channel == null || !CHANNELS.contains(t.channel)) {
      return invalid("channel must be one of " + CHANNELS + ", was " + quote(t.channel));
    }
    return ParseResult.ok(t);
  }

  /** A review, referral or survey answer of a customer ({@code crm.activities}). */
  public ParseResult<CustomerActivity> activity(byte[] bytes) {
    CustomerActivity blank = new CustomerActivity();
    blank.schemaVersion = UNSET;
    ParseResult<CustomerActivity> read =
        read(bytes, CustomerActivity.class, blank, x -> x.schemaVersion);
    if (!read.isOk()) {
      return read;
    }
    CustomerActivity a = read.value();
    if (isBlank(a.activityId)) {
      return missing("activityId");
    }
    if (isBlank(a.type)) {
      return missing("type");
    }
    CustomerRef ref = a.customer;
    if (ref == null
        || (isBlank(ref.customerId) && isBlank(ref.loyaltyCard) && isBlank(ref.email))) {
      return missing("customer (customerId, loyaltyCard or email)");
    }
    if (a.time == null) {
      return missing("time");
    }
    if (!ACTIVITY_TYPES.contains(a.type)) {
      return invalid("type must be one of " + ACTIVITY_TYPES + ", was " + quote(a.type));
    }
    if (a.channel != null && !CHANNELS.contains(a.channel)) {
      return invalid("channel must be one of " + CHANNELS + " or absent, was " + quote(a.channel));
    }
    if (a.rating != null) {
      if (!CustomerActivity.REVIEW.equals(a.type)) {
        return invalid("rating is for reviews only, this activity is a " + a.type);
      }
      if (a.rating < 1 || a.rating > 5) {
        return invalid("rating must be 1 to 5, was " + a.rating);
      }
    }
    return ParseResult.ok(a);
  }

  /**
   * Binds a record in one pass straight into {@code blank} (whose schema version is {@link
   * #UNSET}); a record that fails, or has no or another schema version, is read again through a
   * tree so that its error is exactly named (the slow path is for bad records only).
   */
  private <T> ParseResult<T> read(
      byte[] bytes, Class<T> type, T blank, java.util.function.ToIntFunction<T> version) {
    ParseResult<JsonNode> checked = precheck(bytes);
    if (checked != null) {
      return ParseResult.failed(checked.error(), checked.reason());
    }
    try {
      T value = mapper.readerForUpdating(blank).readValue(bytes);
      if (value != null && version.applyAsInt(value) == SCHEMA_VERSION) {
        return ParseResult.ok(value);
      }
    } catch (IOException | IllegalArgumentException e) {
      // named by the slow path below
    }
    ParseResult<JsonNode> tree = tree(bytes);
    if (!tree.isOk()) {
      return ParseResult.failed(tree.error(), tree.reason());
    }
    return bind(tree.value(), type);
  }

  /** Size and encoding checks; null when the bytes may be parsed. */
  private static ParseResult<JsonNode> precheck(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return ParseResult.failed(ErrorCode.MALFORMED_JSON, "empty record");
    }
    if (bytes.length > MAX_RECORD_BYTES) {
      return ParseResult.failed(
          ErrorCode.OVERSIZED,
          "record has " + bytes.length + " bytes; at most " + MAX_RECORD_BYTES);
    }
    if (!isUtf8(bytes)) {
      return ParseResult.failed(ErrorCode.INVALID_ENCODING, "record is not valid UTF-8");
    }
    return null;
  }

  private ParseResult<JsonNode> tree(byte[] bytes) {
    ParseResult<JsonNode> checked = precheck(bytes);
    if (checked != null) {
      return checked;
    }
    JsonNode node;
    try {
      node = mapper.readTree(bytes);
    } catch (IOException e) {
      return ParseResult.failed(ErrorCode.MALFORMED_JSON, "not valid JSON: " + firstLine(e));
    }
    if (node == null || !node.isObject()) {
      return ParseResult.failed(ErrorCode.MALFORMED_JSON, "not a JSON object");
    }
    JsonNode version = node.get("schemaVersion");
    if (version == null || version.isNull()) {
      return ParseResult.failed(ErrorCode.MISSING_FIELD, "missing field: schemaVersion");
    }
    if (!version.isInt()) {
      return ParseResult.failed(ErrorCode.WRONG_TYPE, "schemaVersion must be an integer");
    }
    if (version.intValue() != SCHEMA_VERSION) {
      return ParseResult.failed(
          ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
          "schemaVersion "
              + version.intValue()
              + " is not supported; this build reads "
              + SCHEMA_VERSION);
    }
    return ParseResult.ok(node);
  }

  private <T> ParseResult<T> bind(JsonNode node, Class<T> type) {
    try {
      return ParseResult.ok(mapper.treeToValue(node, type));
    } catch (MismatchedInputException e) {
      return ParseResult.failed(
          ErrorCode.WRONG_TYPE, "wrong type at " + path(e) + ": " + firstLine(e));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return ParseResult.failed(ErrorCode.INVALID_VALUE, firstLine(e));
    }
  }

  private static String path(MismatchedInputException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "(root)" : sb.toString();
  }

  private static boolean isUtf8(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return strictUtf8(bytes); // only non-ASCII records pay for the full check
      }
    }
    return true;
  }

  private static boolean strictUtf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      decoder.decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String firstLine(Exception e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = msg.indexOf('\n');
    String line = nl < 0 ? msg : msg.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static <T> ParseResult<T> missing(String field) {
    return ParseResult.failed(ErrorCode.MISSING_FIELD, "missing field: " + field);
  }

  private static <T> ParseResult<T> invalid(String reason) {
    return ParseResult.failed(ErrorCode.INVALID_VALUE, reason);
  }

  private static String firstMissing(String... namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (isBlank(namesAndValues[i + 1])) {
        return namesAndValues[i];
      }
    }
    return null;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
