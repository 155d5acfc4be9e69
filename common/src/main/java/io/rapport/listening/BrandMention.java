package io.rapport.listening;

import io.rapport.model.EnrichedMention;
import java.util.Objects;

/**
 * An enriched mention attributed to one tracked brand (a mention about two brands becomes two).
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class BrandMention {
  public String brand;
  public EnrichedMention mention;

  public BrandMention() {}

  public BrandMention(String brand, EnrichedMention mention) {
    this.brand = brand;
    this.mention = mention;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BrandMention)) {
      return false;
    }
    BrandMention that = (BrandMention) o;
    return Objects.equals(brand, that.brand) && Objects.equals(mention, that.mention);
  }

  @Override
  public int hashCode() {
    return Objects.hash(brand, mention);
  }

  @Override
  public String toString() {
    return "BrandMention{" + brand + ", " + mention + "}";
  }
}
