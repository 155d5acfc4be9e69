package io.rapport.scoring;

import java.util.Objects;

/** One purchase as the CLV model fit needs it: who, which day (epoch day, UTC), how much. */
public class ModelPurchase {
  public String customerId;
  public long epochDay;
  public double amount;

  public ModelPurchase() {}

  public ModelPurchase(String customerId, long epochDay, double amount) {
    this.customerId = customerId;
    this.epochDay = epochDay;
    this.amount = amount;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ModelPurchase)) {
      return false;
    }
    ModelPurchase p = (ModelPurchase) o;
    return epochDay == p.epochDay
        && Double.compare(amount, p.amount) == 0
        && Objects.equals(customerId, p.customerId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerId, epochDay, amount);
  }

  @Override
  public String toString() {
    return "ModelPurchase{" + customerId + ", day " + epochDay + ", " + amount + "}";
  }
}
