package io.rapport.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rapport.model.Author;
import io.rapport.model.CustomerRecord;
import io.rapport.model.CustomerRef;
import io.rapport.model.Engagement;
import io.rapport.model.Geo;
import io.rapport.model.LineItem;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.serde.Json;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The deterministic, index-addressable generator of Rapport's three input streams.
 *
 * <p>{@link #record(long)} is a pure function of (config, index): no state is carried from one
 * index to the next, so disjoint index ranges can be generated in parallel (by Flink subtasks, by
 * threads, or in any order) and concatenated into the same stream a sequential run gives. Every
 * random choice is drawn from a {@link SplittableRandom} seeded by a hash of (seed, purpose,
 * index), and every customer's and prospect's attributes from a hash of (seed, their number). See
 * {@link Layout} for the shape of the index space and the event-time bound.
 *
 * <p>Instances are cheap, thread-safe (the profile caches are benign-racy memo tables of pure
 * functions) and serializable (only the config travels).
 */
public final class RapportGenerator implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final long SALT_RECORD = 0x41;
  private static final long SALT_MALFORMED = 0x42;
  private static final long SALT_MALFORMED_KIND = 0x43;
  private static final long SALT_RETURN = 0x44;
  private static final long SALT_RELATION = 0x45;
  private static final long SALT_MENTION = 0x46;
  private static final long SALT_FORGET = 0x47;
  private static final long SALT_CORRUPT = 0x48;
  private static final long SALT_BRAND_REPLY = 0x49;

  /** Share of transaction slots that are returns (when an earlier purchase can be found). */
  static final double RETURN_SHARE = 0.07;

  /** Shares of mentions that are replies, reposts and quotes of an earlier mention. */
  static final double REPLY_SHARE = 0.10;

  static final double REPOST_SHARE = 0.07;

  static final double QUOTE_SHARE = 0.04;

  /**
   * Share of the replies to a question or complaint about the brand that are the brand's answer (by
   * its verified account), not another person's reply.
   */
  static final double BRAND_REPLY_SHARE = 0.6;

  /** The brand's answers, by language: "@%s" is the person answered. */
  private static final String[] ANSWERS_ES = {
    "@%s ¡Hola! Sentimos mucho las molestias. Te escribimos por DM para solucionarlo",
    "@%s Gracias por escribirnos. ¿Nos pasas tu número de pedido por mensaje privado?",
    "@%s ¡Hola! Te respondemos por DM con toda la información"
  };

  private static final String[] ANSWERS_EN = {
    "@%s Hi! We're sorry about this. We've sent you a DM to sort it out",
    "@%s Thanks for reaching out! Could you DM us your order number?",
    "@%s Hi! We've answered you by DM with all the details"
  };

  private static final int ORIGINAL = 0;
  private static final int REPLY = 1;
  private static final int REPOST = 2;
  private static final int QUOTE = 3;

  /** Probability of each tier being drawn for a purchase (high, medium, low), see README. */
  private static final double P_HIGH = 0.323;

  private static final double P_MEDIUM = 0.388;

  private static final String[] PLATFORMS = {
    "x", "instagram", "tiktok", "facebook", "youtube", "reviews", "forums"
  };
  private static final double[] PLATFORM_WEIGHTS = {0.30, 0.20, 0.15, 0.12, 0.08, 0.08, 0.07};

  private static final MalformedKind[] ALL_KINDS = MalformedKind.values();
  private static final MalformedKind[] NON_TEXT_KINDS = {
    MalformedKind.BROKEN_JSON,
    MalformedKind.MISSING_FIELD,
    MalformedKind.WRONG_TYPE,
    MalformedKind.BAD_ENCODING,
    MalformedKind.UNSUPPORTED_VERSION
  };

  private final GeneratorConfig config;
  private final transient Layout layout;
  private final transient Customers customers;
  private final transient Prospects prospects;
  private final transient long seed;
  private final transient String[] brands;
  private final transient String[] brandsCapitalized;

  public RapportGenerator(GeneratorConfig config) {
    this.config = config.copy().validate();
    this.seed = this.config.seed;
    this.layout = new Layout(this.config);
    this.customers = new Customers(this.config, layout);
    this.prospects = new Prospects(this.config);
    this.brands =
        new String[] {this.config.brand, this.config.competitor1, this.config.competitor2};
    this.brandsCapitalized = new String[3];
    for (int i = 0; i < 3; i++) {
      brandsCapitalized[i] = Texts.capitalize(brands[i]);
    }
  }

  private Object readResolve() throws ObjectStreamException {
    return new RapportGenerator(config);
  }

  /** A copy of the config this generator runs with. */
  public GeneratorConfig config() {
    return config.copy();
  }

  // ================================================================ the plan (cheap)

  /** What the record at an index is, without building it: cheap enough to count millions. */
  public static final class Plan {
    public final long index;
    public final String topic;
    public final RecordKind kind;

    /** {@code null} when the record is valid. */
    public final MalformedKind malformed;

    /** Customer number for creates, forgets; -1 otherwise. */
    final int customer;

    /** Return: index of the purchase returned; mention: index of the parent; else -1. */
    final long source;

    final int relation;

    /**
     * The parent mention, when planning composed it already (to tell whether the brand answers it),
     * so that the record does not compose it again; else null.
     */
    final Posted parent;

    Plan(
        long index,
        String topic,
        RecordKind kind,
        MalformedKind malformed,
        int customer,
        long source,
        int relation,
        Posted parent) {
      this.parent = parent;
      this.index = index;
      this.topic = topic;
      this.kind = kind;
      this.malformed = malformed;
      this.customer = customer;
      this.source = source;
      this.relation = relation;
    }

    public boolean isValid() {
      return malformed == null;
    }

    @Override
    public String toString() {
      return "Plan{index="
          + index
          + ", topic="
          + topic
          + ", kind="
          + kind
          + ", malformed="
          + malformed
          + "}";
    }
  }

  /** The topic of the record at an index (cheaper still than {@link #plan(long)}). */
  public String topicOf(long index) {
    switch (Layout.slot(index)) {
      case Layout.TX:
        return GeneratedRecord.TOPIC_TRANSACTIONS;
      case Layout.MENTION:
        return GeneratedRecord.TOPIC_MENTIONS;
      default:
        return GeneratedRecord.TOPIC_CUSTOMERS;
    }
  }

  public Plan plan(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    char slot = Layout.slot(index);
    switch (slot) {
      case Layout.CREATE:
        {
          long ordinal = Layout.creationSlotsBefore(index);
          if (ordinal < config.customers) {
            return new Plan(
                index,
                GeneratedRecord.TOPIC_CUSTOMERS,
                RecordKind.CUSTOMER_CREATE,
                null,
                (int) ordinal,
                -1,
                ORIGINAL,
                null);
          }
          return new Plan(
              index,
              GeneratedRecord.TOPIC_CUSTOMERS,
              RecordKind.CUSTOMER_UPDATE,
              malformed(index, false),
              -1,
              -1,
              ORIGINAL,
              null);
        }
      case Layout.UPDATE:
        {
          int forgotten = forgetAt(index);
          if (forgotten >= 0) {
            return new Plan(
                index,
                GeneratedRecord.TOPIC_CUSTOMERS,
                RecordKind.CUSTOMER_FORGET,
                malformed(index, false),
                forgotten,
                -1,
                ORIGINAL,
                null);
          }
          return new Plan(
              index,
              GeneratedRecord.TOPIC_CUSTOMERS,
              RecordKind.CUSTOMER_UPDATE,
              malformed(index, false),
              -1,
              -1,
              ORIGINAL,
              null);
        }
      case Layout.TX:
        {
          long source = returnSource(index);
          return new Plan(
              index,
              GeneratedRecord.TOPIC_TRANSACTIONS,
              source >= 0 ? RecordKind.RETURN : RecordKind.PURCHASE,
              malformed(index, false),
              -1,
              source,
              ORIGINAL,
              null);
        }
      default:
        {
          int rel = ORIGINAL;
          long parent = -1;
          int raw = rawRelation(index);
          if (raw != ORIGINAL) {
            parent = mentionParent(index);
            if (parent >= 0) {
              rel = raw;
            }
          }
          Posted composed = rel == REPLY ? parentTheBrandMayAnswer(index, parent) : null;
          RecordKind kind =
              rel == REPOST
                  ? RecordKind.REPOST
                  : composed != null && brandAnswers(composed)
                      ? RecordKind.BRAND_REPLY
                      : RecordKind.MENTION;
          return new Plan(
              index,
              GeneratedRecord.TOPIC_MENTIONS,
              kind,
              malformed(index, true),
              -1,
              parent,
              rel,
              composed);
        }
    }
  }

  /**
   * The malformation of the record at an index, or null. Creations and scripted records never are.
   */
  private MalformedKind malformed(long index, boolean mention) {
    if (config.malformedRate <= 0 || Scenario.isScripted(index)) {
      return null;
    }
    // creation slots are never malformed: raise the rate of the others so that the overall rate
    // of each block is the configured one
    long b = index / Layout.BLOCK;
    long creations =
        Math.min(config.customers, Layout.creationSlotsBefore((b + 1) * Layout.BLOCK))
            - Math.min(config.customers, Layout.creationSlotsBefore(b * Layout.BLOCK));
    double p = config.malformedRate * Layout.BLOCK / (Layout.BLOCK - creations);
    long h = Hash.of(seed, SALT_MALFORMED, index);
    if (Hash.unit(h) >= p) {
      return null;
    }
    MalformedKind[] kinds = mention ? ALL_KINDS : NON_TEXT_KINDS;
    return kinds[(int) Math.floorMod(Hash.of(seed, SALT_MALFORMED_KIND, index), kinds.length)];
  }

  private boolean isMalformed(long index) {
    return malformed(index, Layout.slot(index) == Layout.MENTION) != null;
  }

  // ---- customers: creation, forget

  /** Customer k asks to be forgotten (only the first customer created in a block can). */
  boolean forgettable(int k) {
    if (k >= config.customers || Scenario.actor(k) != null) {
      return false;
    }
    long ci = Layout.creationIndex(k);
    long b = ci / Layout.BLOCK;
    if (Layout.creationSlotsBefore(b * Layout.BLOCK) != k) {
      return false;
    }
    return Hash.unit(seed, SALT_FORGET, k) < Layout.FORGET_SHARE;
  }

  /** Index of customer k's forget request, or -1 when they never ask. */
  public long forgetIndex(int k) {
    if (!forgettable(k)) {
      return -1;
    }
    long b = Layout.creationIndex(k) / Layout.BLOCK + Layout.FORGET_DELAY_BLOCKS;
    return b * Layout.BLOCK + 10; // the U slot of layout B
  }

  boolean forgottenBefore(int k, long index) {
    long f = forgetIndex(k);
    return f >= 0 && f < index;
  }

  /** The customer forgotten at this U slot, or -1. */
  private int forgetAt(long index) {
    long b = index / Layout.BLOCK - Layout.FORGET_DELAY_BLOCKS;
    if (b < 0) {
      return -1;
    }
    long k = Layout.creationSlotsBefore(b * Layout.BLOCK);
    if (k >= config.customers) {
      return -1;
    }
    return forgettable((int) k) && forgetIndex((int) k) == index ? (int) k : -1;
  }

  // ---- transactions: returns

  private boolean returnCandidate(long index) {
    return index / Layout.BLOCK >= 30
        && Scenario.purchaseAt(index) == null
        && Hash.unit(seed, SALT_RETURN, index) < RETURN_SHARE;
  }

  /** The purchase a return at this index refers to, or -1 when the slot is a purchase. */
  private long returnSource(long index) {
    if (!returnCandidate(index)) {
      return -1;
    }
    long b = index / Layout.BLOCK;
    long h = Hash.of(seed, SALT_RETURN + 1, index);
    for (int attempt = 0; attempt < 6; attempt++) {
      h = Hash.mix(h + attempt);
      long back = 1 + Math.floorMod(h, Math.min(b, 1_500L));
      long sb = b - back;
      if (sb < 0) {
        continue;
      }
      long j = Layout.txIndex(sb, (int) ((h >>> 40) % Layout.txPerBlock(sb)));
      if (!returnCandidate(j) && !isMalformed(j) && Scenario.purchaseAt(j) == null) {
        return j;
      }
    }
    return -1;
  }

  // ---- mentions: relations

  private int rawRelation(long index) {
    if (Scenario.mentionAt(index) != null) {
      return ORIGINAL;
    }
    double u = Hash.unit(seed, SALT_RELATION, index);
    if (u < REPLY_SHARE) {
      return REPLY;
    }
    if (u < REPLY_SHARE + REPOST_SHARE) {
      return REPOST;
    }
    if (u < REPLY_SHARE + REPOST_SHARE + QUOTE_SHARE) {
      return QUOTE;
    }
    return ORIGINAL;
  }

  /**
   * The parent (at index {@code parent}) of the reply at {@code index}, composed, when the draw
   * lets the brand answer it ({@link #BRAND_REPLY_SHARE}); else null, without composing it.
   */
  private Posted parentTheBrandMayAnswer(long index, long parent) {
    if (Hash.unit(seed, SALT_BRAND_REPLY, index) >= BRAND_REPLY_SHARE) {
      return null;
    }
    return base(parent, layout.timeMillis(parent), null);
  }

  /** Whether the brand answers a reply to {@code p}: an original question or complaint about it. */
  private boolean brandAnswers(Posted p) {
    return config.brand.equals(p.mention.brand)
        && (p.intents.contains(MentionIntent.QUESTION.label())
            || p.intents.contains(MentionIntent.COMPLAINT.label()));
  }

  /** An earlier original mention that a reply, repost or quote at this index refers to, or -1. */
  private long mentionParent(long index) {
    long b = index / Layout.BLOCK;
    if (b == 0) {
      return -1;
    }
    long h = Hash.of(seed, SALT_RELATION + 1, index);
    for (int attempt = 0; attempt < 4; attempt++) {
      h = Hash.mix(h + attempt);
      // mostly recent posts, sometimes older ones
      long span = Math.min(b, (h & 3) == 0 ? 2_000L : 60L);
      long back = 1 + Math.floorMod(h >>> 2, span);
      long pb = b - back;
      long j = Layout.mentionIndex(pb, (int) ((h >>> 40) % Layout.mentionsPerBlock(pb)));
      if (rawRelation(j) == ORIGINAL) {
        return j;
      }
    }
    return -1;
  }

  // ================================================================ records

  /** The record at an index. Pure: the same (config, index) always gives an equal record. */
  public GeneratedRecord record(long index) {
    Plan plan = plan(index);
    long time = layout.timeMillis(index);
    SplittableRandom r = new SplittableRandom(Hash.of(seed, SALT_RECORD, index));
    GeneratedRecord out = new GeneratedRecord();
    out.index = index;
    out.topic = plan.topic;
    out.kind = plan.kind;
    out.eventTimeMillis = time;
    Object pojo;
    switch (plan.kind) {
      case CUSTOMER_CREATE:
        {
          CustomerProfile p = customers.profile(plan.customer);
          pojo = customers.createRecord(p, time, r);
          out.key = utf8(p.customerId);
          out.customerId = p.customerId;
          out.scenario = p.scenario;
          break;
        }
      case CUSTOMER_FORGET:
        {
          CustomerProfile p = customers.profile(plan.customer);
          pojo = customers.forgetRecord(p, time);
          out.key = utf8(p.customerId);
          out.customerId = p.customerId;
          break;
        }
      case CUSTOMER_UPDATE:
        {
          CustomerProfile p = customers.profile(updateTarget(index, r));
          pojo = customers.updateRecord(p, time, index);
          out.key = utf8(p.customerId);
          out.customerId = p.customerId;
          break;
        }
      case PURCHASE:
        {
          Bought bought = purchase(index, time);
          pojo = bought.tx;
          out.key = utf8(refKey(bought.tx.customer));
          out.customerId = bought.customer.customerId;
          out.scenario = bought.customer.scenario;
          break;
        }
      case RETURN:
        {
          Bought bought = returned(index, plan.source, time, r);
          pojo = bought.tx;
          out.key = utf8(refKey(bought.tx.customer));
          out.customerId = bought.customer.customerId;
          break;
        }
      default:
        {
          Posted posted = mention(index, plan, time);
          pojo = posted.mention;
          out.key = utf8(posted.mention.mentionId);
          out.customerId = posted.customerId;
          out.intendedSentiment = posted.sentiment;
          out.intendedIntents = posted.intents;
          out.locale = posted.locale;
          out.scenario = posted.scenario;
        }
    }
    if (plan.malformed == null) {
      out.value = Json.toBytes(pojo);
    } else {
      out.malformedKind = plan.malformed.name();
      out.expectedError = plan.malformed.expectedError().name();
      out.value =
          corrupt(pojo, plan.malformed, new SplittableRandom(Hash.of(seed, SALT_CORRUPT, index)));
    }
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String refKey(CustomerRef ref) {
    if (ref.customerId != null) {
      return ref.customerId;
    }
    return ref.loyaltyCard != null ? ref.loyaltyCard : ref.email;
  }

  private int updateTarget(long index, SplittableRandom r) {
    int created = layout.createdBefore(index);
    int k = 0;
    for (int attempt = 0; attempt < 8; attempt++) {
      k = r.nextInt(created);
      if (!forgottenBefore(k, index)) {
        return k;
      }
    }
    return k;
  }

  // ---- purchases and returns

  private static final class Bought {
    final Transaction tx;
    final CustomerProfile customer;

    Bought(Transaction tx, CustomerProfile customer) {
      this.tx = tx;
      this.customer = customer;
    }
  }

  String transactionId(long index) {
    return "T" + Customers.pad(index, 10);
  }

  private Bought purchase(long index, long time) {
    SplittableRandom r = new SplittableRandom(Hash.of(seed, SALT_RECORD, index));
    Scenario.Actor actor = Scenario.purchaseAt(index);
    CustomerProfile p = customers.profile(actor != null ? actor.k : pickBuyer(index, time, r));
    Market m = p.market;
    Transaction t = new Transaction();
    t.transactionId = transactionId(index);
    t.type = "purchase";
    t.time = Instant.ofEpochMilli(time);
    t.currency = m.currency;
    t.country = m.country;
    t.customer = reference(p, r);
    double c = r.nextDouble();
    t.channel = c < 0.45 ? "store" : c < 0.75 ? "web" : c < 0.95 ? "app" : "phone";
    Market.City city = p.city;
    if (t.channel.equals("store")) {
      if (r.nextDouble() < 0.15) {
        city = m.city(r.nextDouble());
      }
      t.storeId = m.country + "-" + city.code + "-0" + (1 + r.nextInt(3));
    }
    t.city = city.name;

    int count;
    double premium;
    if (actor != null) {
      count = 2 + r.nextInt(2);
      premium = 1.0;
    } else if (p.tier == CustomerProfile.HIGH) {
      count = 2 + r.nextInt(4);
      premium = 0.55;
    } else if (p.tier == CustomerProfile.MEDIUM) {
      count = 1 + r.nextInt(3);
      premium = 0.2;
    } else {
      count = 1 + r.nextInt(2);
      premium = 0.06;
    }
    List<LineItem> items = new ArrayList<>(count);
    double sum = 0;
    for (int i = 0; i < count; i++) {
      Catalog.Product prod;
      if (actor != null) {
        prod = Catalog.PRODUCTS[Catalog.PREMIUM[Catalog.PREMIUM.length - 1 - r.nextInt(5)]];
      } else if (r.nextDouble() < premium) {
        prod = Catalog.PRODUCTS[Catalog.PREMIUM[r.nextInt(Catalog.PREMIUM.length)]];
      } else {
        prod = Catalog.PRODUCTS[Catalog.EVERYDAY[r.nextInt(Catalog.EVERYDAY.length)]];
      }
      LineItem li = new LineItem();
      li.sku = prod.sku;
      li.name = prod.name;
      li.category = prod.category;
      double q = r.nextDouble();
      li.quantity = prod.priceEur >= 100 || q < 0.85 ? 1 : q < 0.97 ? 2 : 3;
      double price = prod.priceEur * m.perEur;
      if (r.nextDouble() < 0.15) {
        price *= 0.8; // promotion
      }
      li.unitPrice = m.round(price);
      sum += li.unitPrice * li.quantity;
      items.add(li);
    }
    t.items = items;
    t.amount = m.round(sum);
    return new Bought(t, p);
  }

  /** How the point of sale names the customer: mostly the CRM id, else the card or an email. */
  private CustomerRef reference(CustomerProfile p, SplittableRandom r) {
    CustomerRef ref = new CustomerRef();
    double d = r.nextDouble();
    if (d < 0.12 && p.loyaltyCard != null) {
      ref.loyaltyCard = p.loyaltyCard;
    } else if (d < 0.25 && p.email != null) {
      ref.email =
          p.email2 != null && r.nextDouble() < 0.3 ? p.email2 : Customers.emailVariant(p.email, r);
    } else {
      ref.customerId = p.customerId;
    }
    return ref;
  }

  /** Picks who buys: tier by purchase share, then a customer of the tier by cadence and drift. */
  private int pickBuyer(long index, long time, SplittableRandom r) {
    int created = layout.createdBefore(index);
    for (int attempt = 0; attempt < 32; attempt++) {
      double t = r.nextDouble();
      int tier =
          t < P_HIGH
              ? CustomerProfile.HIGH
              : t < P_HIGH + P_MEDIUM ? CustomerProfile.MEDIUM : CustomerProfile.LOW;
      int k = memberOfTier(tier, created, r);
      if (k < 0) {
        continue;
      }
      CustomerProfile p = customers.profile(k);
      if (p.scenario || forgottenBefore(k, index)) {
        continue;
      }
      double accept = p.activity;
      if (p.drifting && time > p.driftAtMillis) {
        accept *=
            Math.max(
                0.03, Math.exp(-(time - p.driftAtMillis) / (config.meanStepMillis * 40_000.0)));
      }
      if (r.nextDouble() < accept) {
        return k;
      }
    }
    int k = r.nextInt(created);
    while (Scenario.actor(k) != null && created > 1) {
      k = (k + 1) % created;
    }
    return k;
  }

  private int memberOfTier(int tier, int created, SplittableRandom r) {
    int residue;
    if (tier == CustomerProfile.HIGH) {
      residue = 0;
    } else if (tier == CustomerProfile.MEDIUM) {
      residue = 1 + r.nextInt(3);
    } else {
      residue = 4 + r.nextInt(6);
    }
    int base = (int) Math.floorMod(residue - layout.tierRotation, 10);
    if (base >= created) {
      return -1;
    }
    int count = (created - 1 - base) / 10 + 1;
    return base + 10 * r.nextInt(count);
  }

  private Bought returned(long index, long source, long time, SplittableRandom r) {
    Bought original = purchase(source, layout.timeMillis(source));
    Transaction o = original.tx;
    Transaction t = new Transaction();
    t.transactionId = transactionId(index);
    t.type = "return";
    t.originalTransactionId = o.transactionId;
    t.time = Instant.ofEpochMilli(time);
    t.customer = o.customer;
    t.currency = o.currency;
    t.country = o.country;
    if (r.nextDouble() < 0.6) {
      t.channel = "store";
      t.storeId =
          o.storeId != null ? o.storeId : o.country + "-" + original.customer.city.code + "-01";
    } else {
      t.channel = o.channel;
      t.storeId = o.storeId;
    }
    t.city = o.city;
    int n = 1 + r.nextInt(o.items.size());
    List<LineItem> items = new ArrayList<>(o.items.subList(0, n));
    double sum = 0;
    for (LineItem li : items) {
      sum += li.unitPrice * li.quantity;
    }
    t.items = items;
    Market m = original.customer.market;
    t.amount = m.round(sum);
    return new Bought(t, original.customer);
  }

  // ---- mentions

  private static final class Posted {
    SocialMention mention;
    String customerId;
    String sentiment;
    List<String> intents;
    String locale;
    boolean scenario;

    /** The author's handle without '@', for replies and reposts. */
    String handle;

    Market market;
  }

  String mentionId(String platform, long index) {
    long n =
        1_870_000_000_000_000_000L + index * 4096 + Math.floorMod(Hash.of(seed, 0x51, index), 4096);
    return platformCode(platform) + "_" + n;
  }

  private static String platformCode(String platform) {
    switch (platform) {
      case "instagram":
        return "ig";
      case "tiktok":
        return "tt";
      case "facebook":
        return "fb";
      case "youtube":
        return "yt";
      case "reviews":
        return "rv";
      case "forums":
        return "fo";
      default:
        return "x";
    }
  }

  private Posted mention(long index, Plan plan, long time) {
    if (plan.relation == ORIGINAL) {
      return base(index, time, null);
    }
    Posted parent =
        plan.parent != null ? plan.parent : base(plan.source, layout.timeMillis(plan.source), null);
    if (plan.kind == RecordKind.BRAND_REPLY) {
      return brandReply(index, time, parent);
    }
    String parentId = parent.mention.mentionId;
    Posted p = base(index, time, parent.mention.platform);
    SocialMention m = p.mention;
    if (plan.relation == REPLY) {
      m.replyTo = parentId;
      m.text = "@" + parent.handle + " " + m.text;
    } else if (plan.relation == QUOTE) {
      m.quoteOf = parentId;
    } else {
      // a repost says what the original said
      m.repostOf = parentId;
      m.text =
          m.platform.equals("x")
              ? "RT @" + parent.handle + ": " + parent.mention.text
              : parent.mention.text;
      m.brand = parent.mention.brand;
      m.lang = parent.mention.lang;
      p.sentiment = parent.sentiment;
      p.intents = parent.intents;
      p.locale = parent.locale;
      m.engagement.replies = 0;
      m.engagement.quotes = 0;
    }
    return p;
  }

  /** The brand's answer to {@code parent}, by its verified account in the parent's market. */
  private Posted brandReply(long index, long time, Posted parent) {
    SplittableRandom r = new SplittableRandom(Hash.of(seed, SALT_BRAND_REPLY + 1, index));
    SocialMention q = parent.mention;
    SocialMention m = new SocialMention();
    m.mentionId = mentionId(q.platform, index);
    m.platform = q.platform;
    m.time = Instant.ofEpochMilli(time);
    m.lang = q.lang;
    m.brand = config.brand;
    m.replyTo = q.mentionId;
    String handle = brandHandle(config.brand, parent.market);
    Author a = new Author();
    a.handle = handle;
    a.name = brandsCapitalized[0];
    a.verified = true;
    a.followers = 250_000;
    a.following = 40;
    m.author = a;
    String[] answers = parent.market.english() ? ANSWERS_EN : ANSWERS_ES;
    m.text = String.format(Locale.ROOT, answers[r.nextInt(answers.length)], parent.handle);
    m.url = url(q.platform, handle, m.mentionId);
    Engagement e = new Engagement();
    e.likes = r.nextInt(6);
    e.views = 50 + r.nextInt(500);
    m.engagement = e;
    Posted out = new Posted();
    out.mention = m;
    out.intents = List.of();
    out.handle = handle;
    out.market = parent.market;
    out.locale = parent.locale;
    return out; // no customer, no intended sentiment: the brand's own words
  }

  /** An original post at this index (its author on forcedPlatform when given). */
  private Posted base(long index, long time, String forcedPlatform) {
    SplittableRandom r = new SplittableRandom(Hash.of(seed, SALT_MENTION, index));
    Posted out = new Posted();
    Scenario.Actor actor = Scenario.mentionAt(index);
    CustomerProfile customer = null;
    Prospects.Prospect prospect = null;
    String platform;
    String canonicalHandle;
    if (actor != null) {
      customer = customers.profile(actor.k);
      platform = "x";
      canonicalHandle = actor.handle;
    } else {
      boolean wantCustomer = r.nextDouble() < config.customerAuthorShare;
      int k = wantCustomer ? pickAuthor(index, forcedPlatform, r) : -1;
      if (k >= 0) {
        customer = customers.profile(k);
        String[] account = null;
        for (String[] s : customer.socials) {
          if (forcedPlatform == null || s[0].equals(forcedPlatform)) {
            account = s;
            if (forcedPlatform != null || r.nextBoolean()) {
              break;
            }
          }
        }
        platform = account[0];
        canonicalHandle = account[1];
      } else {
        prospect = prospects.get(prospects.pick(r.nextDouble()));
        platform =
            forcedPlatform != null
                ? forcedPlatform
                : Customers.pickWeighted(r, PLATFORMS, PLATFORM_WEIGHTS);
        canonicalHandle = prospect.handle;
      }
    }
    Market market = customer != null ? customer.market : prospect.market;
    Market.City city = customer != null ? customer.city : prospect.city;

    SocialMention m = new SocialMention();
    m.mentionId = mentionId(platform, index);
    m.platform = platform;
    m.time = Instant.ofEpochMilli(time);
    m.lang = market.english() ? "en" : "es";

    Author a = new Author();
    a.handle = displayHandle(platform, canonicalHandle, r);
    long followers = customer != null ? customer.followers : prospect.followers;
    a.followers = followers;
    a.following = customer != null ? customer.following : prospect.following;
    a.verified = customer != null ? customer.verified : prospect.verified;
    a.name =
        customer != null
            ? (r.nextDouble() < 0.6 ? customer.fullName : customer.firstName)
            : prospect.name;
    m.author = a;

    // brand and text
    Texts.Composed composed;
    String brand;
    if (actor != null) {
      brand = config.brand;
      composed =
          Texts.scripted(
              market, config.brand, brandHandle(config.brand, market), config.competitor2);
    } else {
      double bd = r.nextDouble();
      double own = customer != null ? 0.7 : 0.5;
      int b = bd < own ? 0 : bd < (1 + own) / 2 ? 1 : 2;
      brand = brands[b];
      int o;
      if (b == 0) {
        o = r.nextBoolean() ? 1 : 2;
      } else {
        o = r.nextDouble() < 0.6 ? 0 : b == 1 ? 2 : 1;
      }
      double[] mix =
          customer != null && customer.drifting && time > customer.driftAtMillis
              ? Texts.MIX_DRIFTING
              : Texts.MIX;
      int category = Texts.category(r, mix);
      composed =
          Texts.compose(
              r,
              market,
              category,
              brandDisplay(b, market, r),
              brandsCapitalized[b],
              otherDisplay(o, r),
              city.name);
    }
    m.brand = brand;
    m.text = composed.text;
    m.url = url(platform, canonicalHandle, m.mentionId);

    // engagement: heavier for big accounts, negative posts travel a bit further
    Engagement e = new Engagement();
    double reach =
        followers
            * (0.002 + 0.04 * r.nextDouble())
            * (composed.sentiment.equals(GeneratedRecord.NEGATIVE) ? 1.4 : 1.0);
    e.likes = (long) (reach + r.nextInt(4));
    e.replies = (long) (e.likes * 0.15 * r.nextDouble());
    e.reposts = (long) (e.likes * 0.25 * r.nextDouble());
    e.quotes = (long) (e.reposts * 0.1);
    e.views =
        platform.equals("reviews") || platform.equals("forums")
            ? (long) (20 + 400 * r.nextDouble())
            : (long) (followers * (0.2 + 2.5 * r.nextDouble())) + e.likes * 10;
    m.engagement = e;

    if (r.nextDouble() < 0.25) {
      Geo g = new Geo();
      g.country = market.country;
      g.city = city.name;
      g.lat = Math.round((city.lat + (r.nextDouble() - 0.5) * 0.1) * 10_000) / 10_000.0;
      g.lon = Math.round((city.lon + (r.nextDouble() - 0.5) * 0.1) * 10_000) / 10_000.0;
      m.geo = g;
    }

    out.mention = m;
    out.customerId = customer != null ? customer.customerId : null;
    out.sentiment = composed.sentiment;
    out.intents = composed.intents;
    out.locale = market.locale;
    out.scenario = actor != null;
    out.handle = canonicalHandle;
    out.market = market;
    return out;
  }

  private int pickAuthor(long index, String forcedPlatform, SplittableRandom r) {
    int created = layout.createdBefore(index);
    for (int attempt = 0; attempt < 10; attempt++) {
      int k = r.nextInt(created);
      CustomerProfile p = customers.profile(k);
      if (!p.hasSocial() || p.scenario || forgottenBefore(k, index)) {
        continue;
      }
      if (forcedPlatform != null) {
        boolean on = false;
        for (String[] s : p.socials) {
          on |= s[0].equals(forcedPlatform);
        }
        if (!on) {
          continue;
        }
      }
      return k;
    }
    return -1;
  }

  /** How the listening tool shows a handle: sometimes with '@'. */
  private static String displayHandle(String platform, String canonical, SplittableRandom r) {
    boolean at =
        platform.equals("x") || platform.equals("tiktok")
            ? r.nextDouble() < 0.6
            : r.nextDouble() < 0.15;
    return at ? "@" + canonical : canonical;
  }

  private static String brandHandle(String brand, Market m) {
    return m == Market.US ? brand : brand + "_" + m.country.toLowerCase(Locale.ROOT);
  }

  private String brandDisplay(int b, Market m, SplittableRandom r) {
    double d = r.nextDouble();
    if (d < 0.45) {
      return brandsCapitalized[b];
    }
    if (d < 0.63) {
      return "@" + brands[b];
    }
    if (d < 0.73) {
      return "@" + brandHandle(brands[b], m);
    }
    if (d < 0.88) {
      return brands[b];
    }
    if (d < 0.94) {
      return "#" + brandsCapitalized[b];
    }
    return brands[b].toUpperCase(Locale.ROOT);
  }

  private String otherDisplay(int b, SplittableRandom r) {
    double d = r.nextDouble();
    return d < 0.6 ? brandsCapitalized[b] : d < 0.85 ? "@" + brands[b] : brands[b];
  }

  private static String url(String platform, String handle, String id) {
    String n = id.substring(id.indexOf('_') + 1);
    switch (platform) {
      case "x":
        return "https://x.com/" + handle + "/status/" + n;
      case "instagram":
        return "https://www.instagram.com/p/" + Long.toString(Long.parseLong(n), 36) + "/";
      case "tiktok":
        return "https://www.tiktok.com/@" + handle + "/video/" + n;
      case "facebook":
        return "https://www.facebook.com/" + handle + "/posts/" + n;
      case "youtube":
        return "https://www.youtube.com/watch?v="
            + Long.toString(Long.parseLong(n), 36)
            + "&lc="
            + n;
      case "reviews":
        return "https://reviews.example.com/r/" + n;
      default:
        return "https://forum.example.com/t/" + n;
    }
  }

  // ================================================================ malformed records

  private byte[] corrupt(Object pojo, MalformedKind kind, SplittableRandom r) {
    switch (kind) {
      case BROKEN_JSON:
        {
          byte[] ok = Json.toBytes(pojo);
          int cut = ok.length / 3 + r.nextInt(Math.max(1, ok.length / 2));
          // never split a UTF-8 sequence: the record must fail as JSON, not as encoding
          while (cut > 1 && (ok[cut] & 0xC0) == 0x80) {
            cut--;
          }
          byte[] out = new byte[cut];
          System.arraycopy(ok, 0, out, 0, cut);
          return out;
        }
      case MISSING_FIELD:
        return Json.toBytes(withoutField(pojo, r));
      case WRONG_TYPE:
        return Json.toBytes(wrongType(pojo, r));
      case OVERSIZED_TEXT:
        {
          SocialMention m = (SocialMention) pojo;
          StringBuilder sb = new StringBuilder(14_000);
          int target = 10_001 + r.nextInt(4_000);
          while (sb.length() < target) {
            sb.append(m.text).append(' ');
          }
          m.text = sb.toString();
          return Json.toBytes(m);
        }
      case BAD_ENCODING:
        {
          String json = Json.toString(pojo);
          byte[] latin1 = json.getBytes(StandardCharsets.ISO_8859_1);
          if (!json.chars().allMatch(c -> c < 0x80) && !validUtf8(latin1)) {
            return latin1; // a producer that wrote Latin-1
          }
          // ASCII only: a stray Latin-1 'é' inside the first string value
          byte[] ok = latin1;
          int at = json.indexOf("\":\"");
          at = at < 0 ? 1 : at + 3;
          byte[] out = new byte[ok.length + 1];
          System.arraycopy(ok, 0, out, 0, at);
          out[at] = (byte) 0xE9;
          System.arraycopy(ok, at, out, at + 1, ok.length - at);
          return out;
        }
      case UNSUPPORTED_VERSION:
        {
          int v = r.nextInt(4) == 0 ? 0 : 2;
          if (pojo instanceof CustomerRecord) {
            ((CustomerRecord) pojo).schemaVersion = v;
          } else if (pojo instanceof Transaction) {
            ((Transaction) pojo).schemaVersion = v;
          } else {
            ((SocialMention) pojo).schemaVersion = v;
          }
          return Json.toBytes(pojo);
        }
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  private static boolean validUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The record with one required field left out. */
  private static Object withoutField(Object pojo, SplittableRandom r) {
    ObjectNode node = Json.mapper().valueToTree(pojo);
    String[] fields;
    if (pojo instanceof CustomerRecord) {
      fields = new String[] {"customerId", "updatedAt", "schemaVersion"};
    } else if (pojo instanceof Transaction) {
      fields = new String[] {"transactionId", "customer", "time", "schemaVersion"};
    } else {
      fields = new String[] {"mentionId", "text", "time", "brand", "platform", "author.handle"};
    }
    String f = fields[r.nextInt(fields.length)];
    if (f.equals("author.handle")) {
      ((ObjectNode) node.get("author")).remove("handle");
    } else {
      node.remove(f);
    }
    return node;
  }

  /** The record with one field of the wrong JSON type. */
  private static Object wrongType(Object pojo, SplittableRandom r) {
    ObjectNode node = Json.mapper().valueToTree(pojo);
    int v = r.nextInt(3);
    if (pojo instanceof CustomerRecord) {
      if (v == 0) {
        ((ObjectNode) node.get("consent")).put("email", "yes");
      } else if (v == 1) {
        JsonNode emails = node.get("emails");
        node.set(
            "emails",
            emails != null && emails.size() > 0 ? emails.get(0) : new TextNode("x@example.com"));
      } else {
        node.put("schemaVersion", "1");
      }
    } else if (pojo instanceof Transaction) {
      Transaction t = (Transaction) pojo;
      if (v == 0) {
        node.put("amount", String.format(Locale.ROOT, "%.2f", t.amount).replace('.', ','));
      } else if (v == 1) {
        ((ObjectNode) node.get("items").get(0)).put("quantity", "1");
      } else {
        node.put("schemaVersion", "1");
      }
    } else {
      SocialMention m = (SocialMention) pojo;
      if (v == 0) {
        ((ObjectNode) node.get("author")).put("followers", compact(m.author.followers));
      } else if (v == 1) {
        ((ObjectNode) node.get("engagement")).put("likes", compact(m.engagement.likes));
      } else {
        node.put("mentionId", Long.parseLong(m.mentionId.substring(m.mentionId.indexOf('_') + 1)));
      }
    }
    return node;
  }

  /** "12.5K": how some tools export counts. */
  private static String compact(long n) {
    if (n >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }
    if (n >= 1_000) {
      return String.format(Locale.ROOT, "%.1fK", n / 1e3);
    }
    return Long.toString(n);
  }

  // ================================================================ the world, for tests

  /** The scripted high-spender stories inside the first 2,000 records. */
  public List<Scenario.Story> scenario() {
    return Scenario.stories(customers);
  }

  /** "C000123" for customer number 123. */
  public String customerId(int k) {
    return customers.id(k);
  }

  /** Customer number of a customer id (inverse of {@link #customerId(int)}). */
  public int customerNumber(String customerId) {
    return Integer.parseInt(customerId.substring(1));
  }

  /** Number of customers whose creation record is at an index below {@code index}. */
  public int customersCreatedBefore(long index) {
    return layout.createdBefore(index);
  }

  /** Index of customer k's first CRM record (always before any of their transactions). */
  public long creationIndex(int k) {
    if (k < 0 || k >= config.customers) {
      throw new IllegalArgumentException("no customer " + k);
    }
    return Layout.creationIndex(k);
  }

  /** The earlier customer number that customer k duplicates, or -1. */
  public int duplicateOf(int k) {
    return customers.profile(k).duplicateOf;
  }

  /** For a duplicate, which identifier it shares with the original: email, phone or card. */
  public String sharedIdentifier(int k) {
    return customers.profile(k).sharedIdentifier;
  }

  public boolean isDrifting(int k) {
    return customers.profile(k).drifting;
  }

  /** Event time after which a drifting customer buys less. */
  public long driftAtMillis(int k) {
    return customers.profile(k).driftAtMillis;
  }

  /** "high" (top decile by design), "medium" or "low". */
  public String spendTier(int k) {
    switch (customers.profile(k).tier) {
      case CustomerProfile.HIGH:
        return "high";
      case CustomerProfile.MEDIUM:
        return "medium";
      default:
        return "low";
    }
  }

  /** The customer's intended mean days between purchases (relative cadence, see README). */
  public double meanInterPurchaseDays(int k) {
    return customers.profile(k).meanInterPurchaseDays;
  }

  /** Event time of an index (the same as the record's {@code eventTimeMillis}). */
  public long eventTimeMillis(long index) {
    return layout.timeMillis(index);
  }

  /** The bound on out-of-orderness: no record is earlier than an earlier record by more. */
  public long maxOutOfOrdernessMillis() {
    return config.maxOutOfOrdernessMillis();
  }

  /**
   * Units of the currency per EUR in the simulation (EUR 1, USD 1.08, MXN 19.5, COP 4400, ARS
   * 1100).
   */
  public static double perEur(String currency) {
    return Market.perEur(currency);
  }
}
