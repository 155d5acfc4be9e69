package io.rapport.jobs.identity;

import static io.rapport.jobs.RapportOptions.TOPIC_ALERTS;
import static io.rapport.jobs.RapportOptions.TOPIC_CUSTOMERS;
import static io.rapport.jobs.RapportOptions.TOPIC_MENTIONS;
import static io.rapport.jobs.RapportOptions.TOPIC_MERGES;
import static io.rapport.jobs.RapportOptions.TOPIC_TRANSACTIONS;
import static io.rapport.jobs.identity.IdentityJob.await;
import static io.rapport.jobs.identity.IdentityJob.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.alerting.AlertTypes;
import io.rapport.alerting.IdentityAlerts;
import io.rapport.identity.IdentityGraph;
import io.rapport.identity.Pseudonymizer;
import io.rapport.jobs.RapportOptions;
import io.rapport.jobs.functions.ResolveIdentity;
import io.rapport.model.CustomerRecord;
import io.rapport.model.CustomerRef;
import io.rapport.model.MergeRecord;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.Samples;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The identity scenario catalogue: one rule each, on the main job (MiniCluster, parallelism 2,
 * RocksDB, exactly-once checkpoints) between a real Kafka broker and a real Elasticsearch node, one
 * unique topic and index prefix per scenario. Each asserts the exact profiles, merge log (index and
 * committed topic records) and event counts.
 */
class IdentityScenariosITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  /** The job's default hash secret: prospect ids and identifier hashes as the job makes them. */
  private static final Pseudonymizer HASH =
      new Pseudonymizer(RapportOptions.PRIVACY_HASH_SECRET.defaultValue(), true);

  private static SocialMention mention(String id, String handle, int sec) {
    return Samples.mention(id, "x", handle, "Lumen, qué desastre", Samples.T0.plusSeconds(sec));
  }

  private static SocialMention question(String id, String handle, int sec) {
    return Samples.mention(
        id, "x", handle, "¿A qué hora abre la tienda de Lumen?", Samples.T0.plusSeconds(sec));
  }

  private static Transaction purchase(String id, String customerId, double amount, int sec) {
    return Samples.purchase(id, customerId, amount, Samples.T0.plusSeconds(sec));
  }

  private static String prospect(String handle) {
    return ResolveIdentity.prospectId(HASH, "social:x:" + handle);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void crmDuplicatesMergeIntoTheOldestCustomerId() throws Exception {
    IdentityJob it = new IdentityJob(Map.of());
    JobClient job = it.start();
    try {
      it.produce(TOPIC_CUSTOMERS, customer("C12", List.of("Dup@Example.com"), List.of("b12"), 2));
      it.produce(TOPIC_CUSTOMERS, customer("C11", List.of("dup@example.com"), List.of("a11"), 1));
      it.produce(TOPIC_TRANSACTIONS, purchase("t1", "C11", 10, 10));
      it.produce(TOPIC_TRANSACTIONS, purchase("t2", "C12", 20, 11));
      it.produce(TOPIC_MENTIONS, mention("m1", "b12", 12));

      await(
          "one merged profile",
          () -> {
            Map<String, JsonNode> c = it.customers();
            return c.size() == 1
                && c.containsKey("C11")
                && c.get("C11").path("purchaseCount").asLong() == 2
                && c.get("C11").path("mentionCount").asLong() == 1;
          });
      JsonNode c11 = it.customers().get("C11");
      assertThat(c11.path("totalSpend").asDouble()).isEqualTo(30.0);
      assertThat(texts(c11.path("mergedIds"))).containsExactly("C12");
      assertThat(c11.path("identifierCounts").path("email").asInt()).isEqualTo(1);
      assertThat(c11.path("identifierCounts").path("social").asInt()).isEqualTo(2);
      assertThat(c11.path("identifierCounts").path("crm").asInt()).isEqualTo(2);
      assertThat(c11.toString()).doesNotContain("dup@example.com");

      await("the merge document", () -> it.docs("merges").size() == 1);
      JsonNode merge = it.docs("merges").get("C12"); // at the absorbed id
      assertThat(merge.path("survivorId").asText()).isEqualTo("C11");
      assertThat(merge.path("mergedId").asText()).isEqualTo("C12");
      assertThat(merge.path("mergeId").asText()).isEqualTo(IdentityGraph.mergeId("C11", "C12"));
      assertThat(merge.path("kind").asText()).isEqualTo(MergeRecord.CRM_DUPLICATE);
      assertThat(merge.path("rule").asText()).isEqualTo(IdentityGraph.RULE_OLDEST_CUSTOMER_ID);
      assertThat(merge.path("identifierType").asText()).isEqualTo("email");
      assertThat(merge.path("identifierHash").asText())
          .isEqualTo(HASH.hash("email:dup@example.com"));
      List<JsonNode> log = it.committed(TOPIC_MERGES, 1);
      assertThat(log).hasSize(1);
      assertThat(log.get(0).path("mergeId").asText()).isEqualTo(merge.path("mergeId").asText());
      // m1 (by C12's handle) belongs to the survivor, whether written before or after the merge
      await(
          "m1 moved to the survivor",
          () -> "C11".equals(it.docs("mentions").get("m1").path("profileId").asText()));
      assertThat(it.docs("mentions").get("m1").path("profileKind").asText()).isEqualTo("customer");
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void aProspectLinkedLaterJoinsTheCustomerWithItsHistory() throws Exception {
    IdentityJob it =
        new IdentityJob(Map.of(RapportOptions.IDENTITY_MENTION_HOLD_TIMEOUT.key(), "0 ms"));
    JobClient job = it.start();
    try {
      it.produce(TOPIC_MENTIONS, mention("m1", "Bob21", 1));
      it.produce(TOPIC_MENTIONS, mention("m2", "bob21", 2));
      String p = prospect("bob21");
      await(
          "the prospect",
          () ->
              it.customers().containsKey(p)
                  && it.customers().get(p).path("mentionCount").asLong() == 2);
      assertThat(it.customers().get(p).path("kind").asText()).isEqualTo("prospect");

      it.produce(TOPIC_CUSTOMERS, customer("C21", List.of("c21@example.com"), List.of("bob21"), 5));
      it.produce(TOPIC_TRANSACTIONS, purchase("t1", "C21", 15, 6));
      it.produce(TOPIC_MENTIONS, mention("m3", "bob21", 7));

      await(
          "the customer with the prospect's history",
          () -> {
            Map<String, JsonNode> c = it.customers();
            return c.size() == 1
                && c.containsKey("C21")
                && c.get("C21").path("mentionCount").asLong() == 3
                && c.get("C21").path("purchaseCount").asLong() == 1;
          });
      JsonNode c21 = it.customers().get("C21");
      assertThat(c21.path("kind").asText()).isEqualTo("customer");
      assertThat(texts(c21.path("mergedIds"))).containsExactly(p);
      assertThat(c21.path("firstSeen").asText()).isEqualTo(Samples.T0.plusSeconds(1).toString());
      assertThat(c21.path("negativeMentions").asLong()).isEqualTo(3);
      await("the merge document", () -> it.docs("merges").size() == 1);
      JsonNode merge = it.docs("merges").values().iterator().next();
      assertThat(merge.path("survivorId").asText()).isEqualTo("C21");
      assertThat(merge.path("mergedId").asText()).isEqualTo(p);
      assertThat(merge.path("kind").asText()).isEqualTo(MergeRecord.PROSPECT_LINKED);
      assertThat(merge.path("rule").asText()).isEqualTo(IdentityGraph.RULE_CUSTOMER_BEATS_PROSPECT);
      assertThat(it.committed(TOPIC_MERGES, 1)).hasSize(1);
      // The prospect's mention documents, written before the merge, now name the customer.
      await(
          "the mentions of the prospect moved to the customer",
          () ->
              it.docs("mentions").size() == 3
                  && it.docs("mentions").values().stream()
                      .allMatch(m -> "C21".equals(m.path("profileId").asText())));
      assertThat(it.docs("mentions")).containsOnlyKeys("m1", "m2", "m3");
      for (JsonNode m : it.docs("mentions").values()) {
        assertThat(m.path("profileKind").asText()).isEqualTo("customer");
      }
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void aChainOfMergesEndsInOneProfile() throws Exception {
    IdentityJob it = new IdentityJob(Map.of());
    JobClient job = it.start();
    try {
      // C32 and C33 share an email: C33 into C32.
      it.produce(TOPIC_CUSTOMERS, customer("C32", List.of("x32@example.com"), List.of(), 1));
      it.produce(TOPIC_CUSTOMERS, customer("C33", List.of("x32@example.com"), List.of("h33"), 2));
      it.produce(TOPIC_TRANSACTIONS, purchase("t1", "C32", 1, 10));
      it.produce(TOPIC_TRANSACTIONS, purchase("t2", "C33", 2, 11));
      it.produce(TOPIC_MENTIONS, mention("m1", "h33", 11));
      await(
          "C33 in C32",
          () -> {
            // one read: between two, the documents move (C33's goes, C32's comes)
            Map<String, JsonNode> c = it.customers();
            return c.size() == 1
                && c.containsKey("C32")
                && c.get("C32").path("purchaseCount").asLong() == 2
                && c.get("C32").path("mentionCount").asLong() == 1;
          });
      await(
          "C33's mention in C32",
          () ->
              it.docs("mentions").containsKey("m1")
                  && "C32".equals(it.docs("mentions").get("m1").path("profileId").asText()));
      // C31 is older; C32's record then adds C31's email: C32's whole group into C31.
      it.produce(TOPIC_CUSTOMERS, customer("C31", List.of("x31@example.com"), List.of(), 3));
      it.produce(TOPIC_TRANSACTIONS, purchase("t3", "C31", 4, 12));
      await("C31", () -> it.customers().containsKey("C31"));
      it.produce(
          TOPIC_CUSTOMERS,
          customer("C32", List.of("x32@example.com", "x31@example.com"), List.of(), 4));
      it.produce(TOPIC_TRANSACTIONS, purchase("t4", "C33", 8, 13)); // by an id merged twice

      await(
          "one profile",
          () -> {
            Map<String, JsonNode> c = it.customers();
            return c.size() == 1
                && c.containsKey("C31")
                && c.get("C31").path("purchaseCount").asLong() == 4;
          });
      JsonNode c31 = it.customers().get("C31");
      assertThat(c31.path("totalSpend").asDouble()).isEqualTo(15.0);
      assertThat(texts(c31.path("mergedIds"))).containsExactly("C32", "C33");
      await("two merge documents", () -> it.docs("merges").size() == 2);
      JsonNode first = it.docs("merges").get("C33");
      JsonNode second = it.docs("merges").get("C32");
      assertThat(first.path("mergeId").asText()).isEqualTo(IdentityGraph.mergeId("C32", "C33"));
      assertThat(second.path("mergeId").asText()).isEqualTo(IdentityGraph.mergeId("C31", "C32"));
      assertThat(texts(first.path("mergedIds"))).containsExactly("C33");
      assertThat(texts(second.path("mergedIds"))).containsExactly("C32", "C33");
      assertThat(it.committed(TOPIC_MERGES, 2)).hasSize(2);
      // C33's mention followed its profile twice: into C32, then with C32's group into C31.
      await(
          "C33's mention in C31",
          () -> "C31".equals(it.docs("mentions").get("m1").path("profileId").asText()));
      assertThat(it.docs("mentions")).containsOnlyKeys("m1");
      assertThat(c31.path("mentionCount").asLong()).isEqualTo(1);
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void eventsBeforeTheirIdentityAreHeldAndApplied() throws Exception {
    IdentityJob it = new IdentityJob(Map.of());
    JobClient job = it.start();
    try {
      Transaction byCard = purchase("t1", null, 40, 1);
      byCard.customer = new CustomerRef();
      byCard.customer.loyaltyCard = "LC-4100";
      it.produce(TOPIC_TRANSACTIONS, byCard);
      it.produce(TOPIC_MENTIONS, mention("m1", "early41", 2));
      Thread.sleep(3000); // both processed and held: no profile may appear for them
      assertThat(it.customers()).isEmpty();

      CustomerRecord c41 = customer("C41", List.of("c41@example.com"), List.of("early41"), 5);
      c41.loyaltyCard = "lc-4100";
      it.produce(TOPIC_CUSTOMERS, c41);

      await(
          "the held events in C41, and the mention's document",
          () -> {
            Map<String, JsonNode> c = it.customers();
            // the mention's document comes from another sink writer than the customer's: wait
            // for it too, rather than read it the moment the customer's is there
            return c.containsKey("C41")
                && c.get("C41").path("purchaseCount").asLong() == 1
                && c.get("C41").path("mentionCount").asLong() == 1
                && it.docs("mentions").containsKey("m1");
          });
      assertThat(it.customers()).containsOnlyKeys("C41");
      assertThat(it.customers().get("C41").path("totalSpend").asDouble()).isEqualTo(40.0);
      assertThat(it.docs("mentions").get("m1").path("profileId").asText()).isEqualTo("C41");
      assertThat(it.docs("merges")).isEmpty();
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void linksPastTheLimitRaiseAnAlertInsteadOfMerging() throws Exception {
    IdentityJob it =
        new IdentityJob(Map.of(RapportOptions.IDENTITY_MAX_IDENTIFIERS_PER_KIND.key(), "2"));
    JobClient job = it.start();
    try {
      it.produce(
          TOPIC_CUSTOMERS,
          customer("C51", List.of("a51@example.com", "shared51@example.com"), List.of(), 1));
      await("C51", () -> it.customers().containsKey("C51"));
      it.produce(
          TOPIC_CUSTOMERS,
          customer("C52", List.of("b52@example.com", "shared51@example.com"), List.of(), 2));
      it.produce(TOPIC_TRANSACTIONS, purchase("t1", "C52", 5, 3));

      List<JsonNode> alerts = it.committed(TOPIC_ALERTS, 1);
      assertThat(alerts).hasSize(1);
      JsonNode a = alerts.get(0);
      assertThat(a.path("type").asText()).isEqualTo(IdentityAlerts.MERGE_GUARDRAIL);
      assertThat(a.path("customerId").asText()).isEqualTo("C51");
      assertThat(a.path("evidence").path("scores").path("identifiers.email").asDouble())
          .isEqualTo(3.0);
      await("the alert document", () -> it.docs("alerts").size() == 1);
      await(
          "both profiles, unmerged",
          () ->
              it.customers().size() == 2
                  && it.customers().get("C52").path("purchaseCount").asLong() == 1);
      assertThat(texts(it.customers().get("C51").path("mergedIds"))).isEmpty();
      assertThat(it.docs("merges")).isEmpty();
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void forgetErasesTheMergedPersonBlanksMentionsAndAudits() throws Exception {
    IdentityJob it =
        new IdentityJob(Map.of(RapportOptions.IDENTITY_MENTION_HOLD_TIMEOUT.key(), "0 ms"));
    JobClient job = it.start();
    try {
      it.produce(TOPIC_MENTIONS, mention("m1", "f61", 1));
      await("the prospect", () -> it.customers().containsKey(prospect("f61")));
      it.produce(TOPIC_CUSTOMERS, customer("C61", List.of("c61@example.com"), List.of("f61"), 2));
      it.produce(TOPIC_MENTIONS, mention("m2", "f61", 3));
      it.produce(TOPIC_TRANSACTIONS, purchase("t1", "C61", 30, 4));
      it.produce(TOPIC_CUSTOMERS, customer("C62", List.of("c62@example.com"), List.of("g62"), 2));
      await(
          "the merged customer",
          () ->
              it.customers().containsKey("C61")
                  && it.customers().get("C61").path("mentionCount").asLong() == 2
                  && it.customers().get("C61").path("purchaseCount").asLong() == 1
                  && it.customers().containsKey("C62")
                  && !it.customers().containsKey(prospect("f61")));
      await("two mention documents", () -> it.docs("mentions").size() == 2);

      CustomerRecord forget = new CustomerRecord();
      forget.op = "forget";
      forget.customerId = "C61";
      forget.updatedAt = Samples.T0.plusSeconds(10);
      it.produce(TOPIC_CUSTOMERS, forget);

      await("the audit entry", () -> it.docs("audit").size() == 1);
      await(
          "blanked mentions",
          () ->
              it.docs("mentions").values().stream().allMatch(m -> m.path("redacted").asBoolean()));
      // the customer's document is deleted by another sink writer than the mentions' redactions:
      // wait for it too, rather than read it the moment they are there
      await("the erased customer's document", () -> !it.customers().containsKey("C61"));
      assertThat(it.customers()).containsOnlyKeys("C62");
      for (JsonNode m : it.docs("mentions").values()) {
        assertThat(m.path("text").isNull()).isTrue();
        assertThat(m.path("author").isNull()).isTrue();
        assertThat(m.path("url").isNull()).isTrue();
        assertThat(m.path("sentiment").path("label").asText()).isEqualTo("negative");
      }
      JsonNode audit = it.docs("audit").values().iterator().next();
      assertThat(audit.path("action").asText()).isEqualTo("forget");
      assertThat(audit.path("profilesErased").asInt()).isEqualTo(2);
      assertThat(audit.path("mentionsRedacted").asInt()).isEqualTo(2);
      assertThat(audit.toString()).doesNotContain("C61").doesNotContain("f61");

      // Late events about the forgotten person bring nothing back.
      it.produce(TOPIC_MENTIONS, mention("m3", "f61", 20));
      it.produce(TOPIC_TRANSACTIONS, purchase("t2", "C61", 30, 21));
      it.produce(TOPIC_TRANSACTIONS, purchase("t3", "C62", 1, 22));
      await(
          "a later event of someone else",
          () -> it.customers().get("C62").path("purchaseCount").asLong() == 1);

      // A question on x raises SOCIAL_QUESTION for anyone, customer or prospect (a public reply:
      // no consent needed; neither C61, nor the handle's prospect id, nor C62 has been contacted,
      // so no cool-down or contact limit applies). Asked by the forgotten handle after the
      // forget, it must raise nothing; asked by another customer, it must raise its alert.
      it.produce(TOPIC_MENTIONS, question("m4", "f61", 30));
      it.produce(TOPIC_MENTIONS, question("m5", "g62", 31));
      List<JsonNode> control = it.committed(TOPIC_ALERTS, 1);
      assertThat(control).hasSize(1);
      // Ten more checkpoints for an alert about the forgotten person to be committed, if any.
      List<JsonNode> alerts = it.committed(TOPIC_ALERTS, 2, java.time.Duration.ofSeconds(5));
      assertThat(alerts).hasSize(1);
      JsonNode a = alerts.get(0);
      assertThat(a.path("type").asText()).isEqualTo(AlertTypes.SOCIAL_QUESTION);
      assertThat(a.path("customerId").asText()).isEqualTo("C62");
      assertThat(texts(a.path("evidence").path("mentionIds"))).containsExactly("m5");
      for (JsonNode any : alerts) {
        assertThat(any.toString())
            .doesNotContain("C61")
            .doesNotContain(prospect("f61"))
            .doesNotContain("\"m4\"");
      }
      await("the control alert's document", () -> it.docs("alerts").size() == 1);
      assertThat(it.docs("alerts")).containsOnlyKeys(a.path("alertId").asText());

      assertThat(it.customers()).containsOnlyKeys("C62");
      assertThat(it.customers().get("C62").path("mentionCount").asLong()).isEqualTo(1);
      assertThat(it.docs("mentions")).containsOnlyKeys("m1", "m2", "m5");
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void junkIdentifiersNeverLinkOrMerge() throws Exception {
    IdentityJob it = new IdentityJob(Map.of());
    JobClient job = it.start();
    try {
      it.produce(
          TOPIC_CUSTOMERS,
          customer("C71", List.of("test@test.com", "c71@example.com"), List.of(), 1));
      it.produce(TOPIC_CUSTOMERS, customer("C72", List.of("TEST@test.com"), List.of(), 2));
      Transaction byJunk = purchase("t1", null, 9, 3);
      byJunk.customer = new CustomerRef();
      byJunk.customer.customerId = "C72";
      byJunk.customer.email = "test@test.com";
      it.produce(TOPIC_TRANSACTIONS, byJunk);

      await(
          "two separate customers",
          () ->
              it.customers().size() == 2
                  && it.customers().get("C72").path("purchaseCount").asLong() == 1);
      assertThat(it.customers().get("C71").path("identifierCounts").path("email").asInt())
          .isEqualTo(1);
      assertThat(it.customers().get("C72").path("identifierCounts").has("email")).isFalse();
      Thread.sleep(1500);
      assertThat(it.docs("merges")).isEmpty();
      assertThat(it.customers()).containsOnlyKeys("C71", "C72");
    } finally {
      job.cancel().get();
    }
  }
}
