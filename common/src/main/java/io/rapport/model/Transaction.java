package io.rapport.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A purchase or a return (topic {@code crm.transactions}). Amounts are in major units of {@link
 * #currency}; a return has a positive amount and type {@code return}.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class Transaction {
  public int schemaVersion = 1;
  public String transactionId;
  public String type = "purchase";
  public CustomerRef customer;
  public Instant time;
  public double amount;
  public String currency;
  public String channel;
  public String storeId;
  public String city;
  public String country;
  public List<LineItem> items;
  public String originalTransactionId;

  public Transaction() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Transaction)) {
      return false;
    }
    Transaction that = (Transaction) o;
    return schemaVersion == that.schemaVersion
        && Objects.equals(transactionId, that.transactionId)
        && Objects.equals(type, that.type)
        && Objects.equals(customer, that.customer)
        && Objects.equals(time, that.time)
        && Double.compare(amount, that.amount) == 0
        && Objects.equals(currency, that.currency)
        && Objects.equals(channel, that.channel)
        && Objects.equals(storeId, that.storeId)
        && Objects.equals(city, that.city)
        && Objects.equals(country, that.country)
        && Objects.equals(items, that.items)
        && Objects.equals(originalTransactionId, that.originalTransactionId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        schemaVersion,
        transactionId,
        type,
        customer,
        time,
        amount,
        currency,
        channel,
        storeId,
        city,
        country,
        items,
        originalTransactionId);
  }

  @Override
  public String toString() {
    return "Transaction{schemaVersion="
        + schemaVersion
        + ", transactionId="
        + transactionId
        + ", type="
        + type
        + ", customer="
        + customer
        + ", time="
        + time
        + ", amount="
        + amount
        + ", currency="
        + currency
        + ", channel="
        + channel
        + ", storeId="
        + storeId
        + ", city="
        + city
        + ", country="
        + country
        + ", items="
        + items
        + ", originalTransactionId="
        + originalTransactionId
        + "}";
  }
}
