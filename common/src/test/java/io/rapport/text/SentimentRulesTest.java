package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each sentiment rule in both languages. These sentences are the Spanish development examples (the
 * held-out set in resources/sentiment is never used here).
 */
class SentimentRulesTest {
  private static final TextAnalyzer A = TextAnalyzer.shared();

  private static double es(String s) {
    return A.analyze(s, "es").compound;
  }

  private static double en(String s) {
    return A.analyze(s, "en").compound;
  }

  @Test
  void basicPolarity() {
    assertThat(es("El servicio es excelente")).isGreaterThan(0.5);
    assertThat(es("El servicio es pésimo")).isLessThan(-0.5);
    assertThat(es("El pedido sale el martes")).isEqualTo(0.0);
    assertThat(en("The service is excellent")).isGreaterThan(0.5);
    assertThat(en("The service is terrible")).isLessThan(-0.4);
    assertThat(en("The order ships on Tuesday")).isEqualTo(0.0);
  }

  @Test
  void negationFlipsWithinScope() {
    assertThat(es("La comida es buena")).isGreaterThan(0.3);
    assertThat(es("La comida no es buena")).isLessThan(-0.2);
    assertThat(es("No me gusta nada")).isLessThan(-0.2);
    assertThat(es("Nunca me ha gustado")).isLessThan(-0.2);
    assertThat(es("Jamás recomendaría esta tienda")).isLessThan(0.0);
    assertThat(es("Tampoco es bonito")).isLessThan(0.0);
    assertThat(es("No es malo")).isGreaterThan(0.0);
    assertThat(es("Sin problemas")).isGreaterThan(0.0);
    assertThat(es("Ni un problema en tres años")).isGreaterThan(0.0);
    assertThat(en("The food is not good")).isLessThan(-0.2);
    assertThat(en("I don't like it")).isLessThan(-0.1);
    assertThat(en("It isn't bad")).isGreaterThan(0.0);
    assertThat(en("Never happy with this app")).isLessThan(0.0);
    assertThat(en("I dont love it")).isLessThan(0.0);
  }

  @Test
  void contractionsAndNegatorPhrases() {
    assertThat(en("The staff weren't helpful")).isLessThan(0.0);
    assertThat(en("It wasn't terrible")).isGreaterThan(0.0);
    assertThat(en("This can't be good")).isLessThan(0.0);
    assertThat(en("Nothing good about it")).isLessThan(0.0);
    assertThat(es("Ni bueno ni barato")).isLessThan(0.0);
    assertThat(es("En absoluto recomendable")).isLessThan(0.0);
  }

  @Test
  void negatorsOnlyNegateNotAddTheirOwnValence() {
    // "no" has a valence of its own in VADER's lexicon; before a sentiment word it only negates
    assertThat(en("no good")).isEqualTo(en("not good"));
  }

  @Test
  void htmlEntitiesAreDecoded() {
    assertThat(en("see you &lt;3")).isEqualTo(en("see you <3")).isGreaterThan(0.2);
    assertThat(en("fish &amp; chips")).isEqualTo(0.0);
  }

  @Test
  void negationScopeEndsAtClauseBoundaryAndDistance() {
    // "no" before the comma does not reach "genial"
    assertThat(es("No, es genial")).isGreaterThan(0.3);
    assertThat(en("No, it is great")).isGreaterThan(0.3);
    // far away: "no" is five words before "buena"
    assertThat(es("No sabía que la comida fuera tan buena")).isGreaterThan(0.0);
    assertThat(en("I did not know that the food would be this good")).isGreaterThan(0.0);
  }

  @Test
  void neverSoIntensifies() {
    assertThat(es("Nunca había tenido un servicio tan bueno")).isGreaterThan(0.3);
    assertThat(en("Never have I had such good service")).isGreaterThan(0.3);
  }

  @Test
  void praiseIdiomsWithANegatorAreNotNegated() {
    assertThat(en("I can't recommend them enough")).isGreaterThan(0.3);
    assertThat(en("I can't thank you enough for the help")).isGreaterThan(0.3);
    assertThat(en("I couldn't recommend this film more")).isGreaterThan(0.3);
    assertThat(es("No solo lo recomiendo, ya he vuelto tres veces")).isGreaterThan(0.3);
    // the negation stands
    assertThat(en("This can't be good enough")).isLessThan(-0.2);
    assertThat(en("I can't recommend it any more")).isLessThan(-0.2);
    assertThat(en("Not good enough")).isLessThan(-0.2);
    assertThat(es("No lo recomiendo")).isLessThan(-0.2);
  }

  @Test
  void disappointmentAndRewardIdioms() {
    assertThat(es("La atención deja mucho que desear")).isLessThan(-0.3);
    assertThat(en("The service leaves a lot to be desired")).isLessThan(-0.3);
    assertThat(es("Tardaron un montón pero valió la pena")).isGreaterThan(0.3);
    assertThat(es("Me han cobrado dos veces y nadie responde")).isLessThan(-0.3);
    assertThat(en("Charged twice and nobody answers")).isLessThan(-0.3);
  }

  @Test
  void servicesDownSlowOrUnreachable() {
    assertThat(en("The app is so slow lately")).isLessThan(-0.2);
    assertThat(en("@TelcoX your service is down again")).isLessThan(-0.2);
    assertThat(en("customer service hung up on me twice")).isLessThan(-0.3);
    assertThat(en("My package was marked delivered but never showed up")).isLessThan(-0.3);
    assertThat(es("Me colgaron dos veces en atención al cliente")).isLessThan(-0.3);
    assertThat(es("La web está caída otra vez")).isLessThan(-0.2);
  }

  @Test
  void failingServicesAndFaintPraise() {
    assertThat(es("La app de @BancoAzul se cae cada rato")).isLessThan(-0.3);
    assertThat(es("Llevo tres días sin internet")).isLessThan(-0.3);
    assertThat(en("The app keeps crashing since the update")).isLessThan(-0.3);
    assertThat(es("No está mal pero podría ser mejor")).isLessThan(0);
    assertThat(en("Not bad, but it could be better")).isLessThan(0);
    // a handle between a phrase's first word and the rest
    assertThat(en("Thanks @Delta for nothing, five hours late")).isLessThan(-0.3);
    assertThat(es("Gracias @Iberia por nada")).isLessThan(-0.3);
    assertThat(en("Thanks @Delta for the upgrade!")).isGreaterThan(0.3);
  }

  @Test
  void intensifiersAndDampeners() {
    assertThat(es("El hotel es muy bonito")).isGreaterThan(es("El hotel es bonito"));
    assertThat(es("El hotel es súper bonito")).isGreaterThan(es("El hotel es bonito"));
    assertThat(es("El hotel es demasiado caro")).isLessThan(es("El hotel es caro"));
    assertThat(es("El hotel es un poco feo")).isGreaterThan(es("El hotel es feo"));
    assertThat(es("El hotel es algo feo")).isGreaterThan(es("El hotel es feo"));
    assertThat(en("The hotel is very nice")).isGreaterThan(en("The hotel is nice"));
    assertThat(en("The hotel is really nice")).isGreaterThan(en("The hotel is nice"));
    assertThat(en("The hotel is kinda nice")).isLessThan(en("The hotel is nice"));
    assertThat(en("The hotel is sort of nice")).isLessThan(en("The hotel is nice"));
    assertThat(en("The hotel is sort of nice")).isGreaterThan(0.0);
  }

  @Test
  void spanishSuperlativeSuffix() {
    assertThat(es("La tarta está buenísima")).isGreaterThan(es("La tarta está buena"));
    assertThat(es("El envío fue rapidísimo")).isGreaterThan(es("El envío fue rápido"));
    assertThat(es("Los zapatos son comodísimos")).isGreaterThan(0.3);
    assertThat(es("El camarero fue amabilísimo")).isGreaterThan(0.3);
    assertThat(es("Un servicio malísimo")).isLessThan(es("Un servicio malo"));
  }

  @Test
  void contrastWeighsTheLaterClause() {
    assertThat(es("La tienda es bonita pero la atención fue horrible")).isLessThan(-0.2);
    assertThat(es("Tardó mucho pero el producto es excelente")).isGreaterThan(0.2);
    assertThat(es("La app es lenta, sin embargo funciona genial")).isGreaterThan(0.0);
    assertThat(es("Aunque es caro, es excelente")).isGreaterThan(0.3);
    assertThat(en("The store is nice but the service was horrible")).isLessThan(-0.2);
    assertThat(en("It took ages, but the product is excellent")).isGreaterThan(0.2);
    assertThat(en("Although it is expensive, it is excellent")).isGreaterThan(0.3);
    assertThat(en("Great phone. However, the battery is awful")).isLessThan(0.0);
  }

  @Test
  void allCapsEmphasis() {
    assertThat(es("El servicio es HORRIBLE")).isLessThan(es("El servicio es horrible"));
    assertThat(en("The service is GREAT")).isGreaterThan(en("The service is great"));
    // a text written entirely in capitals is not emphasis
    assertThat(en("THE SERVICE IS GREAT")).isEqualTo(en("the service is great"));
  }

  @Test
  void exclamationMarks() {
    assertThat(es("Qué bonito!!!")).isGreaterThan(es("Qué bonito"));
    assertThat(en("So good!!!")).isGreaterThan(en("So good"));
    assertThat(en("Awful!!!")).isLessThan(en("Awful"));
    assertThat(en("Good!!!!!!!!!!!!")).isEqualTo(en("Good!!!!"));
  }

  @Test
  void elongationsNormalizeAndEmphasize() {
    assertThat(es("geniaaaal")).isGreaterThan(es("genial")).isGreaterThan(0.3);
    assertThat(es("me encantaaaa")).isGreaterThan(0.3);
    assertThat(es("muuuuy bueno")).isGreaterThan(es("bueno"));
    assertThat(en("sooo good")).isGreaterThan(en("good"));
    assertThat(en("goooood")).isGreaterThan(0.3);
    assertThat(en("baaaaad")).isLessThan(-0.3);
  }

  @Test
  void emojiAndEmoticons() {
    assertThat(es("Ya llegó el paquete 😍")).isGreaterThan(0.3);
    assertThat(es("Ya llegó el paquete 😡")).isLessThan(-0.3);
    assertThat(es("Mañana voy :)")).isGreaterThan(0.2);
    assertThat(es("Mañana voy :(")).isLessThan(-0.2);
    assertThat(es("Mañana voy xD")).isGreaterThan(0.2);
    assertThat(en("See you tomorrow <3")).isGreaterThan(0.2);
    assertThat(en("See you tomorrow 👍")).isGreaterThan(0.2);
    assertThat(en("Meeting at 10:30")).isEqualTo(0.0); // not the ":3" emoticon
    // a long run of one emoji counts at most three times
    assertThat(en("ok 😂😂😂😂😂😂😂😂😂😂")).isEqualTo(en("ok 😂😂😂"));
  }

  @Test
  void nothingBetterThanIsPraiseThoughItStartsWithANegator() {
    assertThat(es("No hay nada mejor que Lumen")).isGreaterThan(0.3);
    assertThat(es("Nada mejor que un café de Lumen por la mañana")).isGreaterThan(0.3);
    assertThat(es("No hay nada como el servicio de Lumen")).isGreaterThan(0.3);
    assertThat(es("Nada supera a Lumen")).isGreaterThan(0.3);
    assertThat(en("Nothing is better than Lumen")).isGreaterThan(0.3);
    assertThat(en("There's nothing better than a Lumen coffee")).isGreaterThan(0.3);
    assertThat(en("Nothing beats Lumen")).isGreaterThan(0.3);
    assertThat(en("Nothing compares to Lumen")).isGreaterThan(0.3);
    // ... but having nothing better to do is no praise
    assertThat(es("No tengo nada mejor que hacer un domingo")).isLessThan(0.0);
    assertThat(es("No hay nada mejor que hacer")).isLessThan(0.0);
    assertThat(en("I have nothing better to do")).isLessThan(0.0);
    // nobody better: praise too; nothing (nobody) worse: a put-down, not praise by negation
    assertThat(es("No hay nadie mejor que Lumen")).isGreaterThan(0.3);
    assertThat(en("No one is better than Lumen")).isGreaterThan(0.3);
    assertThat(en("Nobody beats Lumen")).isGreaterThan(0.3);
    assertThat(es("No hay nada peor que Lumen")).isLessThan(-0.3);
    assertThat(es("Nada peor que el servicio de Lumen")).isLessThan(-0.3);
    assertThat(en("Nothing is worse than Lumen")).isLessThan(-0.3);
    assertThat(en("Nothing worse than waiting for Lumen")).isLessThan(-0.3);
  }

  @Test
  void spanishIdiomsAndSlang() {
    assertThat(es("El concierto fue una pasada")).isGreaterThan(0.5);
    assertThat(es("Un hotel de lujo, de verdad")).isGreaterThan(0.3);
    assertThat(es("El servicio es un asco")).isLessThan(-0.5);
    assertThat(es("Ni de coña vuelvo")).isLessThan(-0.3);
    assertThat(es("qué chido el nuevo local")).isGreaterThan(0.3);
    assertThat(es("el hotel está padrísimo")).isGreaterThan(0.3);
    assertThat(es("qué mala onda el encargado")).isLessThan(-0.3);
    assertThat(es("un sitio muy cutre")).isLessThan(-0.3);
    assertThat(es("mola mucho esta tienda")).isGreaterThan(0.3);
    assertThat(es("la camiseta es guay")).isGreaterThan(0.3);
    assertThat(es("muy chévere el servicio")).isGreaterThan(0.3);
    assertThat(es("bacán la atención")).isGreaterThan(0.3);
    assertThat(es("el nuevo menú está brutal")).isGreaterThan(0.2);
    assertThat(es("la neta, excelente atención")).isGreaterThan(0.3);
    assertThat(es("estoy hasta las narices de esperar")).isLessThan(-0.3);
    assertThat(es("zarpado el show")).isGreaterThan(0.3);
    assertThat(es("el recital es una masa")).isGreaterThan(0.3);
    assertThat(es("una joyita este lugar")).isGreaterThan(0.3);
    assertThat(es("qué bajón, se canceló el vuelo")).isLessThan(-0.3);
    assertThat(es("flojo el servicio")).isLessThan(-0.2);
    assertThat(es("Me atendió una chica súper borde")).isLessThan(-0.3);
    assertThat(es("me senté en el borde de la mesa")).isEqualTo(0.0);
    assertThat(es("me dejaron en visto")).isLessThan(-0.2);
    assertThat(es("Después de 10 años me paso a Vela. Qué bronca")).isLessThan(-0.3);
    assertThat(es("El personal de la tienda es majísimo")).isGreaterThan(0.3);
    assertThat(es("Bueno, ni una más. Me voy con Lumen")).isLessThan(-0.2);
  }

  @Test
  void announcementsPlaceNamesAndOpenersAreNeutral() {
    assertThat(es("Hoy empiezan las ofertas de Northwind")).isEqualTo(0.0);
    assertThat(es("Pasando por Lumen en Buenos Aires")).isEqualTo(0.0);
    assertThat(es("Fila enorme en Vela de Guadalajara por el Buen Fin")).isEqualTo(0.0);
    assertThat(es("¿Cómo hago una devolución si compré en línea?")).isEqualTo(0.0);
    assertThat(en("Honestly, anyone tried the Lumen tablet?")).isEqualTo(0.0);
    assertThat(es("Neta, ¿qué tal el sérum?")).isEqualTo(0.0);
    assertThat(es("Cola en la puerta de Lumen para el Black Friday")).isEqualTo(0.0);
    assertThat(es("¿En serio? 14 días para una devolución")).isLessThanOrEqualTo(0.0);
    assertThat(es("Llevo 11 días esperando mi pedido. Qué coraje")).isLessThan(-0.3);
    // the same words keep their meaning elsewhere
    assertThat(en("Honestly the best coffee in town")).isGreaterThan(0.3);
    assertThat(en("Wow, amazing service")).isGreaterThan(0.3);
  }

  @Test
  void aThinkingFaceIsNotNegative() {
    assertThat(es("Hoy empiezan las rebajas de Lumen 🤔")).isEqualTo(0.0);
    assertThat(en("At Lumen in New York right now 🤔")).isEqualTo(0.0);
  }

  @Test
  void englishIdiomsAndSlang() {
    assertThat(en("This new phone is the bomb")).isGreaterThan(0.3);
    assertThat(en("This app sucks")).isLessThan(-0.3);
    assertThat(en("meh")).isLessThan(0.0);
    assertThat(en("What a rip off")).isLessThan(-0.3);
    assertThat(en("lovin it")).isGreaterThan(0.3);
    assertThat(en("the update is mid")).isLessThan(-0.2);
    assertThat(en("that customer service was trash")).isLessThan(-0.3);
    assertThat(en("this place is fire")).isGreaterThan(0.3);
    assertThat(en("huge W for the team")).isGreaterThan(0.3);
    assertThat(en("big L for @Airline today")).isLessThan(-0.3);
    // the words alone keep their ordinary meaning
    assertThat(en("the fire destroyed the warehouse")).isLessThan(0);
    assertThat(en("see you in mid March")).isEqualTo(0.0);
    assertThat(en("10/10 would buy again")).isGreaterThan(0.3);
    assertThat(en("would not buy again")).isLessThan(-0.3);
    assertThat(en("they left me on read for 3 days")).isLessThan(-0.2);
    assertThat(en("No notes. The jeans from Lumen are worth every penny")).isGreaterThan(0.3);
    assertThat(en("Been using it for 10 months, zero issues. Obsessed")).isGreaterThan(0.3);
  }

  @Test
  void misspellingsAndMissingAccents() {
    assertThat(es("pesimo servicio")).isEqualTo(es("pésimo servicio"));
    assertThat(es("increible atencion")).isEqualTo(es("increíble atención"));
    assertThat(es("q buena la comida")).isEqualTo(es("que buena la comida"));
    assertThat(es("no me gusta xq tarda mucho")).isLessThan(0.0);
    assertThat(es("tb me gustó el postre")).isGreaterThan(0.2);
    assertThat(es("k mal servicio")).isLessThan(-0.3);
    assertThat(en("u r awsome")).isGreaterThan(0.3);
  }

  @Test
  void spanishInflectionFallbacks() {
    assertThat(es("unas vistas maravillosas")).isGreaterThan(0.3); // plural feminine
    assertThat(es("unos camareros amables")).isGreaterThan(0.3);
    assertThat(es("clientes muy felices")).isGreaterThan(0.3); // -ces → -z
  }

  @Test
  void hashtagsAreScoredAsWords() {
    assertThat(es("Otra vez sin luz #fail")).isLessThan(-0.2);
    assertThat(en("Flight delayed again #fail")).isLessThan(-0.2);
    assertThat(en("New shoes #love")).isGreaterThan(0.2);
    assertThat(en("Lost my luggage #EpicFail")).isLessThan(-0.2);
    assertThat(en("Lost my luggage #epicfail")).isLessThan(-0.2);
    assertThat(es("#MuyMal la atención")).isLessThan(-0.2);
  }

  @Test
  void handlesAndUrlsAreIgnored() {
    assertThat(es("@HappyShop el pedido sale mañana")).isEqualTo(0.0);
    assertThat(en("@GoodGuys order shipped https://good.example/great")).isEqualTo(0.0);
  }

  @Test
  void domainPhrases() {
    assertThat(es("Mi pedido no llegó")).isLessThan(-0.3);
    assertThat(es("Una estafa, pedí un reembolso")).isLessThan(-0.3);
    assertThat(es("Retraso de tres días en el envío")).isLessThan(-0.2);
    assertThat(es("Por fin me devolvieron el dinero, todo perfecto")).isGreaterThan(0.3);
  }

  @Test
  void proportionsSumToOneAndCompoundIsBounded() {
    for (String s :
        new String[] {
          "", "hola", "GENIAL!!!!!! 😍😍😍", "pésimo horrible asco fatal nefasto ".repeat(200)
        }) {
      Analysis a = A.analyze(s);
      assertThat(a.pos + a.neg + a.neu).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(a.compound).isBetween(-1.0, 1.0);
    }
    Analysis mixed = A.analyze("la comida buena pero el servicio horrible", "es");
    assertThat(mixed.pos).isGreaterThan(0);
    assertThat(mixed.neg).isGreaterThan(mixed.pos);
  }
}
