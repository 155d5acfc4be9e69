package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.identity.IdentityGraph;
import io.rapport.identity.Pseudonymizer;
import io.rapport.listening.TrackedBrands;
import io.rapport.model.Author;
import io.rapport.model.EnrichedMention;
import io.rapport.model.EsDocument;
import io.rapport.model.MergeRecord;
import io.rapport.model.SocialMention;
import io.rapport.serde.Json;
import io.rapport.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DocumentsTest {
  private static final long TIME = 1_767_225_600_000L;

  private static JsonNode tree(String json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @Test
  void theForgetAuditIsAKeyedHashEvenWithPseudonymizationOff() throws Exception {
    Pseudonymizer off = new Pseudonymizer("audit-secret", false);
    Documents documents = new Documents("r-", off);
    EsDocument audit = documents.forgetAudit("C61", TIME, 2, 3);

    JsonNode d = tree(audit.json);
    assertThat(audit.index).isEqualTo("r-audit");
    assertThat(d.path("subjectHash").asText())
        .hasSize(32)
        .isEqualTo(new Pseudonymizer("audit-secret", true).hash("crm:C61"))
        .isNotEqualTo(new Pseudonymizer("other-secret", true).hash("crm:C61"));
    assertThat(d.path("profilesErased").asInt()).isEqualTo(2);
    assertThat(d.path("mentionsRedacted").asInt()).isEqualTo(3);
    assertThat(audit.json).doesNotContain("C61");
    assertThat(audit.id).doesNotContain("C61");
    // the same erasure replayed gives the same entry; the same person with pseudonymization on too
    assertThat(documents.forgetAudit("C61", TIME, 2, 3)).isEqualTo(audit);
    assertThat(
            new Documents("r-", new Pseudonymizer("audit-secret", true))
                .forgetAudit("C61", TIME, 2, 3))
        .isEqualTo(audit);
  }

  @Test
  void aReassignedMentionIsAPartialUpdateOfItsProfileOnly() throws Exception {
    Documents documents = new Documents("r-", new Pseudonymizer("s", true));
    EsDocument d = documents.reassignMention("m7", "C11", "customer");
    assertThat(d.index).isEqualTo("r-mentions");
    assertThat(d.id).isEqualTo("m7");
    assertThat(d.isUpdate()).isTrue();
    assertThat(d.upsert).isNull(); // a mention whose document is gone is not recreated
    JsonNode partial = tree(d.json);
    assertThat(partial.size()).isEqualTo(2);
    assertThat(partial.path("profileId").asText()).isEqualTo("C11");
    assertThat(partial.path("profileKind").asText()).isEqualTo("customer");
  }

  @Test
  void aMentionDocumentSaysWhereASwitcherIsGoingAndWhatItIsAbout() throws Exception {
    Documents documents = new Documents("r-", new Pseudonymizer("s", true));
    TrackedBrands brands = new TrackedBrands("lumen", List.of("vela"));
    SocialMention m = new SocialMention();
    m.mentionId = "m8";
    m.platform = "x";
    m.brand = "lumen";
    m.author = new Author();
    m.author.handle = "ana";
    m.text = "Harta de @lumen, me cambio a @Vela_ES";
    EnrichedMention em =
        new EnrichedMention(m, brands.readAs("lumen", TextAnalyzer.shared(), m.text, null));
    JsonNode d = tree(documents.mention(em, "C1", "customer").json);
    assertThat(d.path("switchingTo").asText()).isEqualTo("vela");
    assertThat(d.path("intents").toString()).contains("churn_threat");

    assertThat(d.path("topics").size()).isZero();

    m.text = "Me encanta @lumen, el envío volando";
    em = new EnrichedMention(m, brands.readAs("lumen", TextAnalyzer.shared(), m.text, null));
    d = tree(documents.mention(em, "C1", "customer").json);
    assertThat(d.has("switchingTo")).isFalse();
    assertThat(d.path("topics").toString()).isEqualTo("[\"delivery\"]");
  }

  /** A registry on a map, as merge-identities keeps it in keyed state. */
  private static IdentityGraph graph(Pseudonymizer hash) {
    return new IdentityGraph(IdentityGraph.Store.of(new HashMap<>()), 5, hash);
  }

  /**
   * C212 is a CRM duplicate of C200 (same email) and claims the handle of a prospect. The two merge
   * candidates come from two identifiers (two keys, maybe two subtasks of resolve-identity), in
   * either order: {@code prospectFirst} merges the prospect into C212 then C212 into C200; else
   * C212 into C200, then the prospect into C200.
   */
  private static List<MergeRecord> merges(Pseudonymizer hash, boolean prospectFirst)
      throws Exception {
    IdentityGraph g = graph(hash);
    List<String> c212 = List.of("crm:C212", "email:c0@example.com", "social:x:fan12");
    g.claim("C200", List.of("crm:C200", "email:c0@example.com"));
    List<MergeRecord> out = new ArrayList<>();
    for (int step = 0; step < 2; step++) {
      IdentityGraph.Outcome o =
          (step == 0) == prospectFirst
              ? g.conflict("prospect-fan12", "C212", "social:x:fan12", c212, 10 + step)
              : g.conflict("C200", "C212", "email:c0@example.com", c212, 10 + step);
      out.add(o.merge);
    }
    return out;
  }

  @Test
  void aMergeReplayedInAnotherOrderReplacesTheFailedAttemptsMergeDocument() throws Exception {
    Pseudonymizer hash = new Pseudonymizer("s", true);
    Documents documents = new Documents("r-", hash);
    // The attempt that failed wrote its merge documents (Elasticsearch keeps them: the sink is at
    // least once, nothing rolls back); the replay from the checkpoint before both merges saw the
    // candidates in the other order. Elasticsearch: the last write of each id wins.
    List<MergeRecord> failed = merges(hash, true);
    List<MergeRecord> replay = merges(hash, false);
    assertThat(failed.get(0).survivorId).isEqualTo("C212"); // the orders do differ
    assertThat(replay.get(1).survivorId).isEqualTo("C200");
    Map<String, JsonNode> index = new TreeMap<>();
    Map<String, JsonNode> replayOnly = new TreeMap<>();
    for (MergeRecord r : failed) {
      EsDocument d = documents.merge(r);
      index.put(d.id, tree(d.json));
    }
    for (MergeRecord r : replay) {
      EsDocument d = documents.merge(r);
      index.put(d.id, tree(d.json));
      replayOnly.put(d.id, tree(d.json));
    }
    // one document per absorbed id, the replay's (whose merges the merge-log topic committed)
    assertThat(index).isEqualTo(replayOnly);
    assertThat(index.values().stream().map(d -> d.path("mergedId").asText()).toList())
        .containsExactlyInAnyOrder("C212", "prospect-fan12");
    assertThat(index.values().stream().map(d -> d.path("mergeId").asText()).toList())
        .containsExactlyInAnyOrderElementsOf(replay.stream().map(r -> r.mergeId).toList());
  }
}
