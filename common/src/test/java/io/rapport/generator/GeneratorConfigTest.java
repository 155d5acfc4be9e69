package io.rapport.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

  @Test
  void defaultsAreValidAndCopiesEqual() {
    GeneratorConfig c = GeneratorConfig.defaults().validate();
    assertThat(c.brand).isEqualTo("lumen");
    assertThat(c.competitor1).isEqualTo("northwind");
    assertThat(c.competitor2).isEqualTo("vela");
    assertThat(c.malformedRate).isEqualTo(0.01);
    assertThat(c.copy()).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(c.copy().seed(1)).isNotEqualTo(c);
    assertThat(c.maxOutOfOrdernessMillis()).isEqualTo(2 * c.jitterMillis - c.meanStepMillis);
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> GeneratorConfig.defaults().customers(3).validate())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratorConfig.defaults().malformedRate(1.5).validate())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratorConfig.defaults().brand("Lumen Inc").validate())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratorConfig.defaults().competitors("lumen", "vela").validate())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratorConfig.defaults().languages(0, 0, 0).validate())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratorConfig.defaults().meanStepMillis(0).validate())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RapportGenerator(GeneratorConfig.defaults().customers(3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serializable() throws Exception {
    GeneratorConfig c = GeneratorConfig.defaults().seed(9).customers(1234);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(c);
    }
  }

  @Test
  void otherBrandsAndLanguageMixesAreHonoured() {
    RapportGenerator g =
        new RapportGenerator(
            GeneratorConfig.defaults()
                .brand("acme")
                .competitors("globex", "initech")
                .languages(0, 1, 0)
                .latam(0, 1, 0)
                .customers(100));
    Map<String, Integer> brands = new HashMap<>();
    for (long i = 0; i < 5_000; i++) {
      GeneratedRecord r = g.record(i);
      if (r.isValid() && r.topic.equals(GeneratedRecord.TOPIC_MENTIONS)) {
        if (!r.scenario && r.kind == RecordKind.MENTION) {
          // the scripted stories have fixed countries (and reposts carry their original's)
          assertThat(r.locale).isEqualTo("es-CO");
        }
        String v = r.valueString();
        brands.merge(
            v.substring(v.indexOf("\"brand\":\"") + 9, v.lastIndexOf('"')), 1, Integer::sum);
      }
    }
    assertThat(brands.keySet()).containsExactlyInAnyOrder("acme", "globex", "initech");
  }
}
