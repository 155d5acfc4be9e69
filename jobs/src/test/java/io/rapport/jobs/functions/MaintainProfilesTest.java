package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerRecord;
import io.rapport.model.EnrichedMention;
import io.rapport.model.EsDocument;
import io.rapport.model.ProfileEvent;
import io.rapport.model.Transaction;
import io.rapport.model.ValueSignal;
import io.rapport.profile.CurrencyRates;
import io.rapport.profile.Documents;
import io.rapport.serde.Json;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaintainProfilesTest {
  private KeyedOneInputStreamOperatorTestHarness<String, ProfileEvent, EsDocument> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new MaintainProfiles(
                new Documents("rapport-", new Pseudonymizer("s", true)), CurrencyRates.defaults()),
            e -> e.key,
            Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private static ProfileEvent negativeMention(String key, String id) {
    Analysis a = new Analysis();
    a.compound = -0.7;
    a.lang = "es";
    return ProfileEvent.mention(
        key, new EnrichedMention(Samples.mention(id, "x", "ana", "un asco", Samples.T0), a));
  }

  private JsonNode lastDocument(String index, String id) throws Exception {
    List<EsDocument> docs = harness.extractOutputValues();
    for (int i = docs.size() - 1; i >= 0; i--) {
      EsDocument d = docs.get(i);
      if (d.index.equals(index) && d.id.equals(id)) {
        return d.json == null ? null : Json.mapper().readTree(d.json);
      }
    }
    throw new AssertionError("no document " + index + "/" + id);
  }

  private List<ValueSignal> signals() {
    var out = harness.getSideOutput(MaintainProfiles.VALUE_SIGNALS);
    return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void activitiesAreCountedPerTypeInTheProfileDocumentWithoutValueSignals() throws Exception {
    harness.processElement(
        ProfileEvent.customer("C1", Samples.customer("C1", "ana@example.com", "x", "ana")), 0);
    for (String[] a :
        new String[][] {
          {"a1", CustomerActivity.REVIEW}, {"a2", CustomerActivity.REVIEW},
          {"a3", CustomerActivity.REFERRAL}, {"a4", CustomerActivity.SURVEY}
        }) {
      harness.processElement(
          ProfileEvent.activity("C1", Samples.activity(a[0], a[1], "C1", Samples.T0)), 1);
    }

    JsonNode doc = lastDocument("rapport-customers", "C1");
    assertThat(doc.get("reviewCount").asLong()).isEqualTo(2);
    assertThat(doc.get("referralCount").asLong()).isEqualTo(1);
    assertThat(doc.get("surveyCount").asLong()).isEqualTo(1);
    assertThat(doc.get("purchaseCount").asLong()).isZero();
    assertThat(signals()).isEmpty();
  }

  @Test
  void customerPurchasesAndMentionsAddUpInTheProfileDocument() throws Exception {
    CustomerRecord c = Samples.customer("C1", "ana@example.com", "x", "ana");
    harness.processElement(ProfileEvent.customer("C1", c), 0);
    Transaction t1 = Samples.purchase("t1", "C1", 100, Samples.T0);
    Transaction t2 = Samples.purchase("t2", "C1", 50, Samples.T0.plusSeconds(60));
    t2.currency = "USD";
    harness.processElement(ProfileEvent.transaction("C1", t1), 1);
    harness.processElement(ProfileEvent.transaction("C1", t2), 2);
    Transaction r = Samples.purchase("r1", "C1", 20, Samples.T0.plusSeconds(120));
    r.type = "return";
    harness.processElement(ProfileEvent.transaction("C1", r), 3);
    harness.processElement(negativeMention("C1", "m1"), 4);
    // a repost of someone else's complaint counts in the profile, but is no complaint of theirs
    ProfileEvent repost = negativeMention("C1", "m0-rt");
    repost.mention.mention.repostOf = "m0";
    harness.processElement(repost, 5);

    JsonNode doc = lastDocument("rapport-customers", "C1");
    assertThat(doc.get("kind").asText()).isEqualTo("customer");
    assertThat(doc.get("purchaseCount").asLong()).isEqualTo(2);
    assertThat(doc.get("returnCount").asLong()).isEqualTo(1);
    assertThat(doc.get("totalSpend").asDouble()).isEqualTo(100 + 50 * 0.86 - 20, within());
    assertThat(doc.get("mentionCount").asLong()).isEqualTo(2);
    assertThat(doc.get("negativeMentions").asLong()).isEqualTo(2);
    assertThat(doc.get("identifierCounts").get("email").asInt()).isEqualTo(1);
    assertThat(doc.toString()).doesNotContain("ana@example.com");
    assertThat(lastDocument("rapport-mentions", "m1").get("profileId").asText()).isEqualTo("C1");

    assertThat(signals())
        .extracting(s -> s.kind)
        .containsExactly(
            ValueSignal.SPEND, ValueSignal.SPEND, ValueSignal.SPEND, ValueSignal.NEGATIVE_MENTION);
    ValueSignal last = signals().get(3);
    assertThat(last.spend).isEqualTo(100 + 50 * 0.86 - 20, within());
    assertThat(last.purchaseCount).isEqualTo(2);
  }

  @Test
  void prospectsSendNoValueSignals() throws Exception {
    harness.processElement(negativeMention("prospect-abc", "m1"), 0);

    assertThat(lastDocument("rapport-customers", "prospect-abc").get("kind").asText())
        .isEqualTo("prospect");
    assertThat(signals()).isEmpty();
  }

  @Test
  void forgetDeletesTheProfileAndKeepsOnlyATombstone() throws Exception {
    CustomerRecord c = Samples.customer("C1", "ana@example.com", "x", "ana");
    harness.processElement(ProfileEvent.customer("C1", c), 0);
    harness.processElement(
        ProfileEvent.transaction("C1", Samples.purchase("t1", "C1", 80, Samples.T0)), 1);
    CustomerRecord forget = new CustomerRecord();
    forget.customerId = "C1";
    forget.op = "forget";
    forget.updatedAt = Samples.T0.plusSeconds(10);
    harness.processElement(ProfileEvent.customer("C1", forget), 2);

    assertThat(lastDocument("rapport-customers", "C1")).isNull(); // delete
    assertThat(harness.extractOutputValues()) // the alerts raised about C1, whatever their ids
        .contains(EsDocument.deleteMatching("rapport-alerts", "customerId", "C1"))
        // and every mention document of C1, beyond the latest ids kept in state
        .anySatisfy(
            d -> {
              assertThat(d.isMatching()).isTrue();
              assertThat(d.index).isEqualTo("rapport-mentions");
              assertThat(d.matchField).isEqualTo("profileId");
              assertThat(d.matchValue).isEqualTo("C1");
              assertThat(d.json).contains("\"redacted\":true").contains("\"profileId\":null");
            });
    assertThat(signals().get(signals().size() - 1).newSpend).isZero();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the tombstone only

    int before = harness.extractOutputValues().size();
    harness.processElement(negativeMention("C1", "m-late"), 3);
    assertThat(harness.extractOutputValues()).hasSize(before); // dropped, nothing published
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  @Test
  void aProspectUnseenForItsTtlStartsAfresh() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, ProfileEvent, EsDocument> h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new MaintainProfiles(
                new Documents("rapport-", new Pseudonymizer("s", true)),
                CurrencyRates.defaults(),
                java.time.Duration.ofHours(1)),
            e -> e.key,
            Types.STRING)) {
      String prospect = ResolveIdentity.PROSPECT_PREFIX + "abc";
      h.setStateTtlProcessingTime(0);
      h.processElement(negativeMention(prospect, "m1"), 0);
      h.setStateTtlProcessingTime(30 * 60_000L); // within the TTL: the history is kept
      h.processElement(negativeMention(prospect, "m2"), 1);
      assertThat(mentionCount(h, prospect)).isEqualTo(2);

      h.setStateTtlProcessingTime(30 * 60_000L + 3_600_001L); // unseen for longer than the TTL
      h.processElement(negativeMention(prospect, "m3"), 2);
      assertThat(mentionCount(h, prospect)).isEqualTo(1);
    }
  }

  private static long mentionCount(
      KeyedOneInputStreamOperatorTestHarness<String, ProfileEvent, EsDocument> h, String id)
      throws Exception {
    List<EsDocument> docs = h.extractOutputValues();
    for (int i = docs.size() - 1; i >= 0; i--) {
      EsDocument d = docs.get(i);
      if (d.index.equals("rapport-customers") && d.id.equals(id)) {
        return Json.mapper().readTree(d.json).path("mentionCount").asLong();
      }
    }
    throw new AssertionError("no profile document for " + id);
  }
}
