package io.rapport.model;

import java.util.Objects;

/**
 * A mention that may call for an alert (it has an intent, or it is negative), with the profile it
 * was attributed to: what the mention alert detector reads.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class MentionSignal {
  public String profileId;
  public EnrichedMention mention;
  public ContactProfile contact;

  public MentionSignal() {}

  public MentionSignal(String profileId, EnrichedMention mention, ContactProfile contact) {
    this.profileId = profileId;
    this.mention = mention;
    this.contact = contact;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MentionSignal)) {
      return false;
    }
    MentionSignal that = (MentionSignal) o;
    return Objects.equals(profileId, that.profileId)
        && Objects.equals(mention, that.mention)
        && Objects.equals(contact, that.contact);
  }

  @Override
  public int hashCode() {
    return Objects.hash(profileId, mention);
  }

  @Override
  public String toString() {
    return "MentionSignal{" + profileId + ", " + mention + "}";
  }
}
