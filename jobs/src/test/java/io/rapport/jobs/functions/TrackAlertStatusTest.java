package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.AlertStatus;
import io.rapport.model.EsDocument;
import io.rapport.profile.Documents;
import io.rapport.serde.Json;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class TrackAlertStatusTest {
  private static AlertStatus status(String id, String status, String at) {
    AlertStatus s = new AlertStatus();
    s.alertId = id;
    s.status = status;
    s.by = "agent-7";
    s.at = Instant.parse(at);
    s.note = "called back";
    return s;
  }

  @Test
  void statusesBecomePartialUpdatesAndNeverGoBack() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, AlertStatus, EsDocument> h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new TrackAlertStatus(
                new Documents("p-", new Pseudonymizer("s", true)), Duration.ofMillis(100)),
            s -> s.alertId,
            Types.STRING);
    h.setStateTtlProcessingTime(0);
    h.processElement(status("a1", AlertStatus.ACKNOWLEDGED, "2026-03-01T10:00:00Z"), 0);
    h.processElement(status("a1", AlertStatus.RESOLVED, "2026-03-01T11:00:00Z"), 0);
    h.processElement(status("a1", AlertStatus.ACKNOWLEDGED, "2026-03-01T10:00:00Z"), 0); // late
    h.processElement(status("a1", AlertStatus.RESOLVED, "2026-03-01T11:00:00Z"), 0); // repeated

    assertThat(h.extractOutputValues()).hasSize(3);
    EsDocument resolved = h.extractOutputValues().get(1);
    assertThat(resolved.index).isEqualTo("p-alerts");
    assertThat(resolved.id).isEqualTo("a1");
    assertThat(resolved.isUpdate()).isTrue();
    JsonNode d = Json.mapper().readTree(resolved.json);
    assertThat(d.path("status").asText()).isEqualTo("resolved");
    assertThat(d.path("resolvedBy").asText()).isEqualTo("agent-7");
    assertThat(d.path("resolvedAt").asText()).isEqualTo("2026-03-01T11:00:00Z");
    assertThat(d.path("statusNote").asText()).isEqualTo("called back");
    assertThat(resolved.upsert).isEqualTo(resolved.json);
    assertThat(h.extractOutputValues().get(2)).isEqualTo(resolved);
    assertThat(h.numKeyedStateEntries()).isEqualTo(1);

    h.setStateTtlProcessingTime(101); // the retention has passed: state expired
    h.processElement(status("a1", AlertStatus.ACKNOWLEDGED, "2026-03-01T10:00:00Z"), 0);
    assertThat(h.extractOutputValues()).hasSize(4);
    h.close();
  }
}
