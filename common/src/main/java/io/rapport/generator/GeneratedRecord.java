package io.rapport.generator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One generated Kafka record: where it goes, its key and value bytes exactly as a producer sends
 * them, its event time, and (for tests) what it is meant to be.
 *
 * <p>A plain POJO with public fields.
 */
public class GeneratedRecord {
  /** Topic of CRM customer records. */
  public static final String TOPIC_CUSTOMERS = "crm.customers";

  /** Topic of purchases and returns. */
  public static final String TOPIC_TRANSACTIONS = "crm.transactions";

  /** Topic of social mentions. */
  public static final String TOPIC_MENTIONS = "social.mentions";

  /** The three input topics, in a fixed order. */
  public static final List<String> TOPICS =
      List.of(TOPIC_CUSTOMERS, TOPIC_TRANSACTIONS, TOPIC_MENTIONS);

  /** Intended sentiment values. */
  public static final String POSITIVE = "pos";

  public static final String NEGATIVE = "neg";
  public static final String NEUTRAL = "neu";

  /** Index this record was generated for. */
  public long index;

  /** One of {@link #TOPICS}. */
  public String topic;

  /** Record key (customer id, transaction id or mention id), UTF-8. */
  public byte[] key;

  /** Record value: the JSON bytes (malformed ones included). */
  public byte[] value;

  /** Event time, epoch milliseconds: the Kafka record timestamp. */
  public long eventTimeMillis;

  /** What the record is: see {@link RecordKind}. */
  public RecordKind kind;

  /** {@code null} when valid; otherwise the {@link MalformedKind} name. */
  public String malformedKind;

  /** {@code null} when valid; otherwise the {@code ErrorCode} name the parser must give. */
  public String expectedError;

  /**
   * The customer behind the record, when there is one: the customer of a CRM record or transaction,
   * or the author of a mention when the author is a customer; {@code null} for prospects. (The true
   * customer id, even when the record itself refers to them by card or email.)
   */
  public String customerId;

  /**
   * Mentions only: the sentiment the text was written with ({@code pos}, {@code neg}, {@code neu}).
   */
  public String intendedSentiment;

  /**
   * Mentions only: the intents the text was written with (a subset of {@link MentionIntent} names
   * in lower case, e.g. {@code complaint}, {@code churn_threat}); empty when none.
   */
  public List<String> intendedIntents;

  /** Mentions only: the language the text was written in ({@code es-ES}, {@code es-MX}, ...). */
  public String locale;

  /**
   * True when the record belongs to a scripted scenario (see {@link RapportGenerator#scenario()}).
   */
  public boolean scenario;

  public GeneratedRecord() {}

  public boolean isValid() {
    return malformedKind == null;
  }

  /** The key as a string. */
  public String keyString() {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }

  /** The value as a string (lossy for malformed encodings). */
  public String valueString() {
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GeneratedRecord)) {
      return false;
    }
    GeneratedRecord that = (GeneratedRecord) o;
    return index == that.index
        && eventTimeMillis == that.eventTimeMillis
        && scenario == that.scenario
        && Objects.equals(topic, that.topic)
        && Arrays.equals(key, that.key)
        && Arrays.equals(value, that.value)
        && kind == that.kind
        && Objects.equals(malformedKind, that.malformedKind)
        && Objects.equals(expectedError, that.expectedError)
        && Objects.equals(customerId, that.customerId)
        && Objects.equals(intendedSentiment, that.intendedSentiment)
        && Objects.equals(intendedIntents, that.intendedIntents)
        && Objects.equals(locale, that.locale);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, topic, Arrays.hashCode(value), eventTimeMillis);
  }

  @Override
  public String toString() {
    return "GeneratedRecord{index="
        + index
        + ", topic="
        + topic
        + ", kind="
        + kind
        + ", key="
        + keyString()
        + ", eventTimeMillis="
        + eventTimeMillis
        + (malformedKind == null ? "" : ", malformedKind=" + malformedKind)
        + (customerId == null ? "" : ", customerId=" + customerId)
        + (intendedSentiment == null
            ? ""
            : ", sentiment=" + intendedSentiment + ", intents=" + intendedIntents)
        + ", value="
        + (value == null
            ? null
            : value.length > 400 ? valueString().substring(0, 400) + "…" : valueString())
        + "}";
  }
}
