package io.rapport.text;

import static io.rapport.text.IntentDetector.CHURN_THREAT;
import static io.rapport.text.IntentDetector.COMPLAINT;
import static io.rapport.text.IntentDetector.PURCHASE_INTENT;
import static io.rapport.text.IntentDetector.QUESTION;
import static io.rapport.text.IntentDetector.RECOMMENDATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntentDetectorTest {
  private static List<String> intents(String text) {
    return TextAnalyzer.shared().analyze(text).intents;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Llevo dos semanas esperando mi pedido y nadie me responde",
        "Me cobraron dos veces la compra @MiBanco",
        "El paquete llegó roto, pésimo servicio",
        "@TeleNet sin internet desde ayer, vergonzoso",
        "My order never arrived and nobody answers",
        "They charged me twice, terrible customer service",
        "@AirCo lost my bag, worst airline ever",
        "Still waiting for my refund",
        "No me llega el paquete desde el lunes @Correos",
        "El chat de LUMEN no sirve y nadie contesta el teléfono",
        "Compré la lavadora y a las 12 semanas, a la basura. Menuda estafa",
        "#Vela sent me the wrong TV again 🙄",
        "Llevo 3 días sin internet",
        "My package was marked delivered but never showed up",
        "@TelcoX your service is down again in Austin",
        "customer service hung up on me twice",
        "Can't log in to my account since yesterday",
        "I've been a customer for 10 years and this is how you treat me?",
        "La web de @BancoX está caída otra vez",
        "No puedo entrar a mi cuenta desde ayer"
      })
  void complaints(String text) {
    assertThat(intents(text)).contains(COMPLAINT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "¿A qué hora abren?",
        "Alguien sabe si hacen envíos a Canarias",
        "cómo puedo cambiar la dirección de entrega",
        "Does anyone know if they ship to Canada",
        "Is it open on Sundays?",
        "how do i reset my password"
      })
  void questions(String text) {
    assertThat(intents(text)).contains(QUESTION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Os recomiendo este restaurante, todo buenísimo",
        "100% recomendable",
        "Super recomendado el taller de la esquina",
        "I highly recommend this place",
        "Sin duda lo recomiendo",
        "No solo lo recomiendo, ya he vuelto tres veces",
        "I can't recommend them enough",
        "I couldn't recommend this film more",
        "You have to try their tacos",
        "Worth every penny"
      })
  void recommendations(String text) {
    assertThat(intents(text)).contains(RECOMMENDATION).doesNotContain(COMPLAINT);
  }

  /**
   * A recommendation means the author recommends (the alerts thank for it, loyalty rewards it): a
   * withheld one or a warning to others is a complaint.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Pésimo, no lo recomiendo para nada",
        "No recomiendo esta tienda",
        "no se lo recomiendo a nadie",
        "Nunca lo recomendaría, y no lo recomiendo",
        "I would not recommend this store",
        "Don't recommend them at all",
        "No compren en esa tienda, son unos ladrones",
        "Don't buy from them, they're thieves",
        "Stay away from this store"
      })
  void withheldRecommendationsAndWarningsAreComplaints(String text) {
    assertThat(intents(text)).contains(COMPLAINT).doesNotContain(RECOMMENDATION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No me voy a cambiar de compañía, estoy contento",
        "I'm not switching, you guys are great",
        "I don't want to buy it anymore",
        "No quiero comprar nada más",
        "¿No lo recomiendan?"
      })
  void negatedCuesDoNotFire(String text) {
    assertThat(intents(text))
        .doesNotContain(RECOMMENDATION, PURCHASE_INTENT, CHURN_THREAT, COMPLAINT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"La atención deja mucho que desear", "The service leaves a lot to be desired"})
  void disappointmentIdiomsAreComplaints(String text) {
    assertThat(intents(text)).contains(COMPLAINT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No mames, la app de @BancoAzul se cae cada rato",
        "The app keeps crashing since the update, fix it please"
      })
  void failingAppsAreComplaints(String text) {
    assertThat(intents(text)).contains(COMPLAINT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"El nuevo modelo está bien chido, ya quiero comprarlo", "Voy a comprarla"})
  void purchaseCuesWithAnAttachedPronoun(String text) {
    assertThat(intents(text)).contains(PURCHASE_INTENT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ahorrando para el sérum de Lumen",
        "Saving up for the new Lumen TV",
        "Thinking about getting the headset from Lumen",
        "Lumen or Vela for a new perfume? Buying this weekend"
      })
  void everydayPurchaseCues(String text) {
    assertThat(intents(text)).contains(PURCHASE_INTENT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hazme caso y pilla las zapatillas en Lumen",
        "Get the Lumen building set, thank me later",
        "Si buscan la tablet, vayan a Lumen, calidad-precio buenísima"
      })
  void everydayRecommendationCues(String text) {
    assertThat(intents(text)).contains(RECOMMENDATION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Tres semanas sin respuesta de Lumen. Vaya tela",
        "Seriously Lumen? 14 days for a refund?",
        "Worst experience at Lumen New York today",
        "Lumen support is a joke. 5 calls and still nothing"
      })
  void unansweredAndSlowRefundsAreComplaints(String text) {
    assertThat(intents(text)).contains(COMPLAINT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Closing my Lumen account today", "Lumen lost a customer"})
  void closingAnAccountIsChurn(String text) {
    assertThat(intents(text)).contains(CHURN_THREAT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Let's go to Paris this summer", "Si vais a Madrid, id a pie"})
  void goingSomewhereIsNotARecommendation(String text) {
    assertThat(intents(text)).doesNotContain(RECOMMENDATION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "¿Qué portátil me recomendáis?",
        "Any laptop you would recommend?",
        "El pedido sale mañana"
      })
  void askingForARecommendationIsNotGivingOne(String text) {
    assertThat(intents(text)).doesNotContain(RECOMMENDATION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Quiero comprar el modelo nuevo",
        "Estoy pensando en comprar unas zapatillas",
        "¿Cuánto cuesta el plan familiar?",
        "me interesa el seguro de hogar",
        "Where can I buy the blue one?",
        "I'm going to buy it tomorrow",
        "take my money!!",
        "Este finde me compro la tele nueva"
      })
  void purchaseIntent(String text) {
    assertThat(intents(text)).contains(PURCHASE_INTENT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Me doy de baja, estoy harto",
        "Me cambio a @OtraTelco, con vosotros es imposible",
        "Mañana cancelo mi cuenta",
        "Quiero darme de baja y no me dejan",
        "Nunca más compro aquí",
        "Última vez q le compro a Lumen. Nunca más 🙄",
        "I'm switching to another bank",
        "Switched to @OtherBank last week, bye",
        "Going to cancel my subscription today",
        "Done. Closing my account",
        "I'm moving to @Verizon, bye",
        "Me mudo a @Movistar, estoy harta"
      })
  void churnThreats(String text) {
    assertThat(intents(text)).contains(CHURN_THREAT);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Harta de @vela, me cambio a @lumen | lumen",
        "me cambio a Movistar, adiós | movistar",
        "I'm switching to @Verizon, done with you | verizon",
        "switched to #Vela and never looking back | vela",
        "me paso a @lumen_es ya mismo | lumen_es",
        "Me voy con @Northwind | northwind",
        "Me cambio a @Teléfonica | telefonica",
        "I'm leaving you for @Vela | vela",
        "We're moving to @Vela_ES next month | vela_es"
      })
  void aChurnThreatNamesWhereTheAuthorIsGoing(String text, String destination) {
    Analysis a = TextAnalyzer.shared().analyze(text);
    assertThat(a.intents).contains(CHURN_THREAT);
    assertThat(a.switchingTo).isEqualTo(destination);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Me doy de baja @lumen",
        "me cambio a la competencia",
        "I'm switching to another bank",
        "No me cambio a @vela ni loca",
        "Me encanta @lumen",
        "Vayan a @Vela, lo mejor",
        "cancelo mi cuenta. Mañana"
      })
  void noDestinationWhereTheTextNamesNone(String text) {
    assertThat(TextAnalyzer.shared().analyze(text).switchingTo).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Me encanta la nueva app",
        "Hoy empieza la semana de ofertas",
        "Great coffee this morning",
        "El vuelo sale a las 7",
        "Me voy a Madrid el finde",
        "Llevo 13 meses con las zapatillas y cero problemas. Una pasada",
        "Moving to Austin next month",
        "Moving to #Austin next month",
        "Me mudo a Madrid en enero"
      })
  void neutralOrPraiseHasNoComplaintOrChurn(String text) {
    assertThat(intents(text)).doesNotContain(COMPLAINT, CHURN_THREAT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Me cambio de casa el sábado, alguien sabe de mudanzas?",
        "I'm leaving for Paris tomorrow",
        "Switching to winter hours from Monday",
        "I want to cancel my order",
        "Quiero cancelar mi pedido, me equivoqué de talla"
      })
  void movingHouseTravellingOrCancellingAnOrderIsNotChurn(String text) {
    assertThat(intents(text)).doesNotContain(CHURN_THREAT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Te recomiendo que leas los términos antes de comprar",
        "Les recomendamos llegar 2 horas antes al aeropuerto"
      })
  void adviceIsNotARecommendation(String text) {
    assertThat(intents(text)).doesNotContain(RECOMMENDATION);
  }
}
