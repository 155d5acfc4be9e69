package io.rapport.model;

import java.util.Objects;

/**
 * One line of a purchase or return.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class LineItem {
  public String sku;
  public String name;
  public String category;
  public int quantity;
  public double unitPrice;

  public LineItem() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LineItem)) {
      return false;
    }
    LineItem that = (LineItem) o;
    return Objects.equals(sku, that.sku)
        && Objects.equals(name, that.name)
        && Objects.equals(category, that.category)
        && quantity == that.quantity
        && Double.compare(unitPrice, that.unitPrice) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sku, name, category, quantity, unitPrice);
  }

  @Override
  public String toString() {
    return "LineItem{sku="
        + sku
        + ", name="
        + name
        + ", category="
        + category
        + ", quantity="
        + quantity
        + ", unitPrice="
        + unitPrice
        + "}";
  }
}
