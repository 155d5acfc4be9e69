package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DropDuplicatesTest {
  @Test
  void passesEachIdOnceAndForgetsIdsAfterTheRetention() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, String, String> h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new DropDuplicates<String>(Duration.ofMillis(100)), s -> s, Types.STRING);
    h.setStateTtlProcessingTime(0);
    h.processElement("a", 0);
    h.processElement("b", 0);
    h.processElement("a", 0);
    assertThat(h.extractOutputValues()).containsExactly("a", "b");

    h.setStateTtlProcessingTime(101); // the retention has passed
    h.processElement("a", 0);
    assertThat(h.extractOutputValues()).containsExactly("a", "b", "a");
    h.close();
  }
}
