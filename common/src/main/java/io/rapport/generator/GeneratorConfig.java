package io.rapport.generator;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything that shapes the generated world. Two generators with equal configs produce the same
 * record at every index.
 *
 * <p>A plain serializable POJO with public fields and fluent setters, so that a Flink source can
 * ship it to its subtasks. Shares are in [0, 1].
 */
public class GeneratorConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Seed of the whole world. */
  public long seed = 42L;

  /** Number of distinct CRM customers (customer ids {@code C000000 .. C(n-1)}). */
  public int customers = 20_000;

  /** Share of the mentions whose author is a CRM customer (the others are prospects). */
  public double customerAuthorShare = 0.35;

  /** Share of new customer records that duplicate an earlier customer (same identifier). */
  public double duplicateShare = 0.03;

  /** The brand the CRM belongs to. */
  public String brand = "lumen";

  /** The two competitors that mentions also talk about. */
  public String competitor1 = "northwind";

  public String competitor2 = "vela";

  /** Share of records that are malformed (spread over the three topics and the kinds). */
  public double malformedRate = 0.01;

  /** Event time of index 0. */
  public Instant start = Instant.parse("2026-01-05T08:00:00Z");

  /** Mean simulated time between two consecutive records (index i is near start + i * step). */
  public long meanStepMillis = 24_000L;

  /**
   * Each record's event time is {@code start + index * step + j} with {@code |j| <= jitterMillis}:
   * a record is never more than {@code 2 * jitterMillis - step} earlier than any record before it
   * (see {@link #maxOutOfOrdernessMillis()}).
   */
  public long jitterMillis = 15_000L;

  /** Share of customers whose purchase rate decays after a drift point. */
  public double driftingShare = 0.15;

  /**
   * Language mix of customers and mention authors: Spain Spanish, Latin-American Spanish, English.
   */
  public double shareEsEs = 0.40;

  public double shareEsLatam = 0.35;
  public double shareEn = 0.25;

  /** Split of the Latin-American share between Mexico, Colombia and Argentina. */
  public double latamMx = 0.50;

  public double latamCo = 0.25;
  public double latamAr = 0.25;

  public GeneratorConfig() {}

  /** A config with every default. */
  public static GeneratorConfig defaults() {
    return new GeneratorConfig();
  }

  public GeneratorConfig seed(long v) {
    seed = v;
    return this;
  }

  public GeneratorConfig customers(int v) {
    customers = v;
    return this;
  }

  public GeneratorConfig customerAuthorShare(double v) {
    customerAuthorShare = v;
    return this;
  }

  public GeneratorConfig duplicateShare(double v) {
    duplicateShare = v;
    return this;
  }

  public GeneratorConfig brand(String v) {
    brand = v;
    return this;
  }

  public GeneratorConfig competitors(String first, String second) {
    competitor1 = first;
    competitor2 = second;
    return this;
  }

  public GeneratorConfig malformedRate(double v) {
    malformedRate = v;
    return this;
  }

  public GeneratorConfig start(Instant v) {
    start = v;
    return this;
  }

  public GeneratorConfig meanStepMillis(long v) {
    meanStepMillis = v;
    return this;
  }

  public GeneratorConfig jitterMillis(long v) {
    jitterMillis = v;
    return this;
  }

  public GeneratorConfig driftingShare(double v) {
    driftingShare = v;
    return this;
  }

  /** Sets the language mix; the three shares are normalised to sum to one. */
  public GeneratorConfig languages(double esEs, double esLatam, double en) {
    shareEsEs = esEs;
    shareEsLatam = esLatam;
    shareEn = en;
    return this;
  }

  /** Sets the split of the Latin-American share (normalised to sum to one). */
  public GeneratorConfig latam(double mx, double co, double ar) {
    latamMx = mx;
    latamCo = co;
    latamAr = ar;
    return this;
  }

  /** The largest amount by which a record's event time can precede an earlier record's. */
  public long maxOutOfOrdernessMillis() {
    return Math.max(0, 2 * jitterMillis - meanStepMillis);
  }

  /** Throws {@link IllegalArgumentException} when a value is out of range. */
  public GeneratorConfig validate() {
    check(customers >= 16, "customers must be >= 16");
    check(customers <= 100_000_000, "customers must be <= 100000000");
    share(customerAuthorShare, "customerAuthorShare");
    share(duplicateShare, "duplicateShare");
    share(malformedRate, "malformedRate");
    share(driftingShare, "driftingShare");
    share(shareEsEs, "shareEsEs");
    share(shareEsLatam, "shareEsLatam");
    share(shareEn, "shareEn");
    share(latamMx, "latamMx");
    share(latamCo, "latamCo");
    share(latamAr, "latamAr");
    check(shareEsEs + shareEsLatam + shareEn > 0, "language shares must not all be zero");
    check(latamMx + latamCo + latamAr > 0, "latam shares must not all be zero");
    check(meanStepMillis >= 1, "meanStepMillis must be >= 1");
    check(jitterMillis >= 0, "jitterMillis must be >= 0");
    check(start != null, "start must be set");
    for (String b : new String[] {brand, competitor1, competitor2}) {
      check(
          b != null && b.matches("[a-z][a-z0-9]{1,29}"),
          "brand names must match [a-z][a-z0-9]{1,29}: " + b);
    }
    check(
        !brand.equals(competitor1)
            && !brand.equals(competitor2)
            && !competitor1.equals(competitor2),
        "brand and competitors must differ");
    return this;
  }

  private static void share(double v, String name) {
    check(v >= 0 && v <= 1, name + " must be in [0, 1], was " + v);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A copy, so that a caller can change it without changing a running generator. */
  public GeneratorConfig copy() {
    GeneratorConfig c = new GeneratorConfig();
    c.seed = seed;
    c.customers = customers;
    c.customerAuthorShare = customerAuthorShare;
    c.duplicateShare = duplicateShare;
    c.brand = brand;
    c.competitor1 = competitor1;
    c.competitor2 = competitor2;
    c.malformedRate = malformedRate;
    c.start = start;
    c.meanStepMillis = meanStepMillis;
    c.jitterMillis = jitterMillis;
    c.driftingShare = driftingShare;
    c.shareEsEs = shareEsEs;
    c.shareEsLatam = shareEsLatam;
    c.shareEn = shareEn;
    c.latamMx = latamMx;
    c.latamCo = latamCo;
    c.latamAr = latamAr;
    return c;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GeneratorConfig)) {
      return false;
    }
    GeneratorConfig c = (GeneratorConfig) o;
    return seed == c.seed
        && customers == c.customers
        && customerAuthorShare == c.customerAuthorShare
        && duplicateShare == c.duplicateShare
        && Objects.equals(brand, c.brand)
        && Objects.equals(competitor1, c.competitor1)
        && Objects.equals(competitor2, c.competitor2)
        && malformedRate == c.malformedRate
        && Objects.equals(start, c.start)
        && meanStepMillis == c.meanStepMillis
        && jitterMillis == c.jitterMillis
        && driftingShare == c.driftingShare
        && shareEsEs == c.shareEsEs
        && shareEsLatam == c.shareEsLatam
        && shareEn == c.shareEn
        && latamMx == c.latamMx
        && latamCo == c.latamCo
        && latamAr == c.latamAr;
  }

  @Override
  public int hashCode() {
    return Objects.hash(seed, customers, brand, competitor1, competitor2, malformedRate, start);
  }

  @Override
  public String toString() {
    return "GeneratorConfig{seed="
        + seed
        + ", customers="
        + customers
        + ", customerAuthorShare="
        + customerAuthorShare
        + ", duplicateShare="
        + duplicateShare
        + ", brand="
        + brand
        + ", competitors="
        + competitor1
        + "/"
        + competitor2
        + ", malformedRate="
        + malformedRate
        + ", start="
        + start
        + ", meanStepMillis="
        + meanStepMillis
        + ", jitterMillis="
        + jitterMillis
        + ", driftingShare="
        + driftingShare
        + ", languages(es-ES/es-LatAm/en)="
        + shareEsEs
        + "/"
        + shareEsLatam
        + "/"
        + shareEn
        + "}";
  }
}
