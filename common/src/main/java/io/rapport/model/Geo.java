package io.rapport.model;

import java.util.Objects;

/**
 * Where a social post was made, when known.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class Geo {
  public String country;
  public String city;
  public Double lat;
  public Double lon;

  public Geo() {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Geo)) {
      return false;
    }
    Geo that = (Geo) o;
    return Objects.equals(country, that.country)
        && Objects.equals(city, that.city)
        && Objects.equals(lat, that.lat)
        && Objects.equals(lon, that.lon);
  }

  @Override
  public int hashCode() {
    return Objects.hash(country, city, lat, lon);
  }

  @Override
  public String toString() {
    return "Geo{country=" + country + ", city=" + city + ", lat=" + lat + ", lon=" + lon + "}";
  }
}
