package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.EnrichedMention;
import io.rapport.model.EsDocument;
import io.rapport.model.ProfileEvent;
import io.rapport.model.Transaction;
import io.rapport.profile.CurrencyRates;
import io.rapport.profile.Documents;
import io.rapport.serde.Json;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The merge protocol between {@link RouteToSurvivor} and {@link MaintainProfiles}, with the
 * deliveries interleaved as the worst case allows: events forwarded to an old survivor after it was
 * absorbed, folds in any order, a chain.
 */
class MergeProtocolTest {
  private static final Documents DOCS = new Documents("r-", new Pseudonymizer("s", true));

  private KeyedOneInputStreamOperatorTestHarness<String, ProfileEvent, ProfileEvent> route;
  private KeyedOneInputStreamOperatorTestHarness<String, ProfileEvent, EsDocument> profiles;
  private int routed;

  @BeforeEach
  void setUp() throws Exception {
    route =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new RouteToSurvivor(CurrencyRates.defaults(), Duration.ofDays(1)),
            e -> e.key,
            Types.STRING);
    profiles =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new MaintainProfiles(DOCS, CurrencyRates.defaults(), Duration.ofDays(1)),
            e -> e.key,
            Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    route.close();
    profiles.close();
  }

  /** Into the forwarding stage; returns what it forwarded (not yet delivered). */
  private List<ProfileEvent> send(ProfileEvent e) throws Exception {
    route.processElement(e, e.time);
    List<ProfileEvent> all = route.extractOutputValues();
    List<ProfileEvent> fresh = new ArrayList<>(all.subList(routed, all.size()));
    routed = all.size();
    return fresh;
  }

  private void deliver(List<ProfileEvent> events) throws Exception {
    for (ProfileEvent e : events) {
      profiles.processElement(e, e.time);
    }
  }

  private static ProfileEvent purchase(String key, String id, double amount) {
    Transaction t = Samples.purchase(id, null, amount, Samples.T0);
    return ProfileEvent.transaction(key, t);
  }

  private static ProfileEvent mention(String key, String id) {
    Analysis a = new Analysis();
    a.compound = -0.4;
    a.lang = "es";
    return ProfileEvent.mention(
        key, new EnrichedMention(Samples.mention(id, "x", "h" + id, "mal", Samples.T0), a));
  }

  private JsonNode lastProfile(String id) throws Exception {
    List<EsDocument> docs = profiles.extractOutputValues();
    for (int i = docs.size() - 1; i >= 0; i--) {
      EsDocument d = docs.get(i);
      if (d.index.equals(DOCS.customersIndex()) && d.id.equals(id)) {
        return d.json == null ? null : Json.mapper().readTree(d.json);
      }
    }
    return null;
  }

  @Test
  void chainWithLateEventsCountsEveryEventExactlyOnceInTheLastSurvivor() throws Exception {
    deliver(send(purchase("C3", "t1", 1)));
    deliver(send(mention("C3", "m1")));
    deliver(send(purchase("C2", "t2", 10)));
    deliver(send(purchase("prospect-p", "t3", 100)));

    // C3 into C2: C3's fold reaches C2, C3's profile is absorbed.
    deliver(send(ProfileEvent.control(ProfileEvent.REROOT, "C3", "C2", 1)));
    // a C3 event after the move goes to C2, after the fold
    deliver(send(purchase("C3", "t4", 1000)));
    assertThat(lastProfile("C3")).isNull();
    assertThat(lastProfile("C2").path("purchaseCount").asLong()).isEqualTo(3);
    assertThat(lastProfile("C2").path("mergedIds").toString()).isEqualTo("[\"C3\"]");

    // Chain: C2's group into C1. C3's forwarded event to the old survivor C2 is late: delivered
    // after C2 was absorbed. The prospect joins C1 too, its fold arriving first.
    List<ProfileEvent> lateToC2 = send(purchase("C3", "t5", 10000));
    List<ProfileEvent> lateMentionToC2 = send(mention("C3", "m3"));
    List<ProfileEvent> moveC2 = send(ProfileEvent.control(ProfileEvent.REROOT, "C2", "C1", 2));
    List<ProfileEvent> moveC3 = send(ProfileEvent.control(ProfileEvent.REROOT, "C3", "C1", 2));
    List<ProfileEvent> moveP =
        send(ProfileEvent.control(ProfileEvent.REROOT, "prospect-p", "C1", 3));
    deliver(moveP);
    deliver(moveC2);
    deliver(lateToC2); // dropped by the absorbed C2: it is in C3's fold
    deliver(lateMentionToC2); // the same, but its document must still be written
    deliver(moveC3);
    // the same fold delivered twice (a replay upstream) is folded once
    deliver(moveC3.stream().filter(e -> e.kind.equals(ProfileEvent.FOLD)).toList());
    deliver(send(mention("C2", "m2")));

    JsonNode c1 = lastProfile("C1");
    assertThat(c1.path("purchaseCount").asLong()).isEqualTo(5);
    assertThat(c1.path("purchasedAmount").asDouble()).isEqualTo(11111.0);
    assertThat(c1.path("mentionCount").asLong()).isEqualTo(3);
    assertThat(c1.path("kind").asText()).isEqualTo("customer");
    assertThat(c1.path("mergedIds").toString()).isEqualTo("[\"C2\",\"C3\",\"prospect-p\"]");
    assertThat(lastProfile("C2")).isNull();
    assertThat(lastProfile("prospect-p")).isNull();

    // m1's document moved with each absorption (C3 into C2, then C2 with its folds into C1),
    // by partial updates emitted after the document itself by the absorbed id.
    assertThat(mentionProfiles("m1")).containsExactly("C3/customer", "C2/customer", "C1/customer");
    assertThat(mentionProfiles("m2")).containsExactly("C1/customer");
    // m3 reached the absorbed C2 late; counted in C1 through C3's fold, its document says C1
    assertThat(mentionProfiles("m3")).containsExactly("C1/customer");
  }

  /**
   * The profileId and profileKind of each write of a mention's document, in order (whole or
   * partial; {@code null/null} for a redaction).
   */
  private List<String> mentionProfiles(String mentionId) throws Exception {
    List<String> out = new ArrayList<>();
    for (EsDocument d : profiles.extractOutputValues()) {
      if (d.index.equals(DOCS.mentionsIndex()) && d.id.equals(mentionId)) {
        JsonNode n = Json.mapper().readTree(d.json);
        out.add(n.path("profileId").asText() + "/" + n.path("profileKind").asText());
      }
    }
    return out;
  }

  @Test
  void forgetOfAMergedPersonErasesEveryIdBlanksMentionsAndAudits() throws Exception {
    deliver(send(mention("prospect-p", "m1")));
    deliver(send(mention("C1", "m2")));
    deliver(send(ProfileEvent.control(ProfileEvent.REROOT, "prospect-p", "C1", 1)));

    deliver(send(ProfileEvent.control(ProfileEvent.FORGET, "C1", "C1", 50)));
    deliver(send(ProfileEvent.control(ProfileEvent.FORGET, "prospect-p", "C1", 50)));
    deliver(send(mention("prospect-p", "m3"))); // late: dropped

    List<EsDocument> docs = profiles.extractOutputValues();
    assertThat(lastProfile("C1")).isNull();
    assertThat(mentionProfiles("m1"))
        .containsExactly("prospect-p/prospect", "C1/customer", "null/null");
    List<EsDocument> redactions =
        docs.stream().filter(d -> d.partial && d.json.contains("\"redacted\":true")).toList();
    // by id, the mentions in state; by profile id, every mention document of each id of the group
    assertThat(redactions.stream().filter(d -> !d.isMatching()))
        .extracting(d -> d.id)
        .containsExactlyInAnyOrder("m1", "m2");
    assertThat(redactions.stream().filter(EsDocument::isMatching))
        .allSatisfy(d -> assertThat(d.matchField).isEqualTo("profileId"))
        .extracting(d -> d.matchValue)
        .containsExactlyInAnyOrder("C1", "prospect-p");
    assertThat(redactions).allSatisfy(d -> assertThat(d.json).contains("\"text\":null"));
    List<EsDocument> audits = docs.stream().filter(d -> d.index.equals(DOCS.auditIndex())).toList();
    assertThat(audits).hasSize(1);
    JsonNode audit = Json.mapper().readTree(audits.get(0).json);
    assertThat(audit.path("profilesErased").asInt()).isEqualTo(2);
    assertThat(audit.path("mentionsRedacted").asInt()).isEqualTo(2);
    assertThat(audits.get(0).json).doesNotContain("C1");
    assertThat(docs).noneMatch(d -> "m3".equals(d.id));
    // only tombstones (id and time) are left in both stages
    assertThat(route.numKeyedStateEntries()).isEqualTo(2);
    assertThat(profiles.numKeyedStateEntries()).isEqualTo(2);
  }
}
