package io.rapport.serde;

import io.rapport.model.AlertStatus;
import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerRecord;
import io.rapport.model.Envelope;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;

/** The input contracts, and how to read each from raw bytes into an {@link Envelope}. */
public enum Contract {
  MENTION,
  CUSTOMER,
  TRANSACTION,
  ALERT_STATUS,
  ACTIVITY;

  /**
   * Reads one record. Never throws on bad data: an invalid record becomes an envelope of kind
   * {@link Envelope#INVALID} carrying the error, the reason and the original bytes.
   */
  public Envelope read(
      RecordParser parser,
      byte[] value,
      String topic,
      int partition,
      long offset,
      long sourceTimestamp) {
    Envelope e = new Envelope();
    e.sourceTopic = topic;
    e.partition = partition;
    e.offset = offset;
    e.sourceTimestamp = sourceTimestamp;
    // Kept until the first operator has routed the record (a later refusal can still
    // dead-letter the original bytes); dropped from valid records there.
    e.raw = value;
    ParseResult<?> result;
    switch (this) {
      case MENTION:
        ParseResult<SocialMention> m = parser.mention(value);
        result = m;
        if (m.isOk()) {
          e.mention = m.value();
          // where the original record lives, for a dead letter after parsing (e.g. LATE)
          e.mention.sourceTopic = topic;
          e.mention.sourcePartition = partition;
          e.mention.sourceOffset = offset;
          e.mention.sourceTimestamp = sourceTimestamp;
          accept(e, Envelope.MENTION, e.mention.time);
        }
        break;
      case CUSTOMER:
        ParseResult<CustomerRecord> c = parser.customer(value);
        result = c;
        if (c.isOk()) {
          e.customer = c.value();
          accept(e, Envelope.CUSTOMER, e.customer.updatedAt);
        }
        break;
      case TRANSACTION:
        ParseResult<Transaction> t = parser.transaction(value);
        result = t;
        if (t.isOk()) {
          e.transaction = t.value();
          accept(e, Envelope.TRANSACTION, e.transaction.time);
        }
        break;
      case ALERT_STATUS:
        ParseResult<AlertStatus> st = parser.alertStatus(value);
        result = st;
        if (st.isOk()) {
          e.alertStatus = st.value();
          accept(e, Envelope.ALERT_STATUS, e.alertStatus.at);
        }
        break;
      case ACTIVITY:
        ParseResult<CustomerActivity> a = parser.activity(value);
        result = a;
        if (a.isOk()) {
          e.activity = a.value();
          accept(e, Envelope.ACTIVITY, e.activity.time);
        }
        break;
      default:
        throw new IllegalStateException("unknown contract " + this);
    }
    if (!result.isOk()) {
      e.markInvalid(result.error().name(), result.reason(), value);
    }
    return e;
  }

  private static void accept(Envelope e, String kind, java.time.Instant eventTime) {
    e.kind = kind;
    e.eventTime = eventTime.toEpochMilli();
  }
}
