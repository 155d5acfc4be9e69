package io.rapport.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a customer did that earns loyalty points but is not a purchase (topic {@code
 * crm.activities}): wrote a review, referred someone, answered a survey. Names the customer by the
 * same reference as a transaction and carries no other personal data.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class CustomerActivity {
  public static final String REVIEW = "review";
  public static final String REFERRAL = "referral";
  public static final String SURVEY = "survey";

  public int schemaVersion = 1;

  /** Unique per activity: the deduplication key. */
  public String activityId;

  /** {@link #REVIEW}, {@link #REFERRAL} or {@link #SURVEY}. */
  public String type;

  public CustomerRef customer;

  /** When the customer did it (event time). */
  public Instant time;

  /** Optional: where (store, web, app, phone). */
  public String channel;

  /** Optional, reviews only: 1 to 5 stars. */
  public Integer rating;

  public CustomerActivity() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CustomerActivity)) {
      return false;
    }
    CustomerActivity that = (CustomerActivity) o;
    return schemaVersion == that.schemaVersion
        && Objects.equals(activityId, that.activityId)
        && Objects.equals(type, that.type)
        && Objects.equals(customer, that.customer)
        && Objects.equals(time, that.time)
        && Objects.equals(channel, that.channel)
        && Objects.equals(rating, that.rating);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schemaVersion, activityId, type, customer, time, channel, rating);
  }

  @Override
  public String toString() {
    return "CustomerActivity{activityId="
        + activityId
        + ", type="
        + type
        + ", customer="
        + customer
        + ", time="
        + time
        + ", channel="
        + channel
        + ", rating="
        + rating
        + "}";
  }
}
