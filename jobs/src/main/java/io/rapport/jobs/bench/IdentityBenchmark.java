package io.rapport.jobs.bench;

import com.sun.management.OperatingSystemMXBean;
import io.rapport.identity.IdentifierNormalizer;
import io.rapport.identity.IdentityNode;
import io.rapport.identity.Pseudonymizer;
import io.rapport.jobs.functions.MaintainProfiles;
import io.rapport.jobs.functions.MergeIdentities;
import io.rapport.jobs.functions.ResolveIdentity;
import io.rapport.jobs.functions.RouteToSurvivor;
import io.rapport.model.Author;
import io.rapport.model.CustomerProfile;
import io.rapport.model.CustomerRecord;
import io.rapport.model.CustomerRef;
import io.rapport.model.EnrichedMention;
import io.rapport.model.EsDocument;
import io.rapport.model.ProfileEvent;
import io.rapport.model.SocialAccount;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.profile.CurrencyRates;
import io.rapport.profile.Documents;
import io.rapport.profile.ProfileLogic;
import io.rapport.text.Analysis;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * {@code bin/rapport bench identity}: identity resolution figures.
 *
 * <ol>
 *   <li>Throughput: CRM links, mentions and purchases (pre-built events, no text analysis) through
 *       resolve-identity → merge-identities → route-to-survivor → maintain-profiles (profile and
 *       mention documents built, then discarded), at parallelism 1 in a local MiniCluster with
 *       RocksDB. Prints events/s (wall clock) and events per CPU-second of the whole process ("per
 *       core").
 *   <li>State per profile: builds {@code --profiles} customer profiles (default 1,000,000), each
 *       from a CRM record with 5 identifiers, 3 purchases and 2 mentions, and adds up the bytes
 *       their keyed state takes serialized with the job's serializers (keys included): identity
 *       index owners, merge-registry node, forwarding-stage history and the profile. RocksDB
 *       compresses blocks and adds per-entry overhead; this is the raw serialized figure.
 *   <li>Scoring state per customer ({@link ScoringStateSize}), measured the same way: {@code
 *       --scored N} customers (default 1,000,000) with {@code --purchases P} purchase days (default
 *       12) and {@code --mentions M} mentions (default 6) on average, scored once.
 * </ol>
 *
 * Options: {@code --customers N} (throughput run, default 100,000), {@code --events N} (mentions
 * and purchases after the links, default 1,000,000), {@code --profiles N}, {@code --scored N},
 * {@code --purchases P}, {@code --mentions M}, {@code --state-only} (no throughput runs).
 */
public final class IdentityBenchmark {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Pseudonymizer HASH = new Pseudonymizer("bench", true);

  private IdentityBenchmark() {}

  public static void main(String[] args) throws Exception {
    int customers = 100_000;
    int events = 1_000_000;
    int profiles = 1_000_000;
    int scored = 1_000_000;
    int purchases = 12;
    int mentions = 6;
    boolean stateOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--customers" -> customers = Integer.parseInt(args[++i]);
        case "--events" -> events = Integer.parseInt(args[++i]);
        case "--profiles" -> profiles = Integer.parseInt(args[++i]);
        case "--scored" -> scored = Integer.parseInt(args[++i]);
        case "--purchases" -> purchases = Integer.parseInt(args[++i]);
        case "--mentions" -> mentions = Integer.parseInt(args[++i]);
        case "--state-only" -> stateOnly = true;
        default -> {
          System.err.println(
              "usage: bin/rapport bench identity [--customers N] [--events N] [--profiles N]"
                  + " [--scored N] [--purchases P] [--mentions M] [--state-only]");
          System.exit(2);
        }
      }
    }
    if (purchases < 1 || mentions < 0) {
      System.err.println("--purchases must be at least 1 and --mentions at least 0");
      System.exit(2);
    }
    System.out.printf(
        Locale.ROOT,
        "%d cores, %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    if (!stateOnly) {
      throughput(customers, events); // warm-up
      throughput(customers, events);
    }
    stateBytes(profiles);
    long t0 = System.nanoTime();
    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    ScoringStateSize scoring =
        ScoringStateSize.measure(
            scored, purchases, mentions, k -> customer("C" + (1_000_000 + k), k));
    System.out.println(scoring.describe(purchases, mentions));
    System.out.printf(
        Locale.ROOT,
        "(scoring state built and measured in %.1f s wall, %.1f s CPU)%n",
        (System.nanoTime() - t0) / 1e9,
        (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9);
    System.exit(0);
  }

  // ---- throughput ----

  /**
   * Event {@code i}: the first {@code 3 * customers} are CRM links (crm id, email, handle of each
   * customer; every 25th customer's email is its predecessor's: a CRM duplicate and a merge); then
   * mentions (one in five by an unknown author: a prospect) and purchases by CRM id.
   */
  static final class Events implements GeneratorFunction<Long, ProfileEvent> {
    private static final long serialVersionUID = 1L;
    private final int customers;

    Events(int customers) {
      this.customers = customers;
    }

    @Override
    public ProfileEvent map(Long index) {
      long i = index;
      long links = 3L * customers;
      if (i < links) {
        int c = (int) (i / 3);
        String id = "C" + c;
        List<String> ids = List.of("crm:" + id, email(c), "social:x:h" + c);
        ProfileEvent link = ProfileEvent.link(ids.get((int) (i % 3)), id, T0.toEpochMilli() + c);
        link.identifiers = ids;
        return link;
      }
      long j = i - links;
      int c = (int) ((j * 2654435761L) % customers);
      Instant time = T0.plusSeconds(j);
      if (j % 2 == 0) {
        Transaction t = new Transaction();
        t.transactionId = "t" + j;
        t.type = "purchase";
        t.customer = new CustomerRef();
        t.customer.customerId = "C" + c;
        t.time = time;
        t.amount = 10 + (j % 90);
        t.currency = "EUR";
        t.channel = "web";
        return ProfileEvent.transaction("crm:C" + c, t);
      }
      SocialMention m = new SocialMention();
      m.mentionId = "m" + j;
      m.platform = "x";
      m.author = new Author();
      m.author.handle = j % 5 == 1 ? "u" + (j % 50_000) : "h" + c;
      m.author.followers = 100;
      m.text = "Lumen, qué desastre de entrega";
      m.time = time;
      m.brand = "lumen";
      Analysis a = new Analysis();
      a.lang = "es";
      a.compound = -0.6;
      return ProfileEvent.mention("social:x:" + m.author.handle, new EnrichedMention(m, a));
    }

    private static String email(int c) {
      return "email:c" + (c % 25 == 0 && c > 0 ? c - 1 : c) + "@example.com";
    }
  }

  private static void throughput(int customers, int events) throws Exception {
    Configuration flink = new Configuration();
    flink.setString("state.backend.type", "rocksdb");
    flink.setString("pipeline.generic-types", "false");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, flink);
    long total = 3L * customers + events;
    DataStream<ProfileEvent> input =
        env.fromSource(
            new DataGeneratorSource<>(
                new Events(customers),
                total,
                RateLimiterStrategy.noOp(),
                TypeInformation.of(ProfileEvent.class)),
            org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks(),
            "source-bench");
    CurrencyRates rates = CurrencyRates.defaults();
    Documents documents = new Documents("bench-", HASH);
    SingleOutputStreamOperator<ProfileEvent> resolved =
        input
            .keyBy(e -> e.key)
            .process(
                new ResolveIdentity(Duration.ofHours(1), Duration.ZERO, Duration.ofDays(90), HASH))
            .name("resolve-identity");
    SingleOutputStreamOperator<ProfileEvent> merges =
        resolved
            .getSideOutput(ResolveIdentity.CONFLICTS)
            .keyBy(e -> e.key)
            .process(new MergeIdentities(5, HASH))
            .name("merge-identities");
    DataStream<EsDocument> docs =
        resolved
            .union(merges)
            .keyBy(e -> e.key)
            .process(new RouteToSurvivor(rates, Duration.ofDays(90)))
            .name("route-to-survivor")
            .keyBy(e -> e.key)
            .process(new MaintainProfiles(documents, rates, Duration.ofDays(90)))
            .name("maintain-profiles");
    docs.sinkTo(new DiscardingSink<>());
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    env.execute("bench-identity");
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "identity resolution: %d events (%d links, %d mentions and purchases) %.2f s wall %.2f s"
            + " CPU: %.0f events/s, %.0f events/CPU-s%n",
        total,
        3L * customers,
        events,
        wall,
        cpu,
        total / wall,
        total / cpu);
  }

  // ---- state per profile ----

  private static void stateBytes(int profiles) throws Exception {
    SerializedState state = new SerializedState();
    TypeSerializer<CustomerProfile> profileSer = state.serializer(CustomerProfile.class);
    TypeSerializer<IdentityNode> nodeSer = state.serializer(IdentityNode.class);
    IdentifierNormalizer normalizer = IdentifierNormalizer.defaults("ES");
    CurrencyRates rates = CurrencyRates.defaults();
    long index = 0;
    long registry = 0;
    long forwarding = 0;
    long profile = 0;
    for (int k = 0; k < profiles; k++) {
      String id = "C" + (1_000_000 + k);
      CustomerRecord c = customer(id, k);
      List<String> ids = normalizer.of(c);
      CustomerProfile p = ProfileLogic.newProfile(id, CustomerProfile.CUSTOMER);
      ProfileLogic.applyCustomer(p, c);
      for (int t = 0; t < 3; t++) {
        Transaction tx = new Transaction();
        tx.transactionId = id + "-t" + t;
        tx.type = "purchase";
        tx.time = T0.plusSeconds(k + t);
        tx.amount = 20 + t;
        tx.currency = "EUR";
        tx.channel = t == 0 ? "store" : "web";
        ProfileLogic.applyTransaction(p, tx, rates.convert(tx.amount, tx.currency).orElse(0.0));
      }
      for (int m = 0; m < 2; m++) {
        SocialMention sm = new SocialMention();
        sm.mentionId = "1" + (7_000_000_000_000L + 2L * k + m);
        sm.platform = "x";
        sm.brand = "lumen";
        sm.author = new Author();
        sm.author.handle = "fan_" + k;
        sm.time = T0.plusSeconds(k + 10 + m);
        ProfileLogic.applyMention(p, sm, m == 0 ? 0.4 : -0.3);
      }
      for (String identifier : ids) {
        index += state.entry(identifier, id);
      }
      IdentityNode node = new IdentityNode();
      node.identifiers = new ArrayList<>(ids);
      registry += state.entry(id, nodeSer, node);
      int profileBytes = state.entry(id, profileSer, p);
      profile += profileBytes;
      forwarding += profileBytes; // the same history, kept once more by the forwarding stage
    }
    long total = index + registry + forwarding + profile;
    System.out.printf(
        Locale.ROOT,
        "state at %d profiles: %.0f bytes/profile serialized (identity index %.0f, merge registry"
            + " %.0f, forwarding history %.0f, profile %.0f); %.2f GB in all%n",
        profiles,
        (double) total / profiles,
        (double) index / profiles,
        (double) registry / profiles,
        (double) forwarding / profiles,
        (double) profile / profiles,
        total / 1e9);
  }

  private static CustomerRecord customer(String id, int k) {
    CustomerRecord c = new CustomerRecord();
    c.customerId = id;
    c.emails = new ArrayList<>(List.of("customer." + k + "@example.com"));
    c.phones = new ArrayList<>(List.of(String.format(Locale.ROOT, "+346%08d", k)));
    c.loyaltyCard = "LC-" + (5_000_000 + k);
    SocialAccount a = new SocialAccount();
    a.platform = "x";
    a.handle = "fan_" + k;
    c.socialAccounts = new ArrayList<>(List.of(a));
    c.consent = new io.rapport.model.Consent();
    c.consent.email = true;
    c.locale = "es-ES";
    c.country = "ES";
    c.city = "Madrid";
    c.timeZone = "Europe/Madrid";
    c.updatedAt = T0;
    return c;
  }
}
