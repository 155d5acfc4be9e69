package io.rapport.generator;

import java.util.List;

/**
 * A country the retail brand sells in: its locale, currency, exchange rate to EUR, cities (with
 * coordinates and time zones) and phone formats. Data facts only.
 */
final class Market {

  /** A city with its coordinates and IANA time zone. */
  static final class City {
    final String name;
    final String code;
    final double lat;
    final double lon;
    final String timeZone;

    City(String name, String code, double lat, double lon, String timeZone) {
      this.name = name;
      this.code = code;
      this.lat = lat;
      this.lon = lon;
      this.timeZone = timeZone;
    }
  }

  final String country;
  final String locale;
  final String currency;

  /** Units of {@link #currency} per EUR (fixed, for the simulation). */
  final double perEur;

  /** Decimals used in prices (0 for COP and ARS). */
  final int decimals;

  final List<City> cities;

  /** Relative size of each city (population-like weights), same order as {@link #cities}. */
  final double[] cityWeights;

  Market(
      String country,
      String locale,
      String currency,
      double perEur,
      int decimals,
      List<City> cities,
      double[] cityWeights) {
    this.country = country;
    this.locale = locale;
    this.currency = currency;
    this.perEur = perEur;
    this.decimals = decimals;
    this.cities = cities;
    this.cityWeights = cityWeights;
  }

  boolean english() {
    return locale.startsWith("en");
  }

  static final Market ES =
      new Market(
          "ES",
          "es-ES",
          "EUR",
          1.0,
          2,
          List.of(
              new City("Madrid", "MAD", 40.4168, -3.7038, "Europe/Madrid"),
              new City("Barcelona", "BCN", 41.3874, 2.1686, "Europe/Madrid"),
              new City("Valencia", "VLC", 39.4699, -0.3763, "Europe/Madrid"),
              new City("Sevilla", "SVQ", 37.3891, -5.9845, "Europe/Madrid"),
              new City("Zaragoza", "ZAZ", 41.6488, -0.8891, "Europe/Madrid"),
              new City("Málaga", "AGP", 36.7213, -4.4214, "Europe/Madrid"),
              new City("Bilbao", "BIO", 43.2630, -2.9350, "Europe/Madrid"),
              new City("Las Palmas de Gran Canaria", "LPA", 28.1235, -15.4363, "Atlantic/Canary")),
          new double[] {33, 16, 8, 7, 7, 6, 4, 4});

  static final Market MX =
      new Market(
          "MX",
          "es-MX",
          "MXN",
          19.5,
          2,
          List.of(
              new City("Ciudad de México", "CDMX", 19.4326, -99.1332, "America/Mexico_City"),
              new City("Guadalajara", "GDL", 20.6597, -103.3496, "America/Mexico_City"),
              new City("Monterrey", "MTY", 25.6866, -100.3161, "America/Monterrey"),
              new City("Puebla", "PUE", 19.0414, -98.2063, "America/Mexico_City"),
              new City("Tijuana", "TIJ", 32.5149, -117.0382, "America/Tijuana"),
              new City("Mérida", "MID", 20.9674, -89.5926, "America/Merida"),
              new City("Cancún", "CUN", 21.1619, -86.8515, "America/Cancun")),
          new double[] {40, 15, 14, 8, 7, 5, 4});

  static final Market CO =
      new Market(
          "CO",
          "es-CO",
          "COP",
          4400,
          0,
          List.of(
              new City("Bogotá", "BOG", 4.7110, -74.0721, "America/Bogota"),
              new City("Medellín", "MDE", 6.2442, -75.5812, "America/Bogota"),
              new City("Cali", "CLO", 3.4516, -76.5320, "America/Bogota"),
              new City("Barranquilla", "BAQ", 10.9685, -74.7813, "America/Bogota"),
              new City("Cartagena", "CTG", 10.3910, -75.4794, "America/Bogota")),
          new double[] {45, 20, 14, 8, 6});

  static final Market AR =
      new Market(
          "AR",
          "es-AR",
          "ARS",
          1100,
          0,
          List.of(
              new City("Buenos Aires", "BUE", -34.6037, -58.3816, "America/Argentina/Buenos_Aires"),
              new City("Córdoba", "COR", -31.4201, -64.1888, "America/Argentina/Cordoba"),
              new City("Rosario", "ROS", -32.9442, -60.6505, "America/Argentina/Cordoba"),
              new City("Mendoza", "MDZ", -32.8895, -68.8458, "America/Argentina/Mendoza"),
              new City("La Plata", "LPG", -34.9214, -57.9545, "America/Argentina/Buenos_Aires")),
          new double[] {50, 14, 12, 8, 6});

  static final Market US =
      new Market(
          "US",
          "en-US",
          "USD",
          1.08,
          2,
          List.of(
              new City("New York", "NYC", 40.7128, -74.0060, "America/New_York"),
              new City("Los Angeles", "LAX", 34.0522, -118.2437, "America/Los_Angeles"),
              new City("Chicago", "CHI", 41.8781, -87.6298, "America/Chicago"),
              new City("Houston", "HOU", 29.7604, -95.3698, "America/Chicago"),
              new City("Miami", "MIA", 25.7617, -80.1918, "America/New_York"),
              new City("San Antonio", "SAT", 29.4241, -98.4936, "America/Chicago"),
              new City("Seattle", "SEA", 47.6062, -122.3321, "America/Los_Angeles")),
          new double[] {30, 18, 14, 10, 10, 8, 8});

  static final Market[] ALL = {ES, MX, CO, AR, US};

  /** Picks a city by weight from a uniform draw in [0, 1). */
  City city(double u) {
    double total = 0;
    for (double w : cityWeights) {
      total += w;
    }
    double x = u * total;
    for (int i = 0; i < cityWeights.length; i++) {
      x -= cityWeights[i];
      if (x < 0) {
        return cities.get(i);
      }
    }
    return cities.get(cities.size() - 1);
  }

  /** Rounds a price in this market's currency to its usual precision. */
  double round(double amount) {
    if (decimals == 0) {
      // COP and ARS prices end in hundreds
      return Math.round(amount / 100.0) * 100.0;
    }
    return Math.round(amount * 100.0) / 100.0;
  }

  /**
   * Fixed exchange rates used by the simulation: units of a currency per EUR. Lets a consumer
   * compare spend across markets ({@code amount / perEur(currency)} is in EUR).
   */
  static double perEur(String currency) {
    for (Market m : ALL) {
      if (m.currency.equals(currency)) {
        return m.perEur;
      }
    }
    return 1.0;
  }
}
