package io.rapport.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.model.Alert;
import io.rapport.serde.Json;
import io.rapport.testing.KafkaTestCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** {@code bin/rapport alerts tail} against a real broker, committed alerts only. */
class AlertsCommandITCase {
  private final KafkaTestCluster kafka = KafkaTestCluster.get();

  private static ProducerRecord<byte[], byte[]> alert(
      String topic, String id, String type, String severity, String customer) {
    Alert a = new Alert();
    a.alertId = id;
    a.type = type;
    a.severity = severity;
    a.customerId = customer;
    return new ProducerRecord<>(topic, customer.getBytes(StandardCharsets.UTF_8), Json.toBytes(a));
  }

  @Test
  void printsCommittedAlertsThatMatchTheFilters() throws Exception {
    String topic = kafka.uniqueTopic("alerts", 2);
    List<ProducerRecord<byte[], byte[]>> committed = new ArrayList<>();
    committed.add(alert(topic, "a1", "HIGH_VALUE_COMPLAINT", "high", "C1"));
    committed.add(alert(topic, "a2", "HIGH_VALUE_COMPLAINT", "critical", "C2"));
    committed.add(alert(topic, "a3", "CHURN_RISK", "high", "C1"));
    kafka.produceTransactionally(committed, true);
    kafka.produceTransactionally(
        List.of(alert(topic, "aborted", "HIGH_VALUE_COMPLAINT", "high", "C1")), false);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AlertsCommand.Options all =
        AlertsCommand.parse(
            "tail",
            "--from-beginning",
            "--idle-timeout",
            "3",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic",
            topic);
    long n = AlertsCommand.tail(all, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(n).isEqualTo(3);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("aborted");

    ByteArrayOutputStream filtered = new ByteArrayOutputStream();
    AlertsCommand.Options some =
        AlertsCommand.parse(
            "tail",
            "--from-beginning",
            "--type",
            "high_value_complaint",
            "--customer",
            "C1",
            "--max",
            "5",
            "--idle-timeout",
            "3",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic",
            topic);
    AlertsCommand.tail(some, new PrintStream(filtered, true, StandardCharsets.UTF_8));
    List<String> lines = filtered.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(Json.mapper().readTree(lines.get(0)).get("alertId").asText()).isEqualTo("a1");
  }

  @Test
  void badArgumentsAreClearErrors() {
    assertThatThrownBy(() -> AlertsCommand.parse("follow")).hasMessageContaining("tail");
    assertThatThrownBy(() -> AlertsCommand.parse("tail", "--max", "0"))
        .hasMessageContaining("--max");
    assertThatThrownBy(() -> AlertsCommand.parse("tail", "--colour", "red"))
        .hasMessageContaining("unknown option --colour");
    assertThatThrownBy(() -> AlertsCommand.parse("tail", "--type"))
        .hasMessageContaining("needs a value");
  }
}
