package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {
  private static List<String> topics(String text) {
    return TextAnalyzer.shared().analyze(text).topics;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mi pedido lleva una semana sin llegar | delivery",
        "Qué precios más altos en @lumen, todo carísimo | price",
        "La atención al cliente es pésima | customer_service",
        "Me llegó la pantalla rota | product_quality",
        "Me cobraron dos veces y sigo sin reembolso | billing",
        "La app no me deja entrar desde ayer | app_web",
        "En la tienda de Sol me atendieron genial | store",
        "My package never showed up | delivery",
        "Way too expensive for what it is | price",
        "Your support agent hung up on me | customer_service",
        "The battery died after two days, really poor quality | product_quality",
        "I was charged twice and I'm still waiting for a refund | billing",
        "Your website keeps logging me out | app_web",
        "The cashier at your store was so rude | store",
        "ENVÍO GRATIS hoy | delivery",
        "el envio llego tarde | delivery",
        "el envioooo no llega nunca | delivery",
        "#envios lentísimos | delivery",
        "Lumen is garbage #customerservice | customer_service"
      })
  void aMentionIsAboutWhatItsWordsName(String text, String topic) {
    assertThat(topics(text)).containsExactly(topic);
  }

  @Test
  void severalTopicsComeInTheTopicsOrder() {
    assertThat(topics("Me cobraron el envío dos veces y en la app no sale el pedido"))
        .containsExactly(Topics.DELIVERY, Topics.BILLING, Topics.APP_WEB);
    assertThat(topics("Cheap price, fast delivery, great service"))
        .containsExactly(Topics.DELIVERY, Topics.PRICE, Topics.CUSTOMER_SERVICE);
    assertThat(topics("6 días para una devolución #atenciónalcliente"))
        .containsExactly(Topics.CUSTOMER_SERVICE, Topics.BILLING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Me encanta @lumen",
        "Good morning everyone",
        "Me pusieron mala cara",
        "Big deal, whatever",
        "Ya sale el sol",
        "Singer arrested on drug charges",
        "In response to your question, yes",
        "Thanks for the morale support",
        "",
        "😂😂😂"
      })
  void aMentionThatNamesNoneHasNoTopic(String text) {
    assertThat(topics(text)).isEmpty();
  }

  @Test
  void namesListsTheBitsInTheTopicsOrder() {
    assertThat(Topics.names(0)).isEmpty();
    assertThat(Topics.names(1 << 4 | 1)).containsExactly(Topics.DELIVERY, Topics.BILLING);
    assertThat(Topics.names((1 << Topics.TOPICS.size()) - 1)).isEqualTo(Topics.TOPICS);
  }
}
