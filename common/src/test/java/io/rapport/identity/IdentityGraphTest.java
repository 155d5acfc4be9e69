package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.model.MergeRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityGraphTest {
  private static final Pseudonymizer HASH = new Pseudonymizer("secret", true);

  private final Map<String, IdentityNode> nodes = new HashMap<>();
  private final IdentityGraph graph = new IdentityGraph(IdentityGraph.Store.of(nodes), 2, HASH);

  @Test
  void survivorIsTheOldestCustomerIdAndACustomerBeatsAProspect() {
    assertThat(IdentityGraph.survivorOrder("C9", "C10")).isNegative();
    assertThat(IdentityGraph.survivorOrder("C10", "C9")).isPositive();
    assertThat(IdentityGraph.survivorOrder("C2", "C1")).isPositive();
    assertThat(IdentityGraph.survivorOrder("C999", "prospect-abc")).isNegative();
    assertThat(IdentityGraph.survivorOrder("prospect-abc", "C999")).isPositive();
  }

  @Test
  void crmDuplicatesMergeIntoTheOldestCustomerWhicheverClaimsSecond() throws Exception {
    graph.claim("C10", List.of("crm:C10", "email:a@b.c"));
    IdentityGraph.Outcome o =
        graph.conflict("C10", "C9", "email:a@b.c", List.of("crm:C9", "email:a@b.c"), 77);

    MergeRecord r = o.merge;
    assertThat(r.survivorId).isEqualTo("C9");
    assertThat(r.mergedId).isEqualTo("C10");
    assertThat(r.mergedIds).containsExactly("C10");
    assertThat(r.kind).isEqualTo(MergeRecord.CRM_DUPLICATE);
    assertThat(r.rule).isEqualTo(IdentityGraph.RULE_OLDEST_CUSTOMER_ID);
    assertThat(r.identifierType).isEqualTo("email");
    assertThat(r.identifierHash).isEqualTo(HASH.hash("email:a@b.c"));
    assertThat(r.reason).doesNotContain("a@b.c");
    assertThat(r.time).isEqualTo(77);
    assertThat(r.mergeId).isEqualTo(IdentityGraph.mergeId("C9", "C10"));
    assertThat(graph.find("C10")).isEqualTo("C9");
    assertThat(graph.find("C9")).isEqualTo("C9");
    assertThat(nodes.get("C9").identifiers)
        .containsExactlyInAnyOrder("crm:C9", "email:a@b.c", "crm:C10");
  }

  @Test
  void aProspectLinkedLaterMergesIntoTheCustomer() throws Exception {
    IdentityGraph.Outcome o =
        graph.conflict("prospect-h1", "C5", "social:x:bob", List.of("crm:C5", "social:x:bob"), 1);

    assertThat(o.merge.survivorId).isEqualTo("C5");
    assertThat(o.merge.mergedIds).containsExactly("prospect-h1");
    assertThat(o.merge.kind).isEqualTo(MergeRecord.PROSPECT_LINKED);
    assertThat(o.merge.rule).isEqualTo(IdentityGraph.RULE_CUSTOMER_BEATS_PROSPECT);
  }

  @Test
  void chainsEndInOneProfileAndMoveWholeGroups() throws Exception {
    // C3's record shares an email with C2 (C2 survives), then C2's shares a phone with C1.
    graph.claim("C2", List.of("crm:C2", "email:x@y.z", "phone:+34600000002"));
    IdentityGraph.Outcome first =
        graph.conflict("C2", "C3", "email:x@y.z", List.of("crm:C3", "email:x@y.z"), 1);
    graph.claim("C1", List.of("crm:C1", "phone:+34600000002"));
    IdentityGraph.Outcome second =
        graph.conflict("C1", "C3", "phone:+34600000002", List.of("crm:C3"), 2);

    assertThat(first.merge.survivorId).isEqualTo("C2");
    assertThat(second.merge.survivorId).isEqualTo("C1");
    assertThat(second.merge.mergedId).isEqualTo("C2");
    assertThat(second.merge.mergedIds).containsExactly("C2", "C3");
    assertThat(graph.find("C3")).isEqualTo("C1");
    assertThat(graph.find("C2")).isEqualTo("C1");
    assertThat(nodes.get("C1").members).containsExactlyInAnyOrder("C2", "C3");
    assertThat(nodes.get("C2").members).isEmpty();

    // the same evidence again, or between two members of one group: nothing to do
    assertThat(graph.conflict("C2", "C3", "email:x@y.z", List.of(), 3).merge).isNull();
    assertThat(graph.conflict("C3", "C1", "email:x@y.z", List.of(), 3).refused()).isFalse();
  }

  @Test
  void guardrailRefusesAMergePastTheLimitAndReportsItOnce() throws Exception {
    graph.claim("C1", List.of("crm:C1", "email:a@x.com", "email:shared@x.com"));
    List<String> c2 = List.of("crm:C2", "email:b@x.com", "email:shared@x.com");

    IdentityGraph.Outcome o = graph.conflict("C1", "C2", "email:shared@x.com", c2, 5);
    assertThat(o.merge).isNull();
    assertThat(o.refused()).isTrue();
    assertThat(o.refusedSurvivor).isEqualTo("C1");
    assertThat(o.refusedOther).isEqualTo("C2");
    assertThat(o.refusedKind).isEqualTo("email");
    assertThat(o.refusedCount).isEqualTo(3);
    assertThat(graph.find("C2")).isEqualTo("C2");

    IdentityGraph.Outcome again = graph.conflict("C1", "C2", "email:shared@x.com", c2, 6);
    assertThat(again.merge).isNull();
    assertThat(again.refused()).isFalse();
  }

  @Test
  void forgetRemovesTheWholeGroupSurvivorFirst() throws Exception {
    graph.claim("C1", List.of("crm:C1", "email:a@b.c"));
    graph.conflict("C1", "C2", "email:a@b.c", List.of("crm:C2", "email:a@b.c"), 1);
    graph.conflict("prospect-p", "C2", "social:x:ann", List.of("social:x:ann"), 2);

    List<String> group = graph.forget("C2");

    assertThat(group.get(0)).isEqualTo("C1");
    assertThat(group).containsExactlyInAnyOrder("C1", "C2", "prospect-p");
    assertThat(nodes).isEmpty();
    assertThat(graph.forget("C7")).containsExactly("C7");
  }
}
