package io.rapport.model;

import java.util.Objects;

/**
 * What flows into the identity and profile operators: one CRM record, mention or transaction (the
 * union is explicit so that Flink serializes it as a POJO), with the key it is routed by.
 */
public class ProfileEvent {
  public static final String CUSTOMER = "customer";
  public static final String MENTION = "mention";
  public static final String TRANSACTION = "transaction";

  /** An identifier of a CRM customer: sets who owns the identifier in the identity index. */
  public static final String LINK = "link";

  public String kind;

  /** The key of the operator the event is going to: an identifier, or a profile id. */
  public String key;

  /** Event time, epoch milliseconds. */
  public long time;

  public CustomerRecord customer;
  public EnrichedMention mention;
  public Transaction transaction;

  /** For {@link #LINK}: the customer id the identifier belongs to. */
  public String linkedProfileId;

  public ProfileEvent() {}

  public static ProfileEvent customer(String key, CustomerRecord c) {
    ProfileEvent e = new ProfileEvent();
    e.kind = CUSTOMER;
    e.key = key;
    e.customer = c;
    e.time = c.updatedAt.toEpochMilli();
    return e;
  }

  public static ProfileEvent mention(String key, EnrichedMention m) {
    ProfileEvent e = new ProfileEvent();
    e.kind = MENTION;
    e.key = key;
    e.mention = m;
    e.time = m.mention.time.toEpochMilli();
    return e;
  }

  public static ProfileEvent transaction(String key, Transaction t) {
    ProfileEvent e = new ProfileEvent();
    e.kind = TRANSACTION;
    e.key = key;
    e.transaction = t;
    e.time = t.time.toEpochMilli();
    return e;
  }

  public static ProfileEvent link(String identifier, String customerId, long time) {
    ProfileEvent e = new ProfileEvent();
    e.kind = LINK;
    e.key = identifier;
    e.linkedProfileId = customerId;
    e.time = time;
    return e;
  }

  /** The same event routed to another key. */
  public ProfileEvent withKey(String newKey) {
    ProfileEvent e = new ProfileEvent();
    e.kind = kind;
    e.key = newKey;
    e.time = time;
    e.customer = customer;
    e.mention = mention;
    e.transaction = transaction;
    e.linkedProfileId = linkedProfileId;
    return e;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ProfileEvent)) {
      return false;
    }
    ProfileEvent that = (ProfileEvent) o;
    return time == that.time
        && Objects.equals(kind, that.kind)
        && Objects.equals(key, that.key)
        && Objects.equals(customer, that.customer)
        && Objects.equals(mention, that.mention)
        && Objects.equals(transaction, that.transaction)
        && Objects.equals(linkedProfileId, that.linkedProfileId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, key, time);
  }

  @Override
  public String toString() {
    return "ProfileEvent{" + kind + " -> " + key + " @" + time + "}";
  }
}
