package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.IdentifierNormalizer;
import io.rapport.model.CustomerRecord;
import io.rapport.model.ProfileEvent;
import io.rapport.testing.Samples;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class LinkIdentifiersTest {

  private static KeyedOneInputStreamOperatorTestHarness<String, CustomerRecord, ProfileEvent>
      harness() throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new LinkIdentifiers(new IdentifierNormalizer("ES", List.of())),
        c -> c.customerId.trim(),
        Types.STRING);
  }

  @Test
  void forgetUnlinksEveryIdentifierTheCustomerEverClaimedAndLeavesNoState() throws Exception {
    try (var h = harness()) {
      CustomerRecord first = Samples.customer("C1", "ana@example.com", "x", "@Ana");
      h.processElement(first, 0);
      CustomerRecord moved = Samples.customer("C1", "ana.new@example.com", "x", "@Ana");
      h.processElement(moved, 1);
      List<String> linked =
          h.extractOutputValues().stream()
              .filter(e -> ProfileEvent.LINK.equals(e.kind))
              .map(e -> e.key)
              .distinct()
              .toList();
      assertThat(linked).contains("email:ana@example.com", "email:ana.new@example.com");
      assertThat(h.numKeyedStateEntries()).isEqualTo(1);

      h.getOutput().clear();
      CustomerRecord forget = Samples.customer("C1", null, null, null);
      forget.op = "forget";
      forget.emails = List.of();
      forget.phones = List.of();
      forget.socialAccounts = List.of();
      h.processElement(forget, 2);

      List<ProfileEvent> out = h.extractOutputValues();
      assertThat(out).allSatisfy(e -> assertThat(e.kind).isEqualTo(ProfileEvent.UNLINK));
      assertThat(out).allSatisfy(e -> assertThat(e.linkedProfileId).isEqualTo("C1"));
      assertThat(out.stream().map(e -> e.key).toList()).containsExactlyInAnyOrderElementsOf(linked);
      assertThat(h.numKeyedStateEntries()).isZero();
    }
  }
}
