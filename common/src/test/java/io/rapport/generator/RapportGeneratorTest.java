package io.rapport.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rapport.model.CustomerRecord;
import io.rapport.model.SocialAccount;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.serde.ParseResult;
import io.rapport.serde.RecordParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RapportGeneratorTest {

  private static final RapportGenerator GEN = new RapportGenerator(GeneratorConfig.defaults());
  private static final RecordParser PARSER = new RecordParser();

  private static ParseResult<?> parse(GeneratedRecord r) {
    switch (r.topic) {
      case GeneratedRecord.TOPIC_CUSTOMERS:
        return PARSER.customer(r.value);
      case GeneratedRecord.TOPIC_TRANSACTIONS:
        return PARSER.transaction(r.value);
      default:
        return PARSER.mention(r.value);
    }
  }

  // ---------------------------------------------------------------- determinism

  @Test
  void sameSeedAndIndexGiveTheSameBytes() {
    RapportGenerator other = new RapportGenerator(GeneratorConfig.defaults());
    for (long i = 0; i < 3_000; i++) {
      GeneratedRecord a = GEN.record(i);
      GeneratedRecord b = other.record(i);
      assertThat(b).as("index %d", i).isEqualTo(a);
      assertThat(b.value).isEqualTo(a.value);
      assertThat(b.key).isEqualTo(a.key);
    }
  }

  @Test
  void differentSeedsGiveDifferentWorlds() {
    RapportGenerator seven = new RapportGenerator(GeneratorConfig.defaults().seed(7));
    int same = 0;
    for (long i = 0; i < 2_000; i++) {
      if (java.util.Arrays.equals(GEN.record(i).value, seven.record(i).value)) {
        same++;
      }
    }
    assertThat(same).isLessThan(20);
  }

  @Test
  void recordsAreIndexAddressable() throws Exception {
    List<GeneratedRecord> sequential = new ArrayList<>();
    RapportGenerator a = new RapportGenerator(GeneratorConfig.defaults().seed(99));
    for (long i = 0; i < 6_000; i++) {
      sequential.add(a.record(i));
    }
    // a fresh, serialized-and-back generator, computing the same indices in another order and
    // in disjoint ranges, as parallel subtasks would
    RapportGenerator b = roundTrip(new RapportGenerator(GeneratorConfig.defaults().seed(99)));
    for (long i = 5_999; i >= 3_000; i--) {
      assertThat(b.record(i)).isEqualTo(sequential.get((int) i));
    }
    RapportGenerator c = new RapportGenerator(GeneratorConfig.defaults().seed(99));
    for (long i = 0; i < 3_000; i += 7) {
      assertThat(c.record(i)).isEqualTo(sequential.get((int) i));
    }
    // alone, far away
    assertThat(new RapportGenerator(GeneratorConfig.defaults()).record(1_234_567))
        .isEqualTo(GEN.record(1_234_567));
  }

  private static RapportGenerator roundTrip(RapportGenerator g) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(g);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (RapportGenerator) in.readObject();
    }
  }

  // ---------------------------------------------------------------- validity

  @Test
  void validRecordsPassTheParserAndMalformedOnesFailWithTheirError() {
    int malformed = 0;
    for (long i = 0; i < 30_000; i++) {
      GeneratedRecord r = GEN.record(i);
      ParseResult<?> res = parse(r);
      if (r.isValid()) {
        assertThat(res.isOk()).as("index %d: %s -> %s", i, r, res).isTrue();
      } else {
        malformed++;
        assertThat(res.isOk()).as("index %d: %s", i, r).isFalse();
        assertThat(res.error().name())
            .as("index %d: %s -> %s", i, r, res)
            .isEqualTo(r.expectedError);
        assertThat(MalformedKind.valueOf(r.malformedKind).expectedError().name())
            .isEqualTo(r.expectedError);
      }
    }
    assertThat(malformed).isGreaterThan(150);
  }

  @Test
  void everyMalformedKindAppearsOnEveryTopicItCanAndFailsAsExpected() {
    Map<String, EnumMap<MalformedKind, Integer>> seen = new HashMap<>();
    for (long i = 0; i < 300_000; i++) {
      RapportGenerator.Plan p = GEN.plan(i);
      if (p.malformed == null) {
        continue;
      }
      EnumMap<MalformedKind, Integer> m =
          seen.computeIfAbsent(p.topic, t -> new EnumMap<>(MalformedKind.class));
      int n = m.merge(p.malformed, 1, Integer::sum);
      if (n <= 25) {
        GeneratedRecord r = GEN.record(i);
        assertThat(r.malformedKind).isEqualTo(p.malformed.name());
        ParseResult<?> res = parse(r);
        assertThat(res.isOk()).isFalse();
        assertThat(res.error().name()).as("%s -> %s", r, res).isEqualTo(r.expectedError);
      }
    }
    for (String topic : GeneratedRecord.TOPICS) {
      Set<MalformedKind> expected = new HashSet<>(List.of(MalformedKind.values()));
      if (!topic.equals(GeneratedRecord.TOPIC_MENTIONS)) {
        expected.remove(MalformedKind.OVERSIZED_TEXT);
      }
      assertThat(seen.get(topic).keySet()).as(topic).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void malformedRateIsTheConfiguredOne() {
    for (double rate : new double[] {0.01, 0.05}) {
      RapportGenerator g = new RapportGenerator(GeneratorConfig.defaults().malformedRate(rate));
      GeneratorStats s = GeneratorStats.of(g, 0, 400_000);
      assertThat((double) s.malformed() / s.total()).isCloseTo(rate, within(rate * 0.1));
    }
    RapportGenerator none = new RapportGenerator(GeneratorConfig.defaults().malformedRate(0));
    assertThat(GeneratorStats.of(none, 0, 50_000).malformed()).isZero();
  }

  @Test
  void statsMatchTheRecords() {
    GeneratorStats s = GeneratorStats.of(GEN, 1_000, 11_000);
    Map<String, long[]> counted = new HashMap<>();
    EnumMap<RecordKind, Long> kinds = new EnumMap<>(RecordKind.class);
    EnumMap<MalformedKind, Long> bad = new EnumMap<>(MalformedKind.class);
    for (long i = 1_000; i < 11_000; i++) {
      GeneratedRecord r = GEN.record(i);
      long[] c = counted.computeIfAbsent(r.topic, t -> new long[2]);
      if (r.isValid()) {
        c[0]++;
        kinds.merge(r.kind, 1L, Long::sum);
      } else {
        c[1]++;
        bad.merge(MalformedKind.valueOf(r.malformedKind), 1L, Long::sum);
      }
    }
    for (String t : GeneratedRecord.TOPICS) {
      assertThat(s.valid(t)).as(t).isEqualTo(counted.get(t)[0]);
      assertThat(s.malformed(t)).as(t).isEqualTo(counted.get(t)[1]);
    }
    for (RecordKind k : RecordKind.values()) {
      assertThat(s.valid(k)).as(k.name()).isEqualTo(kinds.getOrDefault(k, 0L));
    }
    for (MalformedKind k : MalformedKind.values()) {
      assertThat(s.malformed(k)).as(k.name()).isEqualTo(bad.getOrDefault(k, 0L));
    }
    assertThat(s.valid() + s.malformed()).isEqualTo(10_000);
  }

  // ---------------------------------------------------------------- time

  @Test
  void eventTimeGrowsWithTheIndexWithinTheJitterBound() {
    GeneratorConfig c = GeneratorConfig.defaults();
    long bound = GEN.maxOutOfOrdernessMillis();
    assertThat(bound).isEqualTo(2 * c.jitterMillis - c.meanStepMillis);
    long max = GEN.eventTimeMillis(0);
    int late = 0;
    long start = c.start.toEpochMilli();
    for (long i = 0; i < 100_000; i++) {
      long t = GEN.eventTimeMillis(i);
      assertThat(Math.abs(t - (start + i * c.meanStepMillis))).isLessThanOrEqualTo(c.jitterMillis);
      assertThat(t).as("index %d", i).isGreaterThanOrEqualTo(max - bound);
      if (t < max) {
        late++;
      }
      max = Math.max(max, t);
    }
    assertThat(late).as("some records are out of order").isGreaterThan(500);
    assertThat(GEN.record(12_345).eventTimeMillis).isEqualTo(GEN.eventTimeMillis(12_345));
  }

  // ---------------------------------------------------------------- customers

  @Test
  void customersAppearBeforeTheirFirstTransaction() {
    Map<String, Long> created = new HashMap<>();
    for (long i = 0; i < 20_000; i++) {
      GeneratedRecord r = GEN.record(i);
      if (r.kind == RecordKind.CUSTOMER_CREATE) {
        assertThat(created.put(r.customerId, i)).isNull();
        assertThat(GEN.creationIndex(GEN.customerNumber(r.customerId))).isEqualTo(i);
      } else if (r.customerId != null) {
        assertThat(created).as("%s at %d", r.customerId, i).containsKey(r.customerId);
      }
    }
    assertThat(created).hasSize(GEN.customersCreatedBefore(20_000));
  }

  @Test
  void duplicatesShareExactlyOneKindOfIdentifierWithTheirOriginal() {
    int duplicates = 0;
    Map<String, Integer> owner = new HashMap<>();
    for (int k = 0; k < 4_000; k++) {
      CustomerRecord c = customerRecord(k);
      int orig = GEN.duplicateOf(k);
      Set<String> ids = identifiers(c);
      if (orig >= 0) {
        duplicates++;
        assertThat(orig).isLessThan(k);
        Set<String> shared = new HashSet<>(ids);
        shared.retainAll(identifiers(customerRecord(orig)));
        assertThat(shared).as("C%d duplicates C%d", k, orig).hasSize(1);
        assertThat(shared.iterator().next()).startsWith(GEN.sharedIdentifier(k) + ":");
        assertThat(c.customerId).isNotEqualTo(GEN.customerId(orig));
      } else {
        for (String id : ids) {
          Integer prev = owner.put(id, k);
          assertThat(prev).as("%s of C%d already belongs to C%s", id, k, prev).isNull();
        }
      }
    }
    assertThat(duplicates).isBetween(60, 200); // 3 %
  }

  private static CustomerRecord customerRecord(int k) {
    GeneratedRecord r = GEN.record(GEN.creationIndex(k));
    assertThat(r.kind).isEqualTo(RecordKind.CUSTOMER_CREATE);
    return PARSER.customer(r.value).value();
  }

  /** Identifiers as an identity resolver would normalise them. */
  static Set<String> identifiers(CustomerRecord c) {
    Set<String> out = new HashSet<>();
    for (String e : c.emails) {
      out.add("email:" + normalizeEmail(e));
    }
    for (String p : c.phones) {
      out.add("phone:" + nationalNumber(p));
    }
    if (c.loyaltyCard != null) {
      out.add("card:" + c.loyaltyCard);
    }
    return out;
  }

  /**
   * The national significant number of a phone written in E.164 or locally (Argentina's local
   * mobile form "0351 15-790-1984" drops the trunk 0 and the 15; E.164 "+549..." drops the 9).
   */
  static String nationalNumber(String phone) {
    String d = phone.replaceAll("[^0-9]", "");
    if (phone.startsWith("+")) {
      for (String cc : new String[] {"549", "34", "52", "57", "1"}) {
        if (d.startsWith(cc)) {
          return d.substring(cc.length());
        }
      }
      throw new AssertionError("unknown country code: " + phone);
    }
    if (d.startsWith("0")) {
      d = d.substring(1);
      int area = d.startsWith("11") ? 2 : 3;
      assertThat(d.substring(area, area + 2)).isEqualTo("15");
      return d.substring(0, area) + d.substring(area + 2);
    }
    return d;
  }

  static String normalizeEmail(String e) {
    String s = e.toLowerCase(Locale.ROOT);
    int at = s.indexOf('@');
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    if (domain.equals("gmail.com")) {
      int plus = local.indexOf('+');
      if (plus >= 0) {
        local = local.substring(0, plus);
      }
      local = local.replace(".", "");
    }
    return local + "@" + domain;
  }

  @Test
  void customersHaveVariedIdentifiersAndRareForgets() {
    int withCard = 0;
    int withSocial = 0;
    int gmailDotVariantsInTransactions = 0;
    Set<String> countries = new HashSet<>();
    for (int k = 0; k < 2_000; k++) {
      CustomerRecord c = customerRecord(k);
      assertThat(c.emails).isNotEmpty();
      countries.add(c.country);
      withCard += c.loyaltyCard != null ? 1 : 0;
      withSocial += c.socialAccounts != null ? 1 : 0;
    }
    assertThat(countries).containsExactlyInAnyOrder("ES", "MX", "CO", "AR", "US");
    assertThat(withCard).isBetween(1_000, 1_400);
    assertThat(withSocial).isBetween(900, 1_300);
    for (long i = 0; i < 20_000; i++) {
      if (GEN.topicOf(i).equals(GeneratedRecord.TOPIC_TRANSACTIONS)) {
        GeneratedRecord r = GEN.record(i);
        if (r.isValid() && r.valueString().contains("@gmail.com")) {
          Transaction t = PARSER.transaction(r.value).value();
          if (t.customer.email != null
              && (t.customer.email.contains("+")
                  || !t.customer.email.equals(t.customer.email.toLowerCase(Locale.ROOT)))) {
            gmailDotVariantsInTransactions++;
          }
        }
      }
    }
    assertThat(gmailDotVariantsInTransactions).isGreaterThan(20);
    GeneratorStats s = GeneratorStats.of(GEN, 0, 400_000);
    assertThat(s.valid(RecordKind.CUSTOMER_FORGET)).isBetween(20L, 120L); // 0.4 % of customers
    assertThat(s.valid(RecordKind.CUSTOMER_UPDATE)).isGreaterThan(10_000L);
  }

  @Test
  void updatesKeepTheCustomersIdentifiersUpToSpelling() {
    int updates = 0;
    for (long i = 5_000; i < 60_000 && updates < 500; i++) {
      if (!GEN.topicOf(i).equals(GeneratedRecord.TOPIC_CUSTOMERS)) {
        continue;
      }
      GeneratedRecord r = GEN.record(i);
      if (r.kind != RecordKind.CUSTOMER_UPDATE || !r.isValid()) {
        continue;
      }
      updates++;
      CustomerRecord u = PARSER.customer(r.value).value();
      CustomerRecord c = customerRecord(GEN.customerNumber(u.customerId));
      assertThat(u.updatedAt).isAfter(c.updatedAt);
      Set<String> before = identifiers(c);
      Set<String> after = identifiers(u);
      // an update may add a card or an email variant, never lose or change an identifier
      // (a phone is only re-written in the other format)
      assertThat(after).as("%s vs %s", u, c).containsAll(before);
      if (c.socialAccounts != null) {
        for (int a = 0; a < c.socialAccounts.size(); a++) {
          assertThat(norm(u.socialAccounts.get(a).handle))
              .isEqualTo(norm(c.socialAccounts.get(a).handle));
        }
      }
    }
    assertThat(updates).isEqualTo(500);
  }

  @Test
  void forgottenCustomersStopAppearing() {
    int checked = 0;
    for (int k = 0; k < 20_000 && checked < 3; k++) {
      long f = GEN.forgetIndex(k);
      if (f < 0 || f > 2_000_000) {
        continue;
      }
      checked++;
      GeneratedRecord forget = GEN.record(f);
      assertThat(forget.kind).isEqualTo(RecordKind.CUSTOMER_FORGET);
      assertThat(forget.customerId).isEqualTo(GEN.customerId(k));
      if (forget.isValid()) {
        assertThat(PARSER.customer(forget.value).value().op).isEqualTo("forget");
      }
      for (long i = f + 1; i < f + 40_000; i++) {
        if (!GEN.topicOf(i).equals(GeneratedRecord.TOPIC_CUSTOMERS)) {
          continue;
        }
        assertThat(GEN.record(i).customerId).isNotEqualTo(forget.customerId);
      }
    }
    assertThat(checked).isPositive();
  }

  // ---------------------------------------------------------------- transactions

  @Test
  void returnsReferToAnEarlierPurchaseOfTheSameCustomer() {
    int returns = 0;
    for (long i = 0; i < 60_000; i++) {
      if (!GEN.topicOf(i).equals(GeneratedRecord.TOPIC_TRANSACTIONS)) {
        continue;
      }
      GeneratedRecord r = GEN.record(i);
      if (r.kind != RecordKind.RETURN || !r.isValid()) {
        continue;
      }
      returns++;
      Transaction t = PARSER.transaction(r.value).value();
      assertThat(t.type).isEqualTo("return");
      long orig = Long.parseLong(t.originalTransactionId.substring(1));
      assertThat(orig).isLessThan(i);
      GeneratedRecord o = GEN.record(orig);
      assertThat(o.kind).isEqualTo(RecordKind.PURCHASE);
      assertThat(o.isValid()).isTrue();
      Transaction ot = PARSER.transaction(o.value).value();
      assertThat(ot.transactionId).isEqualTo(t.originalTransactionId);
      assertThat(t.customer).isEqualTo(ot.customer);
      assertThat(r.customerId).isEqualTo(o.customerId);
      assertThat(ot.items).containsAll(t.items);
      assertThat(t.amount).isLessThanOrEqualTo(ot.amount);
      assertThat(t.currency).isEqualTo(ot.currency);
    }
    assertThat(returns).isBetween(400, 1_200); // ~7 % of ~12,000 transactions
  }

  @Test
  void spendIsSkewedSoThatATopDecileExists() {
    Map<String, Double> spend = new HashMap<>();
    Set<String> channels = new HashSet<>();
    Set<String> categories = new HashSet<>();
    for (long i = 0; i < 100_000; i++) {
      if (!GEN.topicOf(i).equals(GeneratedRecord.TOPIC_TRANSACTIONS)) {
        continue;
      }
      GeneratedRecord r = GEN.record(i);
      if (!r.isValid()) {
        continue;
      }
      Transaction t = PARSER.transaction(r.value).value();
      channels.add(t.channel);
      t.items.forEach(li -> categories.add(li.category));
      double eur = t.amount / RapportGenerator.perEur(t.currency);
      spend.merge(r.customerId, t.type.equals("return") ? -eur : eur, Double::sum);
    }
    assertThat(channels).containsExactlyInAnyOrder("store", "web", "app", "phone");
    assertThat(categories).contains("electronics", "home", "fashion", "beauty", "sports", "toys");
    List<Double> sorted = new ArrayList<>(spend.values());
    sorted.sort(Comparator.reverseOrder());
    double total = sorted.stream().mapToDouble(Double::doubleValue).sum();
    double top =
        sorted.subList(0, sorted.size() / 10).stream().mapToDouble(Double::doubleValue).sum();
    assertThat(top / total).as("share of spend of the top decile").isGreaterThan(0.35);
    // the top decile is mostly the high tier
    List<Map.Entry<String, Double>> entries = new ArrayList<>(spend.entrySet());
    entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    long high =
        entries.subList(0, entries.size() / 10).stream()
            .filter(e -> GEN.spendTier(GEN.customerNumber(e.getKey())).equals("high"))
            .count();
    assertThat((double) high / (entries.size() / 10)).isGreaterThan(0.6);
  }

  @Test
  void driftingCustomersBuyLessAfterTheirDriftPoint() {
    RapportGenerator g = new RapportGenerator(GeneratorConfig.defaults().customers(2_000));
    long end = 300_000;
    long step = g.config().meanStepMillis;
    long endTime = g.eventTimeMillis(end);
    Map<String, int[]> counts = new HashMap<>(); // [before drift, after drift]
    for (long i = 0; i < end; i++) {
      if (!g.topicOf(i).equals(GeneratedRecord.TOPIC_TRANSACTIONS)) {
        continue;
      }
      GeneratedRecord r = g.record(i);
      if (r.kind != RecordKind.PURCHASE || r.scenario) {
        continue;
      }
      int k = g.customerNumber(r.customerId);
      int[] c = counts.computeIfAbsent(r.customerId, x -> new int[2]);
      c[r.eventTimeMillis < g.driftAtMillis(k) ? 0 : 1]++;
    }
    double[] drifting = new double[4]; // purchases before, exposure before, after, exposure after
    double[] steady = new double[4];
    for (int k = 0; k < 2_000; k++) {
      if (g.duplicateOf(k) >= 0) {
        continue;
      }
      long created = g.eventTimeMillis(g.creationIndex(k));
      long drift = Math.min(g.driftAtMillis(k), endTime);
      int[] c = counts.getOrDefault(g.customerId(k), new int[2]);
      double[] acc = g.isDrifting(k) ? drifting : steady;
      acc[0] += c[0];
      acc[1] += (drift - created) / (double) step;
      acc[2] += c[1];
      acc[3] += (endTime - drift) / (double) step;
    }
    double driftRatio = (drifting[2] / drifting[3]) / (drifting[0] / drifting[1]);
    double steadyRatio = (steady[2] / steady[3]) / (steady[0] / steady[1]);
    assertThat(driftRatio).as("drifting after/before purchase rate").isLessThan(0.6);
    assertThat(steadyRatio).as("steady after/before purchase rate").isGreaterThan(0.8);
  }

  // ---------------------------------------------------------------- mentions

  @Test
  void mentionsHaveTheConfiguredMixOfCustomersAndLanguages() {
    int mentions = 0;
    int byCustomers = 0;
    Map<String, Integer> locales = new HashMap<>();
    Set<String> texts = new HashSet<>();
    Set<String> platforms = new HashSet<>();
    Map<String, Integer> sentiment = new HashMap<>();
    Set<String> intents = new HashSet<>();
    int replies = 0;
    int reposts = 0;
    int quotes = 0;
    int influencers = 0;
    int verified = 0;
    int geo = 0;
    Map<String, String> handleOwner = new HashMap<>();
    for (long i = 0; i < 60_000; i++) {
      if (!GEN.topicOf(i).equals(GeneratedRecord.TOPIC_MENTIONS)) {
        continue;
      }
      GeneratedRecord r = GEN.record(i);
      if (!r.isValid() || r.kind == RecordKind.BRAND_REPLY) {
        continue; // what people say (the brand's answers: brandAnswersQuestionsAndComplaints)
      }
      SocialMention m = PARSER.mention(r.value).value();
      mentions++;
      if (r.customerId != null) {
        byCustomers++;
      }
      String who = r.customerId != null ? r.customerId : "prospect";
      String h = m.platform + ":" + m.author.handle.replace("@", "").toLowerCase(Locale.ROOT);
      String prev = handleOwner.putIfAbsent(h, who);
      if (prev != null && !prev.equals("prospect")) {
        assertThat(who).as("handle %s", h).isEqualTo(prev);
      }
      String group =
          r.locale.equals("es-ES") ? "es-ES" : r.locale.startsWith("es") ? "es-LatAm" : "en";
      locales.merge(group, 1, Integer::sum);
      assertThat(m.lang).isEqualTo(r.locale.substring(0, 2));
      texts.add(m.text);
      platforms.add(m.platform);
      sentiment.merge(r.intendedSentiment, 1, Integer::sum);
      intents.addAll(r.intendedIntents);
      replies += m.replyTo != null ? 1 : 0;
      reposts += m.repostOf != null ? 1 : 0;
      quotes += m.quoteOf != null ? 1 : 0;
      influencers += m.author.followers >= 100_000 ? 1 : 0;
      verified += m.author.verified ? 1 : 0;
      geo += m.geo != null ? 1 : 0;
    }
    assertThat((double) byCustomers / mentions).isCloseTo(0.35, within(0.05));
    assertThat((double) locales.get("es-ES") / mentions).isCloseTo(0.40, within(0.04));
    assertThat((double) locales.get("es-LatAm") / mentions).isCloseTo(0.35, within(0.04));
    assertThat((double) locales.get("en") / mentions).isCloseTo(0.25, within(0.04));
    assertThat(texts.size()).as("distinct texts").isGreaterThan(5_000);
    assertThat(platforms)
        .containsExactlyInAnyOrder(
            "x", "instagram", "tiktok", "facebook", "youtube", "reviews", "forums");
    assertThat(sentiment.keySet()).containsExactlyInAnyOrder("pos", "neg", "neu");
    assertThat(intents)
        .containsExactlyInAnyOrder(
            "praise", "complaint", "question", "recommendation", "purchase_intent", "churn_threat");
    assertThat(replies).isGreaterThan(mentions / 20);
    assertThat(reposts).isGreaterThan(mentions / 30);
    assertThat(quotes).isGreaterThan(mentions / 60);
    assertThat(influencers).isPositive();
    assertThat(verified).isPositive();
    assertThat(geo).isGreaterThan(mentions / 6);
  }

  @Test
  void brandAnswersQuestionsAndComplaintsAboutItByItsVerifiedAccount() {
    Map<String, GeneratedRecord> byId = new HashMap<>();
    Map<String, SocialMention> mentions = new HashMap<>();
    int answers = 0;
    int people = 0;
    Set<String> handles = new HashSet<>();
    for (long i = 0; i < 60_000; i++) {
      if (!GEN.topicOf(i).equals(GeneratedRecord.TOPIC_MENTIONS)) {
        continue;
      }
      GeneratedRecord r = GEN.record(i);
      if (!r.isValid()) {
        continue;
      }
      SocialMention m = PARSER.mention(r.value).value();
      if (r.kind != RecordKind.BRAND_REPLY) {
        people++;
        byId.put(m.mentionId, r);
        mentions.put(m.mentionId, m);
        continue;
      }
      answers++;
      assertThat(r.customerId).isNull();
      assertThat(r.intendedSentiment).isNull();
      assertThat(r.intendedIntents).isEmpty();
      assertThat(m.author.verified).isTrue();
      assertThat(m.brand).isEqualTo("lumen");
      handles.add(m.author.handle);
      // it answers an earlier question or complaint about the brand, on the same platform, in
      // its language
      GeneratedRecord asked = byId.get(m.replyTo);
      if (asked == null) {
        continue; // the question was malformed (a dead letter)
      }
      SocialMention q = mentions.get(m.replyTo);
      assertThat(q.brand).isEqualTo("lumen");
      assertThat(asked.intendedIntents).containsAnyOf("question", "complaint");
      assertThat(m.platform).isEqualTo(q.platform);
      assertThat(m.lang).isEqualTo(q.lang);
      assertThat(m.time).isAfter(q.time);
      assertThat(q.author.handle.replace("@", "")).isNotEqualTo(m.author.handle);
    }
    assertThat((double) answers / people).isBetween(0.003, 0.05);
    assertThat(handles)
        .contains("lumen_es", "lumen_mx", "lumen")
        .allMatch(h -> h.startsWith("lumen"));
  }

  @Test
  void customerAuthorsPostWithAHandleTheyGaveTheCrm() {
    int checked = 0;
    for (long i = 0; i < 20_000 && checked < 300; i++) {
      if (!GEN.topicOf(i).equals(GeneratedRecord.TOPIC_MENTIONS)) {
        continue;
      }
      GeneratedRecord r = GEN.record(i);
      if (!r.isValid() || r.customerId == null) {
        continue;
      }
      checked++;
      SocialMention m = PARSER.mention(r.value).value();
      CustomerRecord c = customerRecord(GEN.customerNumber(r.customerId));
      assertThat(GEN.creationIndex(GEN.customerNumber(r.customerId))).isLessThan(i);
      boolean match = false;
      for (SocialAccount a : c.socialAccounts) {
        match |= a.platform.equals(m.platform) && norm(a.handle).equals(norm(m.author.handle));
      }
      assertThat(match).as("%s vs %s", m.author.handle, c.socialAccounts).isTrue();
    }
    assertThat(checked).isEqualTo(300);
  }

  private static String norm(String handle) {
    return handle.replace("@", "").toLowerCase(Locale.ROOT);
  }

  @Test
  void slangChurnThreatsAndEmojiAreThere() {
    StringBuilder all = new StringBuilder();
    for (long i = 0; i < 100_000; i++) {
      if (GEN.topicOf(i).equals(GeneratedRecord.TOPIC_MENTIONS)) {
        GeneratedRecord r = GEN.record(i);
        if (r.isValid()) {
          all.append(PARSER.mention(r.value).value().text).append('\n');
        }
      }
    }
    String text = all.toString();
    for (String s :
        List.of(
            "me doy de baja",
            "me cambio a vela",
            "i'm switching to northwind",
            "una pasada",
            "qué chido",
            "mola",
            "padrísimo",
            "un asco",
            "ni de coña",
            "chévere",
            "😡",
            "#")) {
      assertThat(text.toLowerCase(Locale.ROOT)).as(s).contains(s);
    }
  }

  // ---------------------------------------------------------------- the scenario

  @Test
  void aHighSpenderPostsAClearlyNegativeMentionWithinTheFirst2000Records() {
    List<Scenario.Story> stories = GEN.scenario();
    assertThat(stories).hasSize(3);
    Map<String, Double> spendEur = new HashMap<>();
    Map<String, Double> spendNaive = new HashMap<>();
    List<GeneratedRecord> records = new ArrayList<>();
    for (long i = 0; i < 2_000; i++) {
      records.add(GEN.record(i));
    }
    for (Scenario.Story story : stories) {
      assertThat(story.negativeMentionIndex).isLessThan(2_000);
      GeneratedRecord m = records.get((int) story.negativeMentionIndex);
      assertThat(m.isValid()).isTrue();
      assertThat(m.scenario).isTrue();
      assertThat(m.customerId).isEqualTo(story.customerId);
      assertThat(m.intendedSentiment).isEqualTo("neg");
      assertThat(m.intendedIntents).contains("complaint", "churn_threat");
      SocialMention sm = PARSER.mention(m.value).value();
      assertThat(sm.brand).isEqualTo("lumen");
      int k = GEN.customerNumber(story.customerId);
      assertThat(GEN.creationIndex(k)).isLessThan(story.purchaseIndices.get(0));
      assertThat(
              customerRecord(k)
                  .socialAccounts
                  .get(0)
                  .handle
                  .replace("@", "")
                  .toLowerCase(Locale.ROOT))
          .isEqualTo(sm.author.handle.replace("@", "").toLowerCase(Locale.ROOT));
      for (long p : story.purchaseIndices) {
        assertThat(p).isLessThan(story.negativeMentionIndex);
        assertThat(records.get((int) p).isValid()).isTrue();
        assertThat(records.get((int) p).customerId).isEqualTo(story.customerId);
      }
      // spend up to the mention
      spendEur.clear();
      spendNaive.clear();
      for (GeneratedRecord r : records.subList(0, (int) story.negativeMentionIndex)) {
        if (r.isValid() && r.topic.equals(GeneratedRecord.TOPIC_TRANSACTIONS)) {
          Transaction t = PARSER.transaction(r.value).value();
          double sign = t.type.equals("return") ? -1 : 1;
          spendEur.merge(
              r.customerId, sign * t.amount / RapportGenerator.perEur(t.currency), Double::sum);
          spendNaive.merge(r.customerId, sign * t.amount, Double::sum);
        }
      }
      assertThat(rank(spendEur, story.customerId))
          .as("EUR rank of %s", story)
          .isLessThan(spendEur.size() / 10);
      if (story.country.equals("CO")) {
        assertThat(rank(spendNaive, story.customerId))
            .as("naive rank")
            .isLessThan(spendNaive.size() / 10);
      }
    }
  }

  private static int rank(Map<String, Double> spend, String id) {
    double mine = spend.get(id);
    int above = 0;
    for (double v : spend.values()) {
      above += v > mine ? 1 : 0;
    }
    return above;
  }
}
