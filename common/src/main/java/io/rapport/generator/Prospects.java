package io.rapport.generator;

import java.util.SplittableRandom;

/**
 * Social authors who are not customers (prospects), derived from (seed, prospect number). Their
 * handles end in "_" plus a base-36 number, a form no customer handle has.
 */
final class Prospects {
  private static final long SALT = 0x31;
  private static final int MAX_CACHE_BITS = 18;

  static final class Prospect {
    final int p;
    final Market market;
    final Market.City city;
    final String name;
    final String handle;
    final long followers;
    final long following;
    final boolean verified;

    Prospect(
        int p,
        Market market,
        Market.City city,
        String name,
        String handle,
        long followers,
        long following,
        boolean verified) {
      this.p = p;
      this.market = market;
      this.city = city;
      this.name = name;
      this.handle = handle;
      this.followers = followers;
      this.following = following;
      this.verified = verified;
    }
  }

  private final GeneratorConfig config;
  final int pool;
  private final Prospect[] cache;
  private final int mask;

  Prospects(GeneratorConfig config) {
    this.config = config;
    this.pool = (int) Math.min(Integer.MAX_VALUE - 1L, 3L * config.customers);
    int bits = Math.min(MAX_CACHE_BITS, 64 - Long.numberOfLeadingZeros(pool - 1L));
    this.cache = new Prospect[1 << bits];
    this.mask = (1 << bits) - 1;
  }

  /** A prospect for a uniform draw: skewed so that some prospects post much more than others. */
  int pick(double u) {
    return (int) Math.min(pool - 1, (long) (pool * Math.pow(u, 1.6)));
  }

  Prospect get(int p) {
    int slot = p & mask;
    Prospect x = cache[slot];
    if (x != null && x.p == p) {
      return x;
    }
    x = derive(p);
    cache[slot] = x;
    return x;
  }

  private Prospect derive(int p) {
    SplittableRandom r = new SplittableRandom(Hash.of(config.seed, SALT, p));
    Market m = Languages.market(config, r.nextDouble());
    String first;
    String last;
    if (m.english() && r.nextDouble() >= 0.2) {
      first = Customers.pick(r, Names.EN_FIRST);
      last = Customers.pick(r, Names.EN_LAST);
    } else {
      first = Customers.pick(r, m == Market.ES ? Names.ES_FIRST : Names.LATAM_FIRST);
      last = Customers.pick(r, Names.ES_LAST);
    }
    Market.City city = m.city(r.nextDouble());
    String f = Names.ascii(first);
    String l = Names.ascii(last);
    String base;
    switch (r.nextInt(4)) {
      case 0:
        base = f + l;
        break;
      case 1:
        base = l + f;
        break;
      case 2:
        base = f + l.charAt(0);
        break;
      default:
        base = "soy" + f;
    }
    String handle = base + "_" + Integer.toString(p, 36);
    // heavy tail: a few influencers with hundreds of thousands of followers
    long followers = Customers.pareto(r, 150, 0.9, 5_000_000);
    long following = 20 + r.nextInt(2_000);
    boolean verified = followers > 100_000 ? r.nextDouble() < 0.7 : r.nextDouble() < 0.01;
    String name = r.nextDouble() < 0.7 ? first + " " + last : first;
    return new Prospect(p, m, city, name, handle, followers, following, verified);
  }
}
