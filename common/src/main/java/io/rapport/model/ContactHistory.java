package io.rapport.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pressure-control state of one customer: when they were last contacted (event time, epoch ms), in
 * time order, and by which alert type. Pruned as it is used; empty means nothing to keep.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class ContactHistory {
  /** Contact times (epoch ms), oldest first; parallel to {@link #types}. */
  public List<Long> times = new ArrayList<>();

  public List<String> types = new ArrayList<>();

  /** Whether each entry was a contact of the customer (internal-only alerts are not). */
  public List<Boolean> contacts = new ArrayList<>();

  public ContactHistory() {}

  public boolean isEmpty() {
    return times.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContactHistory)) {
      return false;
    }
    ContactHistory that = (ContactHistory) o;
    return Objects.equals(times, that.times)
        && Objects.equals(types, that.types)
        && Objects.equals(contacts, that.contacts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(times, types, contacts);
  }

  @Override
  public String toString() {
    return "ContactHistory{times=" + times + ", types=" + types + ", contacts=" + contacts + "}";
  }
}
