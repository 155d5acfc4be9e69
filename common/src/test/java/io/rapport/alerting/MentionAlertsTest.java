package io.rapport.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.listening.TrackedBrands;
import io.rapport.model.AlertCandidate;
import io.rapport.model.ContactProfile;
import io.rapport.model.EnrichedMention;
import io.rapport.model.MentionSignal;
import io.rapport.model.SocialMention;
import io.rapport.testing.Samples;
import io.rapport.text.TextAnalyzer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MentionAlertsTest {
  private final MentionAlerts detector = new MentionAlerts(10_000, "lumen");

  private static MentionSignal signal(String kind, String text, String lang, long followers) {
    SocialMention m = Samples.mention("m1", "facebook", "ana", text, Samples.T0);
    m.author.followers = followers;
    EnrichedMention em = new EnrichedMention(m, TextAnalyzer.shared().analyze(text, lang));
    ContactProfile c = new ContactProfile();
    c.kind = kind;
    c.segment = kind;
    return new MentionSignal("P1", em, c);
  }

  private static String summaryOf(MentionAlerts d, String kind, String text, long followers) {
    return d.detect(signal(kind, text, null, followers), Instant.EPOCH).orElseThrow().alert.summary;
  }

  private Optional<AlertCandidate> detect(MentionSignal s) {
    return detector.detect(s, Instant.EPOCH);
  }

  private String typeOf(String kind, String text, String lang, long followers) {
    MentionSignal s = signal(kind, text, lang, followers);
    assertThat(MentionAlerts.worthChecking(s.mention)).as(text).isTrue();
    return detect(s).map(c -> c.alert.type).orElse(null);
  }

  @Test
  void eachIntentRaisesItsType() {
    assertThat(typeOf("customer", "Os recomiendo Lumen, genial", "es", 50))
        .isEqualTo(AlertTypes.RECOMMENDATION);
    assertThat(typeOf("customer", "I highly recommend Lumen", "en", 50))
        .isEqualTo(AlertTypes.RECOMMENDATION);
    assertThat(typeOf("prospect", "¿A qué hora abre la tienda de Lumen?", "es", 50))
        .isEqualTo(AlertTypes.SOCIAL_QUESTION);
    assertThat(typeOf("prospect", "I want to buy the new Lumen headphones", "en", 50))
        .isEqualTo(AlertTypes.PURCHASE_INTENT);
    assertThat(typeOf("customer", "Me doy de baja de Lumen, me voy a la competencia", "es", 50))
        .isEqualTo(AlertTypes.CHURN_RISK);
    assertThat(typeOf("prospect", "Lumen is the worst, terrible service", "en", 50_000))
        .isEqualTo(AlertTypes.INFLUENCER_NEGATIVE);
  }

  @Test
  void anInfluencerCustomersChurnThreatIsAnsweredInPublicAndRetained() {
    String leaving = "Me doy de baja de Lumen, un servicio pésimo, me voy a la competencia";
    assertThat(detector.detectAll(signal("customer", leaving, "es", 40_000), Instant.EPOCH))
        .extracting(c -> c.alert.type)
        .containsExactly(AlertTypes.INFLUENCER_NEGATIVE, AlertTypes.CHURN_RISK);
    List<AlertCandidate> both =
        detector.detectAll(signal("customer", leaving, "es", 40_000), Instant.EPOCH);
    assertThat(both.get(1).alert.alertId)
        .isEqualTo(Alerts.alertId(AlertTypes.CHURN_RISK, "m1"))
        .isNotEqualTo(both.get(0).alert.alertId);
    assertThat(both.get(1).alert.summary).isEqualTo("A customer threatens to leave, on facebook");
    // a prospect has nothing to retain; a customer without the reach has one alert
    assertThat(detector.detectAll(signal("prospect", leaving, "es", 40_000), Instant.EPOCH))
        .extracting(c -> c.alert.type)
        .containsExactly(AlertTypes.INFLUENCER_NEGATIVE);
    assertThat(detector.detectAll(signal("customer", leaving, "es", 50), Instant.EPOCH))
        .extracting(c -> c.alert.type)
        .containsExactly(AlertTypes.CHURN_RISK);
    // an influencer customer's repost of someone's churn threat is not theirs
    MentionSignal repost = signal("customer", leaving, "es", 40_000);
    repost.mention.mention.repostOf = "m0";
    assertThat(detector.detectAll(repost, Instant.EPOCH))
        .extracting(c -> c.alert.type)
        .containsExactly(AlertTypes.INFLUENCER_NEGATIVE);
    // nothing to say, nothing raised
    assertThat(detector.detectAll(signal("customer", "Hola", "es", 40_000), Instant.EPOCH))
        .isEmpty();
  }

  @Test
  void summariesInTheTeamsLanguage() {
    MentionAlerts spanish = new MentionAlerts(10_000, "lumen", AlertText.ES);
    assertThat(summaryOf(spanish, "prospect", "Lumen es lo peor, un servicio horrible", 50_000))
        .matches(
            "Mención negativa \\(sentimiento -0,\\d\\d\\) en facebook de un autor con 50000 seguidores");
    assertThat(summaryOf(spanish, "customer", "Os recomiendo Lumen, genial", 50))
        .isEqualTo("Un cliente recomienda la marca en facebook");
    assertThat(summaryOf(spanish, "prospect", "¿A qué hora abre la tienda de Lumen?", 50))
        .isEqualTo("Una pregunta en facebook espera respuesta");
    assertThat(summaryOf(detector, "prospect", "¿A qué hora abre la tienda de Lumen?", 50))
        .isEqualTo("A question on facebook awaits an answer");
  }

  @Test
  void aProspectSwitchingToTheBrandIsASwitcher() {
    TrackedBrands brands = new TrackedBrands("Lumen", List.of("vela"));
    for (String text :
        List.of(
            "Harta de @Vela, me cambio a @Lumen",
            "harta de vela, me cambio a lumen",
            "I'm switching to @lumen_es")) {
      SocialMention m = Samples.mention("m1", "x", "ana", text, Samples.T0);
      EnrichedMention em =
          new EnrichedMention(m, brands.readAs(brands.brand(), TextAnalyzer.shared(), text, null));
      ContactProfile c = new ContactProfile();
      c.kind = "prospect";
      c.segment = "prospect";
      c.timeZone = "Europe/Madrid";
      AlertCandidate a = detect(new MentionSignal("P1", em, c)).orElseThrow();
      assertThat(a.alert.type).as(text).isEqualTo(AlertTypes.PURCHASE_INTENT);
      assertThat(a.contact.segment).as(text).isEqualTo(MentionAlerts.SWITCHER);
      assertThat(a.contact.timeZone).isEqualTo("Europe/Madrid");
      assertThat(a.alert.summary).contains("switching to lumen");
      assertThat(c.segment).isEqualTo("prospect"); // the profile's contact is left as it was
    }
    // wanting to buy is not switching to the brand, nor is a switch to a competitor
    assertThat(
            detect(signal("prospect", "I want to buy the new Lumen headphones", "en", 50))
                .orElseThrow()
                .contact
                .segment)
        .isEqualTo("prospect");
    AlertCandidate toVela =
        detect(signal("prospect", "Quiero comprarme un móvil, me cambio a @Vela", "es", 50))
            .orElseThrow();
    assertThat(toVela.alert.type).isEqualTo(AlertTypes.PURCHASE_INTENT);
    assertThat(toVela.contact.segment).isEqualTo("prospect");
  }

  @Test
  void aRepostRaisesOnlyAnInfluencersNegativeMention() {
    for (String[] t :
        new String[][] {
          {"customer", "¿A qué hora abre la tienda de Lumen?", "es"},
          {"customer", "Os recomiendo Lumen, genial", "es"},
          {"customer", "Me doy de baja de Lumen, me voy a la competencia", "es"},
          {"prospect", "I want to buy the new Lumen headphones", "en"}
        }) {
      MentionSignal original = signal(t[0], t[1], t[2], 50);
      assertThat(detect(original)).as(t[1]).isPresent();
      MentionSignal repost = signal(t[0], "RT @someone: " + t[1], t[2], 50);
      repost.mention.mention.repostOf = "m0";
      assertThat(detect(repost)).as("repost of " + t[1]).isEmpty();
    }
    MentionSignal spread =
        signal("prospect", "RT @ana: Lumen is the worst, terrible service", "en", 50_000);
    spread.mention.mention.repostOf = "m0";
    assertThat(MentionAlerts.worthChecking(spread.mention)).isTrue();
    AlertCandidate a = detect(spread).orElseThrow();
    assertThat(a.alert.type).isEqualTo(AlertTypes.INFLUENCER_NEGATIVE);
    assertThat(a.alert.summary).startsWith("Repost of a negative mention");

    MentionSignal question = signal("customer", "RT @ana: ¿Abrís el domingo?", "es", 50);
    question.mention.mention.repostOf = "m0";
    assertThat(MentionAlerts.worthChecking(question.mention)).isFalse();
    assertThat(MentionAlerts.ownComplaint(spread.mention)).isFalse();
    // a quote is in its author's own words
    MentionSignal quote = signal("customer", "¿A qué hora abre la tienda de Lumen?", "es", 50);
    quote.mention.mention.quoteOf = "m0";
    assertThat(detect(quote).map(c -> c.alert.type)).contains(AlertTypes.SOCIAL_QUESTION);
  }

  @Test
  void aWithheldRecommendationOrAWarningIsNeverThanked() {
    for (String[] t :
        new String[][] {
          {"Pésimo, no lo recomiendo para nada", "es"},
          {"No compren en Lumen, son unos ladrones", "es"},
          {"I would not recommend Lumen to anyone", "en"},
          {"Stay away from Lumen", "en"}
        }) {
      Optional<AlertCandidate> c = detect(signal("customer", t[0], t[1], 50));
      assertThat(c.map(x -> x.alert.type))
          .as(t[0])
          .isNotEqualTo(Optional.of(AlertTypes.RECOMMENDATION));
      assertThat(TextAnalyzer.shared().analyze(t[0], t[1]).intents).as(t[0]).contains("complaint");
    }
  }

  @Test
  void onlyAClearlyNegativeMentionOrAComplaintIsAnInfluencersNegativeMention() {
    // a doubtful emoji makes a question "negative" (-0.19), not a complaint to answer publicly
    assertThat(typeOf("prospect", "¿Vela hace envíos a Monterrey? 🤔 🤔", "es", 50_000))
        .isEqualTo(AlertTypes.SOCIAL_QUESTION);
    assertThat(typeOf("prospect", "Still waiting for my refund", "en", 50_000))
        .isEqualTo(AlertTypes.INFLUENCER_NEGATIVE);
    assertThat(typeOf("prospect", "Lumen is the worst, terrible service", "en", 50_000))
        .isEqualTo(AlertTypes.INFLUENCER_NEGATIVE);
    assertThat(
            MentionAlerts.negativeEnough(
                TextAnalyzer.shared()
                    .analyze("Been using it for 10 months, zero issues. Obsessed", "en")))
        .isFalse();
  }

  @Test
  void customersDoNotRaisePurchaseIntentAndProspectsDoNotRaiseChurn() {
    assertThat(typeOf("customer", "I want to buy the new Lumen headphones", "en", 50)).isNull();
  }

  @Test
  void influencerAlertCarriesItsInputs() {
    AlertCandidate c =
        detect(signal("customer", "Lumen is the worst, terrible service", "en", 120_000)).get();
    assertThat(c.alert.alertId).isEqualTo(Alerts.alertId(AlertTypes.INFLUENCER_NEGATIVE, "m1"));
    assertThat(c.alert.severity).isEqualTo("critical");
    assertThat(c.alert.customerId).isEqualTo("P1");
    assertThat(c.alert.evidence.mentionIds).containsExactly("m1");
    assertThat(c.alert.evidence.scores).containsEntry("author.followers", 120_000.0);
    assertThat(c.alert.evidence.scores.get("sentiment.compound")).isNegative();
    assertThat(c.alert.evidence.topics).containsExactly("customer_service");
    assertThat(c.sourcePlatform).isEqualTo("facebook");
    // below the threshold, a plain negative mention raises nothing here
    assertThat(detect(signal("customer", "Lumen is the worst, terrible service", "en", 9_999)))
        .isEmpty();
  }

  @Test
  void anAlertSaysWhatItsMentionIsAboutForRouting() {
    assertThat(
            detect(signal("prospect", "¿Cuánto tarda el envío a Monterrey?", "es", 50))
                .get()
                .alert
                .evidence
                .topics)
        .containsExactly("delivery");
    assertThat(
            detect(
                    signal(
                        "customer",
                        "Me cobraron dos veces y la app no me deja pedir el reembolso. Me doy de"
                            + " baja",
                        "es",
                        50))
                .get()
                .alert
                .evidence
                .topics)
        .containsExactly("billing", "app_web");
    assertThat(
            detect(signal("customer", "I highly recommend Lumen", "en", 50))
                .get()
                .alert
                .evidence
                .topics)
        .isEmpty();
  }
}
