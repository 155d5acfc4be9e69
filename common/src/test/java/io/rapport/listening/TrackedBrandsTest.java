package io.rapport.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rapport.alerting.MentionAlerts;
import io.rapport.generator.GeneratedRecord;
import io.rapport.generator.GeneratorConfig;
import io.rapport.generator.RapportGenerator;
import io.rapport.model.EnrichedMention;
import io.rapport.model.SocialMention;
import io.rapport.serde.Json;
import io.rapport.serde.RecordParser;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import io.rapport.text.IntentDetector;
import io.rapport.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrackedBrandsTest {
  private final TrackedBrands brands = new TrackedBrands("Lumen", List.of("northwind", "Véla"));

  private List<String> about(String brandField, String text, String lang) {
    EnrichedMention em = ListeningFixtures.enriched("m", brandField, "x", "ana", text, lang);
    return brands.brandsOf(em.mention, em.analysis);
  }

  @Test
  void listsBrandThenCompetitorsNormalized() {
    assertThat(brands.all()).containsExactly("lumen", "northwind", "vela");
    assertThat(brands.isTracked("VELA")).isTrue();
    assertThat(brands.isTracked("acme")).isFalse();
  }

  @Test
  void theBrandFieldCounts() {
    assertThat(about("LUMEN", "Me encanta el servicio", "es")).containsExactly("lumen");
  }

  @Test
  void handlesHashtagsAndWordsNameBrandsInSpanishAndEnglish() {
    assertThat(about(null, "Hoy he probado @Lumen_ES y genial", "es")).containsExactly("lumen");
    assertThat(about(null, "Pedido tarde otra vez #NorthwindAyuda", "es"))
        .containsExactly("northwind");
    assertThat(about(null, "Switched from Northwind to Véla, so much better", "en"))
        .containsExactly("northwind", "vela");
    assertThat(about("lumen", "lumen beats @vela every time", "en"))
        .containsExactly("lumen", "vela");
  }

  @Test
  void ignoresUntrackedBrandsAndLookalikes() {
    assertThat(about("acme", "Great coffee at @lumenaria today", "en")).isEmpty();
    assertThat(about(null, "illuminated velas en la mesa", "es")).isEmpty();
  }

  private List<String> intentsForTheBrand(String text) {
    return ours(text).intents;
  }

  /** The text as the brand reads it. */
  private Analysis ours(String text) {
    return brands.readAs(brands.brand(), TextAnalyzer.shared(), text, null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Harta de @vela, me cambio a @lumen",
        "Me paso a @Lumen_ES ya mismo",
        "me cambio a Lumen, que me han hecho buena oferta",
        "I'm switching to @lumenapp next month",
        "Switched to #Lumen and never looking back"
      })
  void aSwitchToTheBrandIsAPurchaseIntentNotAChurnThreat(String text) {
    assertThat(TextAnalyzer.shared().analyze(text).intents).contains(IntentDetector.CHURN_THREAT);
    assertThat(intentsForTheBrand(text))
        .contains(IntentDetector.PURCHASE_INTENT)
        .doesNotContain(IntentDetector.CHURN_THREAT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Harta de @lumen, me cambio a @vela",
        "I'm switching to @Northwind, done with you",
        "Me doy de baja @lumen",
        "me cambio a la competencia",
        "Switched to @lumenaria, bye",
        "Me voy con @Movistar"
      })
  void aSwitchToAnyoneElseStaysAChurnThreat(String text) {
    assertThat(intentsForTheBrand(text))
        .contains(IntentDetector.CHURN_THREAT)
        .doesNotContain(IntentDetector.PURCHASE_INTENT);
  }

  @Test
  void aDestinationThatNamesATrackedBrandIsThatBrandsName() {
    assertThat(ours("me paso a @Lumen_ES").switchingTo).isEqualTo("lumen");
    assertThat(ours("Switching to #VélaAyuda").switchingTo).isEqualTo("vela");
    assertThat(ours("Me cambio a @Movistar").switchingTo).isEqualTo("movistar");
    assertThat(brands.brandNamed("NorthWind_support")).isEqualTo("northwind");
    assertThat(brands.brandNamed("lumenaria")).isNull();
    assertThat(brands.brandNamed(null)).isNull();
  }

  @Test
  void intentsKeepTheirOrderAndAreNotRepeated() {
    Analysis a =
        TextAnalyzer.shared().analyze("Estoy harta de @vela, me cambio a @lumen ¿tenéis fibra?");
    assertThat(a.intents)
        .containsExactly(
            IntentDetector.COMPLAINT, IntentDetector.QUESTION, IntentDetector.CHURN_THREAT);
    assertThat(brands.towards("lumen", a, null).intents)
        .containsExactly(
            IntentDetector.COMPLAINT, IntentDetector.QUESTION, IntentDetector.PURCHASE_INTENT);
    Analysis both = new Analysis();
    both.intents = List.of(IntentDetector.PURCHASE_INTENT, IntentDetector.CHURN_THREAT);
    both.switchingTo = "lumen";
    assertThat(brands.towards("lumen", both, null).intents)
        .containsExactly(IntentDetector.PURCHASE_INTENT);
    assertThat(brands.towards("lumen", new Analysis(), null).intents).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Harta de @vela, me cambio a @lumen",
        "Estoy harta de @vela, su atención es pésima y la factura un robo. Me cambio a @lumen",
        "I'm so done with @vela, their service is awful. Switching to @lumen"
      })
  void whatASwitchSaysOfTheBrandLeftIsNotSaidOfTheBrandChosen(String text) {
    Analysis whole = TextAnalyzer.shared().analyze(text);
    assertThat(whole.compound).isLessThan(-0.3);
    assertThat(whole.intents).contains(IntentDetector.COMPLAINT);

    Analysis ours = ours(text);
    assertThat(ours.compound).isZero();
    assertThat(ours.neg).isZero();
    assertThat(ours.pos + ours.neg + ours.neu).isCloseTo(1.0, within(1e-9));
    assertThat(ours.intents).containsExactly(IntentDetector.PURCHASE_INTENT);
    assertThat(ours.topics).isEmpty();
    assertThat(MentionAlerts.negativeEnough(ours)).isFalse(); // no negative-mention alert

    // the brand left reads the whole text: a complaint and a churn threat
    Analysis theirs = brands.readAs("vela", TextAnalyzer.shared(), text, null);
    assertThat(theirs.compound).isEqualTo(whole.compound);
    assertThat(theirs.topics).isEqualTo(whole.topics);
    assertThat(theirs.intents).isEqualTo(whole.intents).contains(IntentDetector.CHURN_THREAT);
    assertThat(theirs.switchingTo).isEqualTo("lumen");
  }

  /**
   * Praise of lumen at vela's expense, whichever party the comparison makes its object: a brand
   * held up as another's model ("@vela could learn a thing or two from @lumen": lumen, the model,
   * is the object of a put-down of vela) and a '>' between them ("Lumen > Vela": vela is the
   * object, as in "Lumen beats Vela"), and comparisons of degree ("Lumen es más caro que Vela pero
   * mucho mejor": before them, vela read the praise and lumen's recommendation as its own).
   */
  @ParameterizedTest
  @CsvSource({
    "'@vela could learn a thing or two from @lumen', lumen",
    "'Vela should take notes from the Lumen team', lumen",
    "'@vela debería aprender de @lumen', lumen",
    "'Lumen > Vela', vela",
    "'@lumen >>> @vela, sin duda', vela",
    "'Lumen es más caro que Vela pero mucho mejor', vela",
    "'Vela es más barato que Lumen pero peor', lumen",
    "'Lumen cobra más que Vela pero vale la pena', vela",
    "'Lumen is way more reliable than @vela', vela",
    "'Prefiero mil veces Lumen antes que Vela', vela",
    "'I prefer Lumen over @vela any day', vela",
    "'Compared to Lumen, Vela is terrible', lumen",
    "'En comparación con Vela, Lumen es una maravilla', vela",
    "'Lumen wins over Vela every time', vela",
    "'Lumen le gana a Vela por goleada', vela",
    "'No cambio Lumen por Vela ni loco', vela",
    "'Lumen wins hands down over Vela', vela"
  })
  void lumenIsPraisedAtVelasExpense(String text, String object) {
    Analysis ours = ours(text);
    assertThat(ours.compound).isGreaterThan(0.3);
    assertThat(ours.intents).doesNotContain(IntentDetector.COMPLAINT);
    assertThat(brands.comparedBrand(ours)).isEqualTo(object);
    assertThat(brands.readAs("vela", TextAnalyzer.shared(), text, null).compound).isLessThan(-0.3);
    assertThat(brands.readsOtherwise("vela", ours)).isTrue();
  }

  /**
   * Two clauses joined by a conjunction, each naming its brand and saying something of it: each
   * brand reads its own ("Dejé Vela porque me cobraban de más y en Lumen estoy encantado" was
   * praise of both), and so does a relative clause opened by another brand ("Thanks @lumen for
   * fixing what @vela broke" read +0.03 for both). Where nothing follows the first name, the
   * conjunction joins the names and both brands read the clause.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Dejé Vela porque me cobraban de más y en Lumen estoy encantado | 1 | -1",
        "Lumen me encanta pero Vela es un desastre | 1 | -1",
        "Vela's customer service is awful while Lumen's is great | 1 | -1",
        "Thanks @lumen for fixing what @vela broke | 1 | -1",
        "Gracias @lumen por arreglar lo que @vela rompió | 1 | -1",
        "Lumen y Vela son un desastre | -1 | -1",
        "Both Lumen and Vela lost my package | -1 | -1"
      })
  void eachClauseOfAConjunctionIsItsBrandsOwn(String text, int lumen, int vela) {
    TextAnalyzer an = TextAnalyzer.shared();
    Analysis ours = ours(text);
    Analysis theirs = brands.readAs("vela", an, text, null);
    assertThat(Math.signum(ours.compound)).as(text).isEqualTo((double) lumen);
    assertThat(Math.abs(ours.compound)).as(text).isGreaterThan(0.2);
    assertThat(Math.signum(theirs.compound)).as(text).isEqualTo((double) vela);
    assertThat(Math.abs(theirs.compound)).as(text).isGreaterThan(0.2);
    if (lumen == vela) {
      assertThat(ours.compound).as(text).isEqualTo(theirs.compound);
    }
  }

  /**
   * A clause after the destination that names another brand is that brand's, not the destination's:
   * "Me mudo a Vela, harta de Lumen" read 0.00 for lumen (the brand left), as if "harta de Lumen"
   * were said of vela.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Me mudo a Vela, harta de Lumen",
        "Me cambio a @vela porque @lumen es un desastre",
        "Switching to @vela, @lumen is a joke"
      })
  void aClauseAfterTheDestinationThatNamesTheBrandLeftIsItsOwn(String text) {
    Analysis ours = ours(text);
    assertThat(ours.compound).isLessThan(-0.3);
    assertThat(ours.intents).contains(IntentDetector.CHURN_THREAT, IntentDetector.COMPLAINT);
    Analysis theirs = brands.readAs("vela", TextAnalyzer.shared(), text, null);
    assertThat(theirs.compound).isEqualTo(0.0);
    assertThat(theirs.intents).containsExactly(IntentDetector.PURCHASE_INTENT);
  }

  /**
   * What a switch says after its destination, in the destination's sentence, is said of the
   * destination only: "Me pasé de @vela a @lumen y no me arrepiento" read +0.39 for vela too.
   */
  @Test
  void whatASwitchSaysOfItsDestinationIsNotSaidOfTheBrandLeft() {
    TextAnalyzer an = TextAnalyzer.shared();
    for (String text :
        List.of(
            "Me pasé de @vela a @lumen y no me arrepiento",
            "Switched from Vela to Lumen, best decision ever")) {
      Analysis ours = ours(text);
      assertThat(ours.compound).as(text).isGreaterThan(0.3);
      assertThat(ours.intents).as(text).contains(IntentDetector.PURCHASE_INTENT);
      Analysis left = brands.readAs("vela", an, text, null);
      assertThat(left.compound).as(text).isEqualTo(0.0);
      assertThat(left.intents).as(text).contains(IntentDetector.CHURN_THREAT);
      assertThat(brands.readsOtherwise("vela", ours)).isTrue();
    }
    // the brand left keeps what the text says of it, before and after the destination's sentence
    String harsh = "Harta de @vela, me cambio a @lumen, que tiene fibra. Vela es lo peor";
    assertThat(brands.readAs("vela", an, harsh, null).compound).isLessThan(-0.5);
    // and so does the brand when it is the one left
    String leaving = "Me cambio a @vela, que tiene fibra y es genial";
    Analysis ours = ours(leaving);
    assertThat(ours.compound).isLessThanOrEqualTo(0.0); // was +0.56: the praise of fibre is vela's
    assertThat(ours.intents).contains(IntentDetector.CHURN_THREAT);
    assertThat(brands.readAs("vela", an, leaving, null).compound).isGreaterThan(0.3);
  }

  @Test
  void whatASwitchSaysAfterTheBrandChosenIsSaidOfIt() {
    Analysis praise = ours("me cambio a Lumen, que me han hecho una oferta buenísima");
    assertThat(praise.compound).isGreaterThan(0.3);
    assertThat(praise.intents).containsExactly(IntentDetector.PURCHASE_INTENT);

    Analysis doubt = ours("Harta de @vela, me cambio a @lumen aunque su app es un desastre");
    assertThat(doubt.compound).isLessThan(-0.3);
    assertThat(doubt.intents)
        .containsExactly(IntentDetector.COMPLAINT, IntentDetector.PURCHASE_INTENT);
    assertThat(doubt.topics).containsExactly("app_web");

    // only the destination's sentence: what follows may be about the brand left again
    Analysis next =
        brands.readAs(
            "vela", TextAnalyzer.shared(), "Se acabó, me cambio a Vela. Lumen es pésimo", "es");
    assertThat(next.compound).isZero();
    assertThat(next.intents).containsExactly(IntentDetector.PURCHASE_INTENT);
    Analysis left = ours("Se acabó, me cambio a Vela. Lumen es pésimo");
    assertThat(left.compound).isLessThan(-0.3);
    assertThat(left.intents).containsExactly(IntentDetector.COMPLAINT, IntentDetector.CHURN_THREAT);
    Analysis marks = ours("Harta de @vela. Me paso a @lumen, por fin!!! Vela, nunca más");
    assertThat(marks.compound).isGreaterThan(0.3); // "por fin!!!"

    // with entities before the destination, the offsets are those of the decoded text
    Analysis decoded = ours("Harta de @vela &amp; sus cargos, me cambio a @lumen &lt;3");
    assertThat(decoded.compound).isGreaterThan(0.3);
  }

  /**
   * A churn cue that also goes before places ("moving to", "me mudo a") names a destination with a
   * capitalized word only when it is a tracked brand's name: "moving to Lumen" is a churn threat
   * for the job, "moving to Austin" is none (the analyzer alone finds neither; before, only an
   *
   * @handle counted there).
   */
  @Test
  void aPlaceIsADestinationWhenItIsATrackedBrand() {
    String text = "After 15 years with Vela I'm moving to Lumen";
    Analysis alone = TextAnalyzer.shared().analyze(text);
    assertThat(alone.intents).doesNotContain(IntentDetector.CHURN_THREAT);
    assertThat(alone.placeWord()).isEqualTo("lumen");

    Analysis ours = ours(text);
    assertThat(ours.switchingTo).isEqualTo("lumen");
    assertThat(ours.intents).contains(IntentDetector.PURCHASE_INTENT);
    assertThat(ours.intents).doesNotContain(IntentDetector.CHURN_THREAT);
    Analysis left = brands.readAs("vela", TextAnalyzer.shared(), text, null);
    assertThat(left.switchingTo).isEqualTo("lumen");
    assertThat(left.intents).contains(IntentDetector.CHURN_THREAT);

    Analysis leaving = ours("Harta de Lumen. Me mudo a Vela");
    assertThat(leaving.switchingTo).isEqualTo("vela");
    assertThat(leaving.intents)
        .containsExactly(IntentDetector.COMPLAINT, IntentDetector.CHURN_THREAT);

    for (String t :
        List.of(
            "I'm moving to Austin next month",
            "Me mudo a Madrid en enero",
            "I'm not moving to Lumen")) {
      Analysis a = ours(t);
      assertThat(a.switchingTo).as(t).isNull();
      assertThat(a.intents).as(t).doesNotContain(IntentDetector.CHURN_THREAT);
    }
  }

  @Test
  void aLowerCaseDestinationIsATrackedBrandWhenItIsOnesName() {
    Analysis text = TextAnalyzer.shared().analyze("Harta de vela, me cambio a lumen");
    assertThat(text.switchingTo).isNull(); // the analyzer cannot tell "lumen" from "otra"
    assertThat(text.destinationWord()).isEqualTo("lumen");

    Analysis in = ours("Harta de vela, me cambio a lumen");
    assertThat(in.switchingTo).isEqualTo("lumen");
    assertThat(in.intents).containsExactly(IntentDetector.PURCHASE_INTENT);
    assertThat(in.compound).isZero();
    assertThat(ours("me paso a lumen, que me han hecho una oferta buenísima").compound)
        .isGreaterThan(0.3);

    Analysis out = ours("I'm switching to northwind next month, done with lumen");
    assertThat(out.switchingTo).isEqualTo("northwind");
    assertThat(out.intents).contains(IntentDetector.CHURN_THREAT);
    assertThat(brands.readsOtherwise("northwind", out)).isTrue();
    assertThat(ours("me cambio a véla").switchingTo).isEqualTo("vela");

    // a word that is no tracked brand names nothing, and the threat stays
    for (String t : List.of("me cambio a otra compañía", "me cambio a movistar")) {
      Analysis other = ours(t);
      assertThat(other.switchingTo).as(t).isNull();
      assertThat(other.intents).as(t).contains(IntentDetector.CHURN_THREAT);
    }
    // a later cue that names a destination wins over an earlier word
    Analysis later = TextAnalyzer.shared().analyze("me cambio a otra, me paso a @Vela");
    assertThat(later.switchingTo).isEqualTo("vela");
    assertThat(later.destinationWord()).isNull();
  }

  @Test
  void eachTrackedBrandReadsASwitchAsItsOwn() {
    Analysis ours = ours("Harta de @lumen, me cambio a @vela");
    assertThat(ours.intents).contains(IntentDetector.CHURN_THREAT);
    assertThat(brands.readsOtherwise("vela", ours)).isTrue(); // the brand chosen
    assertThat(brands.readsOtherwise("northwind", ours)).isFalse(); // not in it
    assertThat(brands.readsOtherwise("lumen", ours)).isFalse(); // ours already
    assertThat(brands.readsOtherwise("vela", ours("Harta de @vela, me cambio a @lumen")))
        .isTrue(); // the brand left
    assertThat(brands.readsOtherwise("vela", ours("Harta de @vela"))).isFalse();
    Analysis vela =
        brands.readAs("vela", TextAnalyzer.shared(), "Harta de @lumen, me cambio a @vela", null);
    assertThat(vela.intents).containsExactly(IntentDetector.PURCHASE_INTENT);
    assertThat(vela.compound).isZero();
  }

  @Test
  void theObjectOfAComparisonReadsItTheOtherWayRound() {
    String praise = "@vela mil veces mejor que Lumen, os la recomiendo";
    Analysis plain = TextAnalyzer.shared().analyze(praise);
    assertThat(plain.compound).isGreaterThan(0.3);
    assertThat(plain.intents).contains(IntentDetector.RECOMMENDATION);
    assertThat(brands.comparedBrand(plain)).isEqualTo("lumen");
    // lumen, the object: a put-down, and nothing recommended of it
    Analysis ours = ours(praise);
    assertThat(ours.compound).isLessThan(-0.3);
    assertThat(ours.intents).doesNotContain(IntentDetector.RECOMMENDATION);
    // vela, the subject: the praise and the recommendation as written
    Analysis theirs = brands.readAs("vela", TextAnalyzer.shared(), praise, null);
    assertThat(theirs.compound).isEqualTo(plain.compound);
    assertThat(theirs.intents).isEqualTo(plain.intents);

    String putDown = "Vela es peor que Lumen, no lo recomiendo";
    assertThat(ours(putDown).compound).isGreaterThan(0.3);
    assertThat(ours(putDown).intents).isEmpty(); // the withheld recommendation is vela's
    Analysis velas = brands.readAs("vela", TextAnalyzer.shared(), putDown, "es");
    assertThat(velas.compound).isLessThan(-0.3);
    assertThat(velas.intents).contains(IntentDetector.COMPLAINT);

    // English, a handle, and a competitor that is not tracked
    assertThat(ours("Movistar is so much better than @Lumen_ES").compound).isLessThan(-0.3);
    assertThat(ours("Lumen is way worse than Vela").compound).isLessThan(-0.3);
    assertThat(
            brands.readAs("vela", TextAnalyzer.shared(), "Lumen is way worse than Vela", "en")
                .compound)
        .isGreaterThan(0.3);
    // a competitor recommended at lumen's expense, as the demo's generator writes it
    Analysis theirReco = ours("Para el portátil, Vela sin duda. Mejor que Lumen");
    assertThat(theirReco.intents).doesNotContain(IntentDetector.RECOMMENDATION);
    assertThat(theirReco.compound).isLessThan(0);
    assertThat(ours("Vela beats @lumen hands down, love it").compound).isLessThan(-0.3);
    // nothing compares: praise of the brand named after it
    assertThat(ours("No hay nada mejor que Lumen").compound).isGreaterThan(0.3);
    assertThat(ours("Nobody is better than @lumen").compound).isGreaterThan(0.3);
  }

  @Test
  void theBrandASwitchLeavesIsTheObjectOfItsComparison() {
    String text = "Me cambio a @vela, mucho mejor que @lumen";
    Analysis ours = ours(text);
    assertThat(ours.compound).isLessThan(-0.3);
    assertThat(ours.intents).contains(IntentDetector.CHURN_THREAT);
    assertThat(ours.switchingTo).isEqualTo("vela");
    Analysis theirs = brands.readAs("vela", TextAnalyzer.shared(), text, null);
    assertThat(theirs.compound).isGreaterThan(0.3);
    assertThat(theirs.intents).containsExactly(IntentDetector.PURCHASE_INTENT);
  }

  @Test
  void onlyTheObjectAndTheSubjectOfAComparisonReadItAgain() {
    String text = "Lumen es mucho mejor que @vela";
    Analysis ours = ours(text);
    assertThat(ours.comparedWith).isEqualTo("vela");
    assertThat(brands.readsOtherwise("vela", ours)).isTrue(); // the object
    assertThat(brands.readsOtherwise("lumen", ours)).isFalse(); // ours already
    // a comparison of two rivals: the object reads it again, the subject reads it as lumen does
    Analysis rivals = ours("Northwind is WORSE THAN vela");
    assertThat(brands.readsOtherwise("vela", rivals)).isTrue();
    assertThat(brands.readsOtherwise("northwind", rivals)).isFalse();
    // lumen the object: every other brand reads the words as written
    assertThat(brands.readsOtherwise("vela", ours("Vela es mejor que Lumen"))).isTrue();
    for (String t :
        List.of("Mejor Lumen que @vela", "Lumen beats Vela", "Lumen supera a Vela en todo")) {
      assertThat(brands.readsOtherwise("vela", ours(t))).as(t).isTrue();
    }
    // comparative words that compare no brand ("mejor" alone, "better than ever")
    for (String t :
        List.of(
            "Lumen y @vela, las dos geniales",
            "Vela is better than ever",
            "Nada mejor que un café con @vela")) {
      assertThat(brands.readsOtherwise("vela", ours(t))).as(t).isFalse();
    }
    assertThat(brands.readsOtherwise("vela", null)).isFalse();
    // the switch rule still holds
    String sw = "Harta de @lumen, me cambio a @vela";
    assertThat(brands.readsOtherwise("vela", ours(sw))).isTrue();
  }

  /**
   * A text that names brands in different clauses is read by each brand in its own clauses and
   * those that name no brand: "Lumen genial, @vela un desastre" read -0.03 for both before (praise
   * and put-down summed), and the brand's alerts took a put-down of a rival for its own.
   */
  @Test
  void eachBrandReadsTheClausesAboutIt() {
    TextAnalyzer an = TextAnalyzer.shared();
    String mixed = "Lumen genial, @vela un desastre";
    Analysis ours = ours(mixed);
    assertThat(ours.brandsApart).isTrue();
    assertThat(ours.compound).isGreaterThan(0.3);
    assertThat(ours.intents).doesNotContain(IntentDetector.COMPLAINT);
    Analysis velas = brands.readAs("vela", an, mixed, null);
    assertThat(velas.compound).isLessThan(-0.3);
    assertThat(velas.intents).contains(IntentDetector.COMPLAINT);
    assertThat(brands.readsOtherwise("vela", ours)).isTrue();

    String english = "Love @lumen, but @vela is terrible";
    assertThat(ours(english).compound).isGreaterThan(0.3);
    assertThat(brands.readAs("vela", an, english, "en").compound).isLessThan(-0.3);

    // a clause that names no brand is about the brands of the nearest clause that names one: of
    // its sentence, before it, else after it, else of an earlier sentence
    String after = "Lumen genial, @vela un desastre. Todo llegó roto";
    assertThat(ours(after).compound).isEqualTo(ours(mixed).compound);
    assertThat(brands.readAs("vela", an, after, null).compound).isLessThan(velas.compound);
    String vocative = "Qué desastre, @vela. Lumen genial";
    assertThat(ours(vocative).compound).isEqualTo(ours("Lumen genial").compound);
    assertThat(brands.readAs("vela", an, vocative, null).compound).isLessThan(-0.3);
    String continued = "@vela un desastre, Lumen llegó en un día, genial";
    assertThat(ours(continued).compound).isGreaterThan(0.3);
    assertThat(brands.readAs("vela", an, continued, null).compound).isLessThan(-0.3);
    // before any brand, in a sentence that names none: every brand's
    String opener = "Qué desastre de semana. Vela tardó un mes, Lumen llegó en dos días";
    assertThat(ours(opener).compound).isLessThan(0);
    assertThat(brands.readAs("vela", an, opener, null).compound).isLessThan(0);

    // the brand named nowhere in the text reads it whole
    String rivals = "Vela un desastre, Northwind genial";
    assertThat(ours(rivals).compound).isEqualTo(an.analyze(rivals).compound);
    assertThat(brands.readAs("northwind", an, rivals, null).compound).isGreaterThan(0.3);

    // "y Lumen también": lumen's clause says of it what the other said of vela
    String too = "@vela cada día mejor, y Lumen también";
    assertThat(ours(too).compound).isEqualTo(an.analyze(too).compound).isGreaterThan(0.3);

    // with a comparison: the object reads the comparison turned and its own clause
    String both = "Vela es mucho mejor que Lumen. Lumen tiene un servicio pésimo";
    assertThat(ours(both).compound).isLessThan(-0.6);
    assertThat(brands.readAs("vela", an, both, null).compound).isGreaterThan(0.3);

    // the intents of a rival's clause are the rival's
    String noAnswer = "Lumen genial, @vela no contesta nadie";
    assertThat(ours(noAnswer).intents).doesNotContain(IntentDetector.COMPLAINT);
    assertThat(brands.readAs("vela", an, noAnswer, null).intents)
        .contains(IntentDetector.COMPLAINT);
    String leaving = "Lumen genial, me doy de baja de Vela";
    assertThat(ours(leaving).intents).doesNotContain(IntentDetector.CHURN_THREAT);
    assertThat(brands.readAs("vela", an, leaving, null).intents)
        .contains(IntentDetector.CHURN_THREAT);

    // and so are its topics; hashtags stay the whole text's (they name the brands)
    String late = "Lumen genial, el envío de @vela tardó un mes #velafail";
    assertThat(ours(late).topics).doesNotContain("delivery");
    assertThat(ours(late).hashtags).contains("velafail");
    assertThat(brands.readAs("vela", an, late, null).topics).contains("delivery");

    // one clause, several brands: one reading
    assertThat(ours("@lumen y @vela me cobraron dos veces").brandsApart).isFalse();
    // a switch keeps its own reading
    Analysis sw = ours("Harta de @lumen, me cambio a @vela");
    assertThat(sw.intents).contains(IntentDetector.CHURN_THREAT);
    assertThat(brands.readsOtherwise("northwind", sw)).isFalse();
  }

  /**
   * What the listening route does for every brand a mention is about (its reading as the brand
   * reads it, which crosses the job's operators, then another reading only where {@link
   * TrackedBrands#readsOtherwise} says so) gives each brand the reading that analyzing the text
   * afresh for that brand gives: over the generated world's mentions, whose rivals are named,
   * compared and switched to, and the comparisons of this class.
   */
  @Test
  void everyBrandGetsTheReadingAFreshAnalysisGivesIt() throws Exception {
    GeneratorConfig cfg = GeneratorConfig.defaults();
    RapportGenerator gen = new RapportGenerator(cfg);
    TrackedBrands tracked = new TrackedBrands(cfg.brand, List.of(cfg.competitor1, cfg.competitor2));
    TextAnalyzer analyzer = TextAnalyzer.shared();
    RecordParser parser = new RecordParser();
    List<SocialMention> mentions = new ArrayList<>();
    for (long i = 0; mentions.size() < 6000; i++) {
      GeneratedRecord r = gen.record(i);
      if (r.topic.equals(GeneratedRecord.TOPIC_MENTIONS) && r.malformedKind == null) {
        mentions.add(parser.mention(r.value).value());
      }
    }
    for (String t :
        List.of(
            "Lumen es mucho mejor que @vela",
            "Northwind is WORSE THAN vela",
            "Vela es peor que Lumen, no lo recomiendo",
            "Me cambio a @vela, mucho mejor que @lumen",
            "Harta de @vela, me cambio a @lumen",
            "Mejor Northwind que @vela",
            "@vela cada día mejor, y Lumen también")) {
      mentions.add(Samples.mention("m" + mentions.size(), "x", "ana", t, Samples.T0));
    }
    int rivalReadings = 0;
    int readAgain = 0;
    int comparisons = 0;
    for (SocialMention m : mentions) {
      Analysis ours = tracked.readAs(tracked.brand(), analyzer, m.text, m.lang);
      // what crosses the job's operators: the record's fields, nothing transient
      Analysis carried = Json.mapper().readValue(Json.toBytes(ours), Analysis.class);
      assertThat(carried).isEqualTo(ours);
      if (carried.comparedWith != null) {
        comparisons++;
      }
      for (String b : tracked.brandsOf(m, carried)) {
        Analysis fresh = tracked.readAs(b, analyzer, m.text, m.lang);
        Analysis routed = carried;
        if (!b.equals(tracked.brand())) {
          rivalReadings++;
        }
        if (tracked.readsOtherwise(b, carried)) {
          readAgain++;
          routed = tracked.readAs(b, analyzer, m.text, m.lang);
        }
        assertThat(routed).as("\"%s\" as %s reads it", m.text, b).isEqualTo(fresh);
      }
    }
    // the generated world compares brands, and most rival readings need no analysis of their own
    assertThat(comparisons).isGreaterThan(20);
    assertThat(readAgain).isGreaterThan(20).isLessThan(rivalReadings / 2);
    System.out.printf(
        "%d texts, %d comparisons, %d readings by rivals, %d analyzed again%n",
        mentions.size(), comparisons, rivalReadings, readAgain);
  }

  @Test
  void aConfiguredAccountMayNameItsBrand() {
    TrackedBrands b =
        new TrackedBrands(
            "Lumen", List.of("Vela"), List.of("HolaSoporte=lumen", "@Ayuda24 = Vela", "LumenFans"));
    assertThat(b.isOwnAccount("@holasoporte", false)).isTrue();
    assertThat(b.isBrandAccount("Ayuda24")).isTrue();
    assertThat(b.isOwnAccount("Ayuda24", true)).isFalse(); // vela's
    assertThat(b.isOwnAccount("LumenFans", false)).isTrue(); // the brand's name in it
    assertThatThrownBy(() -> new TrackedBrands("Lumen", List.of(), List.of("HolaSoporte=acme")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HolaSoporte=acme")
        .hasMessageContaining("[lumen]");
    assertThatThrownBy(() -> new TrackedBrands("Lumen", List.of(), List.of("@=lumen")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBrandsOwnAccounts() {
    TrackedBrands withAccounts =
        new TrackedBrands("Lumen", List.of("vela"), List.of("@AtencionLumen", " VelaCares "));
    for (String own :
        List.of("Lumen_ES", "@lumenhelp", "lumen", "VelaOficial", "atencionlumen", "@VelaCares")) {
      assertThat(withAccounts.isBrandAccount(own)).as(own).isTrue();
    }
    for (String person : List.of("ana_garcia", "lumenaria", "lumenlover", "velazquez", "", " ")) {
      assertThat(withAccounts.isBrandAccount(person)).as(person).isFalse();
    }
    assertThat(withAccounts.isBrandAccount(null)).isFalse();
    // the brand's own (its replies answer for it), not a competitor's: named after the brand and
    // verified by the platform, or configured
    for (String own : List.of("Lumen_ES", "@lumenhelp")) {
      assertThat(withAccounts.isOwnAccount(own, true)).as(own).isTrue();
      assertThat(withAccounts.isOwnAccount(own, false)).as(own + " unverified").isFalse();
    }
    assertThat(withAccounts.isOwnAccount("atencionlumen", false)).isTrue();
    for (String other : List.of("VelaOficial", "VelaCares", "ana_garcia", "lumenaria", " ")) {
      assertThat(withAccounts.isOwnAccount(other, true)).as(other).isFalse();
    }
    assertThat(withAccounts.isOwnAccount(null, true)).isFalse();
    assertThat(brands.isBrandAccount("AtencionLumen")).isFalse(); // not configured there
  }

  @Test
  void needsABrand() {
    assertThatThrownBy(() -> new TrackedBrands(" ", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
