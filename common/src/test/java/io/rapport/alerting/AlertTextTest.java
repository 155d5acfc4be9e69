package io.rapport.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTextTest {

  /** Sample arguments by parameter type, for calling every text. */
  private static Object sample(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == double.class) {
      return -0.725;
    }
    if (type == long.class) {
      return 12L;
    }
    if (type == int.class) {
      return 3;
    }
    if (type == List.class) {
      return List.of("r1", "r2");
    }
    return "x";
  }

  private static List<Method> texts() {
    List<Method> out = new ArrayList<>();
    for (Method m : AlertText.class.getDeclaredMethods()) {
      if (Modifier.isAbstract(m.getModifiers())) {
        out.add(m);
      }
    }
    return out;
  }

  private static String call(AlertText t, Method m) throws Exception {
    Object[] args = new Object[m.getParameterCount()];
    for (int i = 0; i < args.length; i++) {
      args[i] = sample(m.getParameterTypes()[i]);
    }
    return (String) m.invoke(t, args);
  }

  @Test
  void everyTextIsWrittenInEachLanguage() throws Exception {
    assertThat(texts()).hasSizeGreaterThanOrEqualTo(16);
    for (Method m : texts()) {
      String en = call(AlertText.EN, m);
      String es = call(AlertText.ES, m);
      assertThat(en).as(m.getName()).isNotBlank();
      assertThat(es).as(m.getName()).isNotBlank().isNotEqualTo(en);
      // numbers as each language writes them
      assertThat(es).as(m.getName()).doesNotContain("-0.7").doesNotContain("0.73");
    }
  }

  @Test
  void textsWithTheirFigures() {
    assertThat(AlertText.ES.highValueComplaint(-0.8, "x", 1234.5, 7, 4.25))
        .isEqualTo(
            "Mención negativa (sentimiento -0,80) en x de un cliente del decil superior (gasto neto"
                + " 1234,50, 7 compras; el 4,3 % de los clientes gasta más)");
    assertThat(AlertText.EN.highValueComplaint(-0.8, "x", 1234.5, 7, 4.25))
        .isEqualTo(
            "Negative mention (sentiment -0.80) on x by a top-decile customer (net spend 1234.50,"
                + " 7 purchases; 4.3% of customers spend more)");
    assertThat(AlertText.ES.churnRisk(78, 70, List.of()))
        .isEqualTo("El riesgo de abandono 78 ha superado el umbral 70: sin una causa principal");
    assertThat(AlertText.ES.negativeMentions(1, 7)).isEqualTo("1 mención negativa en 7 días");
    assertThat(AlertText.EN.negativeMentions(1, 7)).isEqualTo("1 negative mention in 7 days");
    assertThat(AlertText.ES.crisis("lumen", 40, 6.5, 2.25, 12, 5))
        .isEqualTo(
            "Repunte de menciones negativas de lumen: 40 en la última hora frente a 6,5 ± 2,3 por"
                + " hora en las 12 horas anteriores (5 en la misma hora de ayer)");
    assertThat(AlertText.ES.recommendation(false, "instagram"))
        .isEqualTo("Un cliente potencial recomienda la marca en instagram");
  }

  @Test
  void languagesByCode() {
    assertThat(AlertText.of(" ES ")).isSameAs(AlertText.ES);
    assertThat(AlertText.of("en")).isSameAs(AlertText.EN);
    assertThat(AlertText.ES.code()).isEqualTo("es");
    assertThatThrownBy(() -> AlertText.of("fr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alert language 'fr': expected en or es");
    assertThatThrownBy(() -> AlertText.of(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
