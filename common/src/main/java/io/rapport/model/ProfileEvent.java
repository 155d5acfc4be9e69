package io.rapport.model;

import java.util.List;
import java.util.Objects;

/**
 * What flows into the identity and profile operators: one CRM record, mention, transaction or
 * activity (the union is explicit so that Flink serializes it as a POJO), with the key it is routed
 * by.
 */
public class ProfileEvent {
  public static final String CUSTOMER = "customer";
  public static final String MENTION = "mention";
  public static final String TRANSACTION = "transaction";
  public static final String ACTIVITY = "activity";

  /** An identifier of a CRM customer: sets who owns the identifier in the identity index. */
  public static final String LINK = "link";

  /**
   * A CRM upsert's identifiers, for the merge registry (key: the registry's single key); {@link
   * #linkedProfileId} is the customer, {@link #identifiers} the record's identifiers.
   */
  public static final String CLAIM = "claim";

  /**
   * An identifier claimed by a profile while another profile owns it: a merge candidate for the
   * registry. {@link #identifier} the contested identifier, {@link #otherProfileId} its owner,
   * {@link #linkedProfileId} the claimant, {@link #identifiers} the claimant record's identifiers.
   */
  public static final String CONFLICT = "conflict";

  /** To a profile id ({@link #key}): its survivor is now {@link #linkedProfileId}. */
  public static final String REROOT = "reroot";

  /**
   * To a survivor: the whole own history ({@link #profile}) of the profile {@link #otherProfileId},
   * to fold in once.
   */
  public static final String FOLD = "fold";

  /** To a profile that was a survivor: it has been merged into {@link #linkedProfileId}. */
  public static final String ABSORBED = "absorbed";

  /**
   * Erase the person: to the registry (key: the registry key, {@link #linkedProfileId} the
   * customer), then to each profile of the person ({@link #linkedProfileId} the survivor).
   */
  public static final String FORGET = "forget";

  /**
   * To the identity index (key: an identifier): the customer {@link #linkedProfileId} was
   * forgotten; the identifier no longer belongs to anyone.
   */
  public static final String UNLINK = "unlink";

  public String kind;

  /** The key of the operator the event is going to: an identifier, or a profile id. */
  public String key;

  /** Event time, epoch milliseconds. */
  public long time;

  public CustomerRecord customer;
  public EnrichedMention mention;
  public Transaction transaction;
  public CustomerActivity activity;

  /** For {@link #LINK}: the customer id the identifier belongs to. */
  public String linkedProfileId;

  /** For {@link #CONFLICT}: the contested identifier. */
  public String identifier;

  /** For {@link #CONFLICT}: the identifier's current owner; for {@link #FOLD}: the folded id. */
  public String otherProfileId;

  /** For {@link #CLAIM} and {@link #CONFLICT}: all identifiers of the CRM record. */
  public List<String> identifiers;

  /** For {@link #FOLD}: the folded profile's own history. */
  public CustomerProfile profile;

  /**
   * For {@link #FOLD} with scoring on: the score inputs of the folded profile's own history (null
   * with scoring off).
   */
  public io.rapport.scoring.ScoreState scores;

  public ProfileEvent() {}

  public static ProfileEvent claim(
      String key, String customerId, List<String> identifiers, long time) {
    ProfileEvent e = new ProfileEvent();
    e.kind = CLAIM;
    e.key = key;
    e.linkedProfileId = customerId;
    e.identifiers = identifiers;
    e.time = time;
    return e;
  }

  public static ProfileEvent conflict(
      String key,
      String identifier,
      String owner,
      String claimant,
      List<String> identifiers,
      long time) {
    ProfileEvent e = claim(key, claimant, identifiers, time);
    e.kind = CONFLICT;
    e.identifier = identifier;
    e.otherProfileId = owner;
    return e;
  }

  /** {@code kind} is {@link #REROOT}, {@link #ABSORBED} or {@link #FORGET}. */
  public static ProfileEvent control(String kind, String key, String survivor, long time) {
    ProfileEvent e = new ProfileEvent();
    e.kind = kind;
    e.key = key;
    e.linkedProfileId = survivor;
    e.time = time;
    return e;
  }

  public static ProfileEvent fold(
      String survivor, String foldedId, CustomerProfile profile, long time) {
    ProfileEvent e = new ProfileEvent();
    e.kind = FOLD;
    e.key = survivor;
    e.otherProfileId = foldedId;
    e.profile = profile;
    e.time = time;
    return e;
  }

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

  public static ProfileEvent activity(String key, CustomerActivity a) {
    ProfileEvent e = new ProfileEvent();
    e.kind = ACTIVITY;
    e.key = key;
    e.activity = a;
    e.time = a.time.toEpochMilli();
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

  /** The identity index forgets that {@code identifier} belonged to {@code customerId}. */
  public static ProfileEvent unlink(String identifier, String customerId, long time) {
    ProfileEvent e = link(identifier, customerId, time);
    e.kind = UNLINK;
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
    e.activity = activity;
    e.linkedProfileId = linkedProfileId;
    e.identifier = identifier;
    e.otherProfileId = otherProfileId;
    e.identifiers = identifiers;
    e.profile = profile;
    e.scores = scores;
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
        && Objects.equals(activity, that.activity)
        && Objects.equals(linkedProfileId, that.linkedProfileId)
        && Objects.equals(identifier, that.identifier)
        && Objects.equals(otherProfileId, that.otherProfileId)
        && Objects.equals(identifiers, that.identifiers)
        && Objects.equals(profile, that.profile)
        && Objects.equals(scores, that.scores);
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
