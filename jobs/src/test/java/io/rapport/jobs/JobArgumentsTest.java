package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {
  @Test
  void readsTypedOptionsFlinkSettingsAndDemoFlags() {
    JobArguments a =
        JobArguments.parse(
            "--kafka.bootstrap-servers",
            "k:9092",
            "--checkpoint.interval=2s",
            "--competitors",
            "a;b",
            "--flink.state.backend.type",
            "rocksdb",
            "--demo",
            "--seconds",
            "5");
    assertThat(a.demo()).isTrue();
    assertThat(a.configuration().get(RapportOptions.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("k:9092");
    assertThat(a.configuration().get(RapportOptions.CHECKPOINT_INTERVAL))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(a.configuration().get(RapportOptions.COMPETITORS)).containsExactly("a", "b");
    assertThat(a.flinkConfiguration().toMap()).containsEntry("state.backend.type", "rocksdb");
    assertThat(a.demoOption("seconds", "0")).isEqualTo("5");
    assertThat(a.configuration().get(RapportOptions.TOPIC_ALERTS)).isEqualTo("rapport.alerts");
  }

  @Test
  void unknownOrMalformedOptionsAreClearErrors() {
    assertThatThrownBy(() -> JobArguments.parse("--kafka.bootstrap", "x"))
        .hasMessageContaining("unknown option --kafka.bootstrap")
        .hasMessageContaining("kafka.bootstrap-servers");
    assertThatThrownBy(() -> JobArguments.parse("--checkpoint.interval", "soon"))
        .hasMessageContaining("--checkpoint.interval");
    assertThatThrownBy(() -> JobArguments.parse("--brand")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> JobArguments.parse("brand")).hasMessageContaining("--key value");
    assertThatThrownBy(() -> JobArguments.parse("--seconds", "3"))
        .hasMessageContaining("only for --demo");
  }

  @Test
  void everyOptionHasADescriptionAndAUniqueKey() {
    assertThat(RapportOptions.all()).isNotEmpty();
    assertThat(RapportOptions.all())
        .allSatisfy(o -> assertThat(RapportOptions.describe(o)).isNotBlank());
    assertThat(RapportOptions.all().stream().map(o -> o.key()).distinct().count())
        .isEqualTo(RapportOptions.all().size());
  }
}
