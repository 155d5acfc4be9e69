package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.EsDocument;
import io.rapport.serde.Json;
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
}
