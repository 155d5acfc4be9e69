package io.rapport.generator;

import io.rapport.model.Consent;
import io.rapport.model.CustomerRecord;
import io.rapport.model.SocialAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Derives customer profiles from (seed, customer number) and writes their CRM records. Pure: a
 * small direct-mapped cache only avoids recomputing profiles (a profile is immutable, and a race at
 * worst recomputes an equal one).
 */
final class Customers {
  private static final long SALT_PROFILE = 0x11;
  private static final long SALT_UPDATE = 0x12;
  private static final int MAX_CACHE_BITS = 17;

  static final String[] SOCIAL_PLATFORMS = {"x", "instagram", "tiktok", "facebook", "youtube"};
  private static final double[] SOCIAL_WEIGHTS = {0.32, 0.30, 0.18, 0.14, 0.06};

  private final GeneratorConfig config;
  private final Layout layout;
  private final long seed;
  private final int idDigits;
  private final CustomerProfile[] cache;
  private final int mask;

  Customers(GeneratorConfig config, Layout layout) {
    this.config = config;
    this.layout = layout;
    this.seed = config.seed;
    this.idDigits = Math.max(6, Integer.toString(config.customers - 1).length());
    int bits = Math.min(MAX_CACHE_BITS, 64 - Long.numberOfLeadingZeros(config.customers - 1L));
    this.cache = new CustomerProfile[1 << bits];
    this.mask = (1 << bits) - 1;
  }

  /** "C000123". */
  String id(int k) {
    return "C" + pad(k, idDigits);
  }

  static String pad(long v, int width) {
    String s = Long.toString(v);
    if (s.length() >= width) {
      return s;
    }
    StringBuilder sb = new StringBuilder(width);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s).toString();
  }

  CustomerProfile profile(int k) {
    int slot = k & mask;
    CustomerProfile p = cache[slot];
    if (p != null && p.k == k) {
      return p;
    }
    p = derive(k);
    cache[slot] = p;
    return p;
  }

  /** Tier by customer number: a seed-dependent rotation of k mod 10 (one in ten is HIGH). */
  int tier(int k) {
    int r = (int) Math.floorMod(k + layout.tierRotation, 10);
    return r == 0 ? CustomerProfile.HIGH : r <= 3 ? CustomerProfile.MEDIUM : CustomerProfile.LOW;
  }

  private CustomerProfile derive(int k) {
    SplittableRandom r = new SplittableRandom(Hash.of(seed, SALT_PROFILE, k));
    Scenario.Actor actor = Scenario.actor(k);
    boolean scenario = actor != null;

    Market market = scenario ? actor.market : Languages.market(config, r.nextDouble());
    int tier = scenario ? CustomerProfile.HIGH : tier(k);

    // a duplicate: a second CRM record of the same person, under another customer id
    int dupOf = -1;
    double dupDraw = r.nextDouble();
    int dupPick = r.nextInt(1 << 30);
    if (!scenario && k >= 16 && dupDraw < config.duplicateShare) {
      dupOf = dupPick % k;
      CustomerProfile orig = profile(dupOf);
      if (orig.duplicateOf >= 0) {
        dupOf = orig.duplicateOf;
      }
    }
    if (dupOf >= 0) {
      return duplicate(k, profile(dupOf), r);
    }

    String first;
    String last;
    String last2 = null;
    if (market.english() && r.nextDouble() >= 0.2) {
      first = pick(r, Names.EN_FIRST);
      last = pick(r, Names.EN_LAST);
    } else {
      first = pick(r, market == Market.ES ? Names.ES_FIRST : Names.LATAM_FIRST);
      last = pick(r, Names.ES_LAST);
      if (!market.english() && r.nextDouble() < 0.6) {
        last2 = pick(r, Names.ES_LAST);
      }
    }
    if (scenario) {
      first = actor.firstName;
      last = actor.lastName;
      last2 = null;
    }
    String fullName = last2 == null ? first + " " + last : first + " " + last + " " + last2;
    Market.City city = scenario ? actor.city : market.city(r.nextDouble());
    String f = Names.ascii(first);
    String l = Names.ascii(last);
    String num = Integer.toString(k);

    String email = emailLocal(f, l, num, r.nextInt(5)) + "@" + domain(market, r);
    String email2 = null;
    if (r.nextDouble() < 0.25) {
      email2 = f.charAt(0) + l + num + "@" + secondaryDomain(market, r);
    }
    if (r.nextDouble() < 0.12) {
      email = caseVariant(email, r);
    }
    String phone = r.nextDouble() < 0.85 || scenario ? phoneNational(market, city, k) : null;
    String card = r.nextDouble() < 0.6 || scenario ? card(k) : null;

    List<String[]> socials = new ArrayList<>(2);
    double sd = r.nextDouble();
    if (scenario) {
      socials.add(new String[] {"x", actor.handle});
    } else if (sd < 0.55) {
      String handle = handle(f, l, num, r.nextInt(4));
      String p1 = pickWeighted(r, SOCIAL_PLATFORMS, SOCIAL_WEIGHTS);
      socials.add(new String[] {p1, handle});
      if (sd < 0.18) {
        String p2 = pickWeighted(r, SOCIAL_PLATFORMS, SOCIAL_WEIGHTS);
        if (!p2.equals(p1)) {
          String h2 = r.nextBoolean() ? handle : handle(f, l, num, r.nextInt(4));
          socials.add(new String[] {p2, h2});
        }
      }
    }
    boolean[] consent = {
      r.nextDouble() < 0.7, r.nextDouble() < 0.4, r.nextDouble() < 0.25, r.nextDouble() < 0.5
    };
    double[] range = cadenceRange(tier);
    double days = range[0] + (range[1] - range[0]) * r.nextDouble();
    boolean drifting = !scenario && r.nextDouble() < config.driftingShare;
    long created = layout.creationTimeMillis(k);
    long driftAt = created + config.meanStepMillis * (20_000L + r.nextInt(100_000));
    long forgetBlock = -1;
    if (!scenario && r.nextDouble() < Layout.FORGET_SHARE) {
      forgetBlock = layout.creationBlock(k) + Layout.FORGET_DELAY_BLOCKS;
    }
    long followers = pareto(r, 60, 1.3, 2_000_000);
    long following = 40 + r.nextInt(1200);
    boolean verified = followers > 200_000 && r.nextDouble() < 0.6;
    return new CustomerProfile(
        k,
        id(k),
        market,
        city,
        first,
        fullName,
        email,
        email2,
        phone,
        card,
        Collections.unmodifiableList(socials),
        consent,
        tier,
        range[0] / days,
        days,
        drifting,
        driftAt,
        -1,
        null,
        forgetBlock,
        followers,
        following,
        verified,
        scenario);
  }

  private CustomerProfile duplicate(int k, CustomerProfile orig, SplittableRandom r) {
    // The same person signed up again (another store, another channel): a new customer id that
    // shares exactly one identifier with the original; the rest is new or missing.
    String shared;
    double d = r.nextDouble();
    if (d < 0.45) {
      shared = "email";
    } else if (d < 0.8 && orig.phoneNational != null) {
      shared = "phone";
    } else if (orig.loyaltyCard != null) {
      shared = "card";
    } else {
      shared = "email";
    }
    String email =
        shared.equals("email")
            ? emailVariant(orig.email, r)
            : Names.ascii(orig.firstName) + k + "@" + secondaryDomain(orig.market, r);
    String phone = shared.equals("phone") ? orig.phoneNational : null;
    String card = shared.equals("card") ? orig.loyaltyCard : null;
    String name = r.nextBoolean() ? Names.stripAccents(orig.fullName) : orig.fullName;
    boolean[] consent = {r.nextBoolean(), r.nextDouble() < 0.3, false, false};
    return new CustomerProfile(
        k,
        id(k),
        orig.market,
        orig.city,
        orig.firstName,
        name,
        email,
        null,
        phone,
        card,
        List.of(),
        consent,
        orig.tier,
        orig.activity,
        orig.meanInterPurchaseDays * 3,
        false,
        Long.MAX_VALUE,
        orig.k,
        shared,
        -1,
        orig.followers,
        orig.following,
        false,
        false);
  }

  static double[] cadenceRange(int tier) {
    switch (tier) {
      case CustomerProfile.HIGH:
        return new double[] {6, 12};
      case CustomerProfile.MEDIUM:
        return new double[] {15, 30};
      default:
        return new double[] {35, 90};
    }
  }

  // ---- CRM records

  /** The first CRM record of customer k (an upsert). */
  CustomerRecord createRecord(CustomerProfile p, long timeMillis, SplittableRandom r) {
    CustomerRecord c = new CustomerRecord();
    c.op = "upsert";
    c.customerId = p.customerId;
    c.name = p.fullName;
    List<String> emails = new ArrayList<>(2);
    emails.add(p.email);
    if (p.email2 != null) {
      emails.add(p.email2);
    }
    c.emails = emails;
    if (p.phoneNational != null) {
      List<String> phones = new ArrayList<>(2);
      boolean e164 =
          p.duplicateOf >= 0 ? !profile(p.duplicateOf).phoneE164First() : p.phoneE164First();
      phones.add(e164 ? e164(p.market, p.phoneNational) : localPhone(p.market, p.phoneNational));
      c.phones = phones;
    } else {
      c.phones = new ArrayList<>(0);
    }
    c.loyaltyCard = p.loyaltyCard;
    if (p.hasSocial()) {
      List<SocialAccount> accounts = new ArrayList<>(p.socials.size());
      for (String[] s : p.socials) {
        SocialAccount a = new SocialAccount();
        a.platform = s[0];
        a.handle = crmHandle(s[1], Hash.of(seed, p.k, s[0].length()));
        a.verified = p.verified && s[0].equals("x");
        accounts.add(a);
      }
      c.socialAccounts = accounts;
    }
    Consent consent = new Consent();
    consent.email = p.consentEmail;
    consent.sms = p.consentSms;
    consent.phone = p.consentPhone;
    consent.social = p.consentSocial;
    c.consent = consent;
    c.locale = p.market.locale;
    c.country = p.market.country;
    c.city = p.city.name;
    c.timeZone = p.city.timeZone;
    c.updatedAt = Instant.ofEpochMilli(timeMillis);
    return c;
  }

  /** A later full upsert of a known customer, with a few changes. */
  CustomerRecord updateRecord(CustomerProfile p, long timeMillis, long index) {
    SplittableRandom r = new SplittableRandom(Hash.of(seed, SALT_UPDATE, index));
    CustomerRecord c = createRecord(p, timeMillis, r);
    double d = r.nextDouble();
    if (d < 0.25) {
      // consent changed
      c.consent.email = !c.consent.email;
      c.consent.sms = r.nextBoolean();
    } else if (d < 0.45) {
      // a variant of the email (Gmail dots, +tag, case) added
      String v = emailVariant(p.email, r);
      if (!v.equals(p.email)) {
        c.emails.add(v);
      }
    } else if (d < 0.6 && p.phoneNational != null) {
      // the phone written the other way
      c.phones.set(
          0,
          p.phoneE164First()
              ? localPhone(p.market, p.phoneNational)
              : e164(p.market, p.phoneNational));
    } else if (d < 0.7) {
      // moved to another city in the same country
      Market.City city = p.market.city(r.nextDouble());
      c.city = city.name;
      c.timeZone = city.timeZone;
    } else if (d < 0.8 && p.loyaltyCard == null) {
      c.loyaltyCard = card(p.k);
    } else if (d < 0.9 && c.socialAccounts != null) {
      for (SocialAccount a : c.socialAccounts) {
        // the same handle typed again: '@' and capitals may change, the handle does not
        a.handle =
            crmHandle(a.handle.replace("@", "").toLowerCase(Locale.ROOT), Hash.of(seed, index, 7));
      }
    } else {
      c.name = c.name.toUpperCase(Locale.ROOT);
    }
    return c;
  }

  CustomerRecord forgetRecord(CustomerProfile p, long timeMillis) {
    CustomerRecord c = new CustomerRecord();
    c.op = CustomerRecord.OP_FORGET;
    c.customerId = p.customerId;
    c.updatedAt = Instant.ofEpochMilli(timeMillis);
    return c;
  }

  // ---- identifiers

  private static String emailLocal(String f, String l, String num, int form) {
    switch (form) {
      case 0:
        return f + "." + l + num;
      case 1:
        return f + l + num;
      case 2:
        return f.charAt(0) + "." + l + num;
      case 3:
        return f + "_" + l + num;
      default:
        return f + "." + l + "." + num;
    }
  }

  private static String domain(Market m, SplittableRandom r) {
    if (r.nextDouble() < 0.55) {
      return "gmail.com";
    }
    switch (m.country) {
      case "ES":
        return pick(r, new String[] {"hotmail.es", "yahoo.es", "outlook.es", "telefonica.net"});
      case "MX":
        return pick(
            r, new String[] {"hotmail.com", "outlook.com", "yahoo.com.mx", "prodigy.net.mx"});
      case "CO":
        return pick(r, new String[] {"hotmail.com", "outlook.com", "yahoo.com", "une.net.co"});
      case "AR":
        return pick(
            r, new String[] {"hotmail.com", "yahoo.com.ar", "fibertel.com.ar", "outlook.com"});
      default:
        return pick(r, new String[] {"yahoo.com", "outlook.com", "icloud.com", "aol.com"});
    }
  }

  private static String secondaryDomain(Market m, SplittableRandom r) {
    return m.english()
        ? pick(r, new String[] {"outlook.com", "icloud.com", "proton.me"})
        : pick(r, new String[] {"outlook.com", "hotmail.com", "icloud.com"});
  }

  /** Another spelling of the same mailbox: Gmail dots and +tags, or case. */
  static String emailVariant(String email, SplittableRandom r) {
    int at = email.indexOf('@');
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (domain.equalsIgnoreCase("gmail.com")) {
      switch (r.nextInt(4)) {
        case 0:
          return local.replace(".", "") + "@" + domain;
        case 1:
          return local
              + "+"
              + pick(r, new String[] {"compras", "lumen", "shop", "tienda", "promo"})
              + "@"
              + domain;
        case 2:
          return caseVariant(local.replace(".", ""), r) + "@gmail.com";
        default:
          return caseVariant(email, r);
      }
    }
    return caseVariant(email, r);
  }

  static String caseVariant(String s, SplittableRandom r) {
    switch (r.nextInt(3)) {
      case 0:
        return s.toUpperCase(Locale.ROOT);
      case 1:
        {
          // Capitalise each part: "Maria.Lopez12@Gmail.com"
          StringBuilder sb = new StringBuilder(s.length());
          boolean up = true;
          for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(up ? Character.toUpperCase(c) : c);
            up = c == '.' || c == '@' || c == '_';
          }
          return sb.toString();
        }
      default:
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }

  static String handle(String f, String l, String num, int form) {
    switch (form) {
      case 0:
        return f + l + num;
      case 1:
        return f + "_" + l + num;
      case 2:
        return f.charAt(0) + l + num;
      default:
        return f + num + l.charAt(0);
    }
  }

  /** How a customer typed their handle into the CRM: with or without '@', with some capitals. */
  static String crmHandle(String canonical, long h) {
    String s = canonical;
    if ((h & 3) == 0) {
      s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    } else if ((h & 3) == 1) {
      s = s.toUpperCase(Locale.ROOT);
    }
    return ((h >>> 8) & 1) == 0 ? "@" + s : s;
  }

  /** Loyalty card number: "LM" and 10 digits, injective in k. */
  String card(int k) {
    return "LM"
        + pad(Math.floorMod(k * 6_180_339_887L + Hash.of(seed, 0x14, 0), 10_000_000_000L), 10);
  }

  // ---- phones

  /** National significant number, unique per customer number (an injective map of k). */
  String phoneNational(Market m, Market.City city, int k) {
    // 8 digits, injective in k (the multiplier is a unit modulo 10^8)
    long d = Math.floorMod(k * 61_803_399L + Hash.of(seed, 0x13, 0), 100_000_000L);
    String eight = pad(d, 8);
    switch (m.country) {
      case "ES":
        return "6" + eight; // 9 digits
      case "MX":
        return mxArea(city) + eight.substring(8 - (10 - mxArea(city).length()));
      case "CO":
        return "3" + (char) ('0' + (k % 3)) + eight; // 10 digits
      case "AR":
        {
          String area = arArea(city);
          return area + eight.substring(8 - (10 - area.length()));
        }
      default:
        {
          String area = usArea(city);
          // exchange must not start with 0 or 1
          char x = (char) ('2' + (d % 8));
          return area + x + eight.substring(2);
        }
    }
  }

  private static String mxArea(Market.City c) {
    switch (c.code) {
      case "CDMX":
        return "55";
      case "GDL":
        return "33";
      case "MTY":
        return "81";
      case "PUE":
        return "222";
      case "TIJ":
        return "664";
      case "MID":
        return "999";
      default:
        return "998";
    }
  }

  private static String arArea(Market.City c) {
    switch (c.code) {
      case "BUE":
        return "11";
      case "COR":
        return "351";
      case "ROS":
        return "341";
      case "MDZ":
        return "261";
      default:
        return "221";
    }
  }

  private static String usArea(Market.City c) {
    switch (c.code) {
      case "NYC":
        return "212";
      case "LAX":
        return "310";
      case "CHI":
        return "312";
      case "HOU":
        return "713";
      case "MIA":
        return "305";
      case "SAT":
        return "210";
      default:
        return "206";
    }
  }

  static String e164(Market m, String nat) {
    switch (m.country) {
      case "ES":
        return "+34" + nat;
      case "MX":
        return "+52" + nat;
      case "CO":
        return "+57" + nat;
      case "AR":
        return "+549" + nat; // mobiles carry the 9
      default:
        return "+1" + nat;
    }
  }

  /** The number as people write it at home. */
  static String localPhone(Market m, String n) {
    switch (m.country) {
      case "ES":
        return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
      case "MX":
        return n.startsWith("55") || n.startsWith("33") || n.startsWith("81")
            ? n.substring(0, 2) + " " + n.substring(2, 6) + " " + n.substring(6)
            : "(" + n.substring(0, 3) + ") " + n.substring(3, 6) + " " + n.substring(6);
      case "CO":
        return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
      case "AR":
        {
          // "011 15-1234-5678" style: area with trunk 0, mobile prefix 15
          int a = n.startsWith("11") ? 2 : 3;
          String sub = n.substring(a);
          int half = sub.length() - 4;
          return "0"
              + n.substring(0, a)
              + " 15-"
              + sub.substring(0, half)
              + "-"
              + sub.substring(half);
        }
      default:
        return "(" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6);
    }
  }

  // ---- helpers

  static String pick(SplittableRandom r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  static String pickWeighted(SplittableRandom r, String[] values, double[] weights) {
    double x = r.nextDouble();
    for (int i = 0; i < values.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  /** Heavy-tailed count: Pareto with minimum xm and shape alpha, capped. */
  static long pareto(SplittableRandom r, double xm, double alpha, long cap) {
    double u = 1.0 - r.nextDouble(); // (0, 1]
    double v = xm / Math.pow(u, 1.0 / alpha);
    return (long) Math.min(cap, Math.floor(v)) - (long) (xm * 0.8);
  }
}
