/**
 * The deterministic, realistic data generator of Rapport's three input streams ({@code
 * crm.customers}, {@code crm.transactions}, {@code social.mentions}). Plain Java, no Flink.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * RapportGenerator gen = new RapportGenerator(GeneratorConfig.defaults().seed(42));
 * GeneratedRecord r = gen.record(12_345);      // pure: same (config, index), same record
 * r.topic; r.key; r.value; r.eventTimeMillis;  // what a producer sends (malformed values included)
 * r.malformedKind; r.expectedError;            // null when valid; else the ErrorCode RecordParser gives
 * r.customerId; r.intendedSentiment; r.intendedIntents; r.locale; r.scenario;   // truth, for tests
 * GeneratorStats.of(gen, 0, 10_000).valid(GeneratedRecord.TOPIC_MENTIONS);     // expected counts
 * gen.scenario();                               // the scripted high-spender churn stories
 * }</pre>
 *
 * <p>In Flink, {@code new DataGeneratorSource<>(gen::record, n, RateLimiterStrategy.perSecond(r),
 * TypeInformation.of(GeneratedRecord.class))} generates disjoint index ranges in parallel; the
 * generator is serializable (only its config travels). Event time is {@code start + index * step +
 * jitter} with {@code |jitter| <= jitterMillis}; a watermark strategy with {@link
 * io.rapport.generator.RapportGenerator#maxOutOfOrdernessMillis()} (default 6 s) never sees a late
 * record.
 *
 * <h2>The world (defaults)</h2>
 *
 * <ul>
 *   <li>Shape of the index space (see {@code Layout}): blocks of 20 records. The first 250 blocks
 *       are a CRM bootstrap (4 new customers, 5 transactions, 11 mentions a block: 1,000 customers
 *       by index 5,000); after that a block has 1 new customer (an update once all exist), 1 update
 *       or forget, 4 transactions and 14 mentions, i.e. 10 % / 20 % / 70 %.
 *   <li>20,000 customers ({@code C000000}...), created at {@link
 *       io.rapport.generator.RapportGenerator#creationIndex(int)}, always before any record about
 *       them; all exist by index about 385,000. Markets by the language mix: es-ES 40 % (Spain,
 *       EUR), es-LatAm 35 % (Mexico MXN 50 %, Colombia COP 25 %, Argentina ARS 25 %), en 25 % (US,
 *       USD); amounts are in local currency ({@link
 *       io.rapport.generator.RapportGenerator#perEur(String)} converts). 1–2 emails (55 % Gmail;
 *       case, dot and +tag variants), a mobile phone (85 %, E.164 or local format), a loyalty card
 *       (60 %), 1–2 social accounts (55 %; with or without '@', capitals), consent per channel,
 *       locale, city, IANA time zone. Updates re-send the full record with one change (consent, an
 *       email variant, the phone in the other format, a move, a new card, the handle re-typed). 3 %
 *       of new customers duplicate an earlier one: another customer id sharing exactly one
 *       identifier (email variant, phone in the other format, or card). 0.4 % ask to be forgotten
 *       ({@code op: forget}) 3,000 blocks after their creation, and no record mentions them after.
 *   <li>Spend tiers: one customer in ten is a high spender (by customer number), three medium, six
 *       low; intended mean days between purchases 6–12 / 15–30 / 35–90 (relative: the realised
 *       cadence scales with the step and the number of customers), baskets 2–5 / 1–3 / 1–2 items,
 *       premium (100 EUR+) items 55 % / 20 % / 6 %: the top decile holds well over a third of the
 *       spend. 15 % of customers drift: after a drift point (20,000–120,000 steps after creation)
 *       their purchase rate decays with a time constant of 40,000 steps, and their mentions turn
 *       negative. Transactions: channels store 45 %, web 30 %, app 20 %, phone 5 %; stores per
 *       city; 30 products in six categories; the customer named by id (75 %), card or email
 *       variant; 7 % are returns of part of an earlier purchase of the same customer ({@code
 *       originalTransactionId}).
 *   <li>Mentions: 35 % by customers (with a handle they gave the CRM, on that platform), the rest
 *       by 60,000 prospects with heavy-tailed followers (a few verified influencers). Brand 70 %
 *       (customers) / 50 % (prospects), the two competitors the rest. Categories: praise,
 *       recommendation, purchase intent (pos), question, neutral (neu), complaint, churn threat
 *       (neg), from about 150 templates in Spain Spanish, Latin-American Spanish (Mexican,
 *       Colombian, Argentinian slang) and English times slots (products, cities, slang, emoji,
 *       hashtags), with typos, missing accents, elongations: thousands of distinct texts. 10 %
 *       replies, 7 % reposts, 4 % quotes of an earlier original mention; x, instagram, tiktok,
 *       facebook, youtube, reviews, forums; geo for 25 %. The brand answers: 60 % of the replies to
 *       an original question or complaint about it are its own ({@link RecordKind#BRAND_REPLY}, by
 *       its verified account of the asker's market, lumen_es, lumen_mx, lumen…, in the asker's
 *       language), minutes to days later.
 *   <li>Malformed: {@code malformedRate} (1 %) of all records, never a customer's creation nor a
 *       scripted record; kinds evenly spread (OVERSIZED_TEXT on mentions only, as the other
 *       contracts have no text): truncated JSON, a required field left out, a wrong JSON type, a
 *       10,001–14,000 character text, Latin-1 bytes, schemaVersion 0 or 2.
 *   <li>Scenario: customers C000007 (Colombia), C000013 (US) and C000002 (Spain) are high spenders
 *       with six large purchases each before index 1,400, then each posts a clearly negative churn
 *       threat about the brand, at indices 1,441, 1,681 and 1,901.
 * </ul>
 */
package io.rapport.generator;
