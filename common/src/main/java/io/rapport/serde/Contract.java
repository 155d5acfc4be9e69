package io.rapport.serde;

import io.rapport.model.CustomerRecord;
import io.rapport.model.Envelope;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;

/** The three input contracts, and how to read each from raw bytes into an {@link Envelope}. */
public enum Contract {
  MENTION,
  CUSTOMER,
  TRANSACTION;

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
        if (m.isOk()) {
          e.kind = Envelope.MENTION;
          e.mention = m.value();
          e.eventTime = e.mention.time.toEpochMilli();
        }
        result = m;
        break;
      case CUSTOMER:
        ParseResult<CustomerRecord> c = parser.customer(value);
        if (c.isOk()) {
          e.kind = Envelope.CUSTOMER;
          e.customer = c.value();
          e.eventTime = e.customer.updatedAt.toEpochMilli();
        }
        result = c;
        break;
      case TRANSACTION:
        ParseResult<Transaction> t = parser.transaction(value);
        if (t.isOk()) {
          e.kind = Envelope.TRANSACTION;
          e.transaction = t.value();
          e.eventTime = e.transaction.time.toEpochMilli();
        }
        result = t;
        break;
      default:
        throw new IllegalStateException("unknown contract " + this);
    }
    if (!result.isOk()) {
      e.markInvalid(result.error().name(), result.reason(), value);
    }
    return e;
  }
}
