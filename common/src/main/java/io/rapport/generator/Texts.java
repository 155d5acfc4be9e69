package io.rapport.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Mention texts from templates and slots: Spain Spanish, Latin-American Spanish (with Mexican,
 * Colombian and Argentinian slang) and English. Every template carries the sentiment of its
 * category and its intents, so that tests can check an analyser against what was meant.
 *
 * <p>A template is {@code "codes|text"} where codes are intent letters: P praise, C complaint, Q
 * question, R recommendation, I purchase intent, X churn threat ({@code -} for none). Slots: {B}
 * the brand talked about, {O} another brand, {P} a product (Spanish with its article, English
 * without), {PE} an electronics product, {C} a city, {S+}/{S-} a slang adjective, {X+}/{X-} a slang
 * exclamation, {E+}/{E-}/{E?} an emoji, {N} a small number.
 */
final class Texts {
  static final int PRAISE = 0;
  static final int RECOMMEND = 1;
  static final int INTENT = 2;
  static final int QUESTION = 3;
  static final int NEUTRAL = 4;
  static final int COMPLAINT = 5;
  static final int CHURN = 6;

  static final String[] SENTIMENT = {
    GeneratedRecord.POSITIVE,
    GeneratedRecord.POSITIVE,
    GeneratedRecord.POSITIVE,
    GeneratedRecord.NEUTRAL,
    GeneratedRecord.NEUTRAL,
    GeneratedRecord.NEGATIVE,
    GeneratedRecord.NEGATIVE
  };

  /**
   * Category mix of ordinary authors: praise, recommend, intent, question, neutral, complaint,
   * churn.
   */
  static final double[] MIX = {0.22, 0.08, 0.10, 0.15, 0.15, 0.21, 0.09};

  /** Category mix of a drifting customer after their drift point. */
  static final double[] MIX_DRIFTING = {0.05, 0.02, 0.03, 0.10, 0.10, 0.40, 0.30};

  private static final int ES = 0;
  private static final int LATAM = 1;
  private static final int EN = 2;

  // ---------------------------------------------------------------- templates

  private static final String[][][] T = new String[3][7][];

  static {
    T[ES][PRAISE] =
        new String[] {
          "P|Lo nuevo de {B} es {S+} {E+}",
          "P|Encantada con {P} que me compré en {B}",
          "P|Súper contenta con {B}, el pedido llegó en {N} días y todo perfecto",
          "P|La atención en la tienda de {B} en {C} fue de diez, gracias!!",
          "P|{B} nunca falla, {P} funciona de maravilla",
          "P|Llevo {N} meses con {P} de {B} y cero problemas. {X+}",
          "P|Qué gusto da comprar en {B}, me resolvieron la duda en {N} minutos",
          "P|Pedido de {B} recibido y perfecto, {S+}",
          "P|Gracias {B} por cambiarme {P} sin poner ninguna pega {E+}",
          "P|El personal de {B} en {C} es majísimo",
          "P|Calidad-precio {B} no tiene rival. {X+}",
          "P|Acabo de estrenar {P} de {B}. {X+}",
          "P|{X+}, {P} de {B} {E+}{E+}",
          "P|Lo de {B} con la devolución ha sido de diez, en {N} días tenía el dinero",
        };
    T[ES][RECOMMEND] =
        new String[] {
          "RP|Os recomiendo {P} de {B}. {X+}",
          "R|Si buscáis {P}, id a {B}, calidad-precio imbatible",
          "R|Recomendadísimo {B} {E+}",
          "RP|100% recomiendo {P} de {B}. {X+}",
          "R|Para {P}, {B} sin duda. Mejor que {O}",
          "R|Hazme caso y pilla {P} en {B}",
        };
    T[ES][INTENT] =
        new String[] {
          "I|Estoy pensando en comprarme {P} de {B} {E?}",
          "I|Mañana voy a {B} a por {P}",
          "I|Quiero {P} de {B} ya {E+}",
          "IQ|¿{P} de {B} o de {O}? Me decido este finde",
          "I|Ahorrando para {P} de {B}",
          "I|En cuanto cobre me pillo {P} de {B}",
          "IQ|¿Cuándo empiezan las rebajas en {B}? Quiero {P}",
        };
    T[ES][QUESTION] =
        new String[] {
          "Q|¿Alguien sabe si {B} tiene {P} en la tienda de {C}?",
          "Q|¿{B} hace envíos a {C}? {E?}",
          "Q|Hola {B}, ¿cuándo reponéis {P}?",
          "Q|¿Qué tal {P} de {B}? ¿Merece la pena?",
          "Q|¿A qué hora abre {B} en {C} el domingo?",
          "Q|¿Cómo hago una devolución en {B} si lo compré online?",
          "Q|¿Alguien ha probado {P} de {B}? ¿Qué tal va?",
          "Q|{B}, ¿la garantía de {PE} cubre la batería?",
        };
    T[ES][NEUTRAL] =
        new String[] {
          "-|{B} abre nueva tienda en {C}",
          "-|Hoy empiezan las rebajas de {B}",
          "-|Acabo de ver el anuncio de {B} en la tele",
          "-|Pasando por {B} en {C}",
          "-|{B} y {O} con la misma oferta en {P}",
          "-|Cola en la puerta de {B} en {C} para el Black Friday",
          "-|Me ha llegado el catálogo de {B}",
        };
    T[ES][COMPLAINT] =
        new String[] {
          "C|Me llegó roto el pedido de {B} y nadie me responde {E-}",
          "C|Llevo {N} días esperando mi pedido de {B}. {X-}",
          "C|La atención al cliente de {B} es {S-}, {N} llamadas y nada",
          "C|Me cobraron dos veces en {B} y no me devuelven el dinero {E-}",
          "C|Compré {P} en {B} y a las {N} semanas, a la basura. {X-}",
          "C|En la tienda de {B} de {C} me trataron fatal",
          "CQ|¿En serio {B}? {N} días para una devolución",
          "C|{B} es {S-}, pedí {P} y me mandaron otra cosa {E-}",
          "C|Tres semanas sin respuesta de {B}. Vaya tela",
          "C|El chat de {B} no funciona y el teléfono comunica siempre {E-}{E-}",
        };
    T[ES][CHURN] =
        new String[] {
          "CX|Me doy de baja de {B}. {X-} {E-}",
          "CX|Se acabó, me cambio a {O}. {B} es {S-}",
          "CX|Ni una más, {B}. Me paso a {O} {E-}",
          "CX|Después de {N} años con {B}, me voy a {O}. {X-}",
          "CX|Cancelo la tarjeta de {B}, me cambio a {O}",
          "CX|Última vez que compro en {B}. Ni de coña vuelvo {E-}",
          "CX|{B}, me doy de baja. {N} días para una devolución es {S-}",
        };

    T[LATAM][PRAISE] =
        new String[] {
          "P|Lo nuevo de {B} es {S+} {E+}",
          "P|Feliz con {P} que compré en {B}",
          "P|Súper feliz con {B}, el pedido llegó en {N} días y todo perfecto",
          "P|La atención en la tienda de {B} en {C} fue excelente, ¡gracias!",
          "P|{B} nunca falla, {P} funciona perfecto",
          "P|Tengo {P} de {B} hace {N} meses y cero problemas. {X+}",
          "P|Qué buen servicio el de {B}, me resolvieron todo en {N} minutos",
          "P|Pedido de {B} recibido y perfecto. {X+}",
          "P|Gracias {B} por cambiarme {P} sin problema {E+}",
          "P|Los chicos de {B} en {C} son súper amables",
          "P|{X+}, {P} de {B} {E+}{E+}",
          "P|Acabo de estrenar {P} de {B}. {X+}",
        };
    T[LATAM][RECOMMEND] =
        new String[] {
          "RP|Les recomiendo {P} de {B}. {X+}",
          "R|Si buscan {P}, vayan a {B}, calidad-precio buenísima",
          "R|Recomendadísimo {B} {E+}",
          "RP|100% recomiendo {P} de {B}. {X+}",
          "R|Para {P}, {B} sin duda. Mejor que {O}",
        };
    T[LATAM][INTENT] =
        new String[] {
          "I|Estoy pensando en comprarme {P} de {B} {E?}",
          "I|Mañana voy a {B} por {P}",
          "I|Quiero {P} de {B} ya {E+}",
          "IQ|¿{P} de {B} o de {O}? Lo compro este fin de semana",
          "I|Ahorrando para {P} de {B}",
          "I|En cuanto me paguen me compro {P} de {B}",
        };
    T[LATAM][QUESTION] =
        new String[] {
          "Q|¿Alguien sabe si {B} tiene {P} en la tienda de {C}?",
          "Q|¿{B} hace envíos a {C}? {E?}",
          "Q|Hola {B}, ¿cuándo vuelve a haber {P}?",
          "Q|¿Qué tal {P} de {B}? ¿Vale la pena?",
          "Q|¿A qué hora abre {B} en {C} el domingo?",
          "Q|¿Cómo hago una devolución en {B} si compré en línea?",
          "Q|{B}, ¿la garantía de {PE} cubre la batería?",
        };
    T[LATAM][NEUTRAL] =
        new String[] {
          "-|{B} abre nueva tienda en {C}",
          "-|Hoy empiezan las ofertas de {B}",
          "-|Vi el comercial de {B} en la tele",
          "-|Pasando por {B} en {C}",
          "-|{B} y {O} con la misma promo en {P}",
          "-|Fila enorme en {B} de {C} por el Buen Fin",
        };
    T[LATAM][COMPLAINT] =
        new String[] {
          "C|Me llegó roto el pedido de {B} y nadie me responde {E-}",
          "C|Llevo {N} días esperando mi pedido de {B}. {X-}",
          "C|El servicio al cliente de {B} es {S-}, {N} llamadas y nada",
          "C|Me cobraron doble en {B} y no me regresan el dinero {E-}",
          "C|Compré {P} en {B} y a las {N} semanas ya no servía. {X-}",
          "C|En la tienda de {B} de {C} me atendieron pésimo",
          "CQ|¿En serio {B}? {N} días para una devolución",
          "C|{B} es {S-}, pedí {P} y me mandaron otra cosa {E-}",
          "C|El chat de {B} no sirve y nadie contesta el teléfono {E-}{E-}",
        };
    T[LATAM][CHURN] =
        new String[] {
          "CX|Me doy de baja de {B}. {X-} {E-}",
          "CX|Ya estuvo, me cambio a {O}. {B} es {S-}",
          "CX|Ni una más, {B}. Me voy con {O} {E-}",
          "CX|Después de {N} años con {B}, me paso a {O}. {X-}",
          "CX|Cancelo mi tarjeta de {B}, me cambio a {O}",
          "CX|Última vez que le compro a {B}. Nunca más {E-}",
        };

    T[EN][PRAISE] =
        new String[] {
          "P|Love my new {P} from {B} {E+}",
          "P|{B} customer service is {S+}, fixed my issue in {N} minutes",
          "P|Shoutout to the {B} store in {C}, staff were super helpful",
          "P|Got my {B} order in {N} days, {S+}",
          "P|Been using the {B} {P} for {N} months, zero issues. {X+}",
          "P|Honestly {B} never misses {E+}",
          "P|The {B} {P} is {S+} {E+}{E+}",
          "P|{X+}. The {P} from {B} is worth every penny",
          "P|Thanks {B} for swapping my {P}, no questions asked",
        };
    T[EN][RECOMMEND] =
        new String[] {
          "RP|Highly recommend the {P} from {B} {E+}",
          "R|If you need a new {P}, go to {B}",
          "R|10/10 would recommend {B}",
          "R|Get the {B} {P}, thank me later",
          "R|For a {P}, {B} beats {O} every time",
        };
    T[EN][INTENT] =
        new String[] {
          "I|Thinking about getting the {P} from {B} {E?}",
          "I|Going to {B} tomorrow to get a new {P}",
          "I|Need that {B} {P} asap {E+}",
          "IQ|{B} or {O} for a new {P}? Buying this weekend",
          "I|Saving up for the {B} {P}",
          "I|Payday = new {P} from {B}",
        };
    T[EN][QUESTION] =
        new String[] {
          "Q|Does {B} ship to {C}?",
          "Q|Anyone tried the {B} {P}? Worth it?",
          "Q|Hey {B}, when is the {P} back in stock?",
          "Q|What time does {B} in {C} open on Sunday?",
          "Q|How do I return an online order to {B}?",
          "Q|{B}, does the warranty on the {PE} cover the battery?",
        };
    T[EN][NEUTRAL] =
        new String[] {
          "-|{B} is opening a new store in {C}",
          "-|{B} sale starts today",
          "-|Saw the new {B} ad on TV",
          "-|At {B} in {C} right now",
          "-|{B} and {O} both have the same deal on a {P}",
          "-|Huge line outside {B} in {C} for Black Friday",
        };
    T[EN][COMPLAINT] =
        new String[] {
          "C|My {P} from {B} arrived broken and nobody answers {E-}",
          "C|{N} days waiting for my {B} order. {X-}",
          "C|{B} support is {S-}. {N} calls and still nothing",
          "C|Charged twice by {B} and still no refund {E-}",
          "C|The {B} {P} died after {N} weeks. {X-}",
          "C|Worst experience at {B} {C} today",
          "CQ|Seriously {B}? {N} days for a refund?",
          "C|{B} sent me the wrong {P} again {E-}",
        };
    T[EN][CHURN] =
        new String[] {
          "CX|I'm switching to {O}. {B} is {S-}",
          "CX|Done with {B}. Cancelling my membership {E-}",
          "CX|After {N} years with {B} I'm moving to {O}. {X-}",
          "CX|Never shopping at {B} again, {O} it is",
          "CX|Closing my {B} account today. {X-} {E-}",
          "CX|{B} lost a customer. Switching to {O} {E-}",
        };
  }

  /** Templates split once into intents and body. */
  private static final String[][][] BODIES = new String[3][7][];

  @SuppressWarnings("unchecked")
  private static final List<String>[][][] INTENTS = new List[3][7][];

  static {
    for (int g = 0; g < 3; g++) {
      for (int c = 0; c < 7; c++) {
        String[] ts = T[g][c];
        BODIES[g][c] = new String[ts.length];
        INTENTS[g][c] = new List[ts.length];
        for (int i = 0; i < ts.length; i++) {
          int bar = ts[i].indexOf('|');
          INTENTS[g][c][i] = intents(ts[i].substring(0, bar));
          BODIES[g][c][i] = ts[i].substring(bar + 1);
        }
      }
    }
  }

  /** Number of templates (for the record: variety comes from templates times slots). */
  static int templateCount() {
    int n = 0;
    for (String[][] g : T) {
      for (String[] c : g) {
        n += c.length;
      }
    }
    return n;
  }

  // ---------------------------------------------------------------- slot values

  private static final String[] ES_POS = {"una pasada", "genial", "brutal", "de diez", "la leche"};
  private static final String[] ES_POS_X = {"Mola mucho", "Una pasada", "Me flipa", "De lujo"};
  private static final String[] ES_NEG = {
    "un asco", "una vergüenza", "de pena", "lamentable", "un timo"
  };
  private static final String[] ES_NEG_X = {
    "Ni de coña vuelvo", "Vaya tela", "Qué vergüenza", "Un asco", "Menuda estafa"
  };
  private static final String[] MX_POS = {"padrísimo", "bien chido", "increíble", "de lujo"};
  private static final String[] MX_POS_X = {"¡Qué chido!", "Padrísimo", "Está bien padre"};
  private static final String[] MX_NEG = {"una porquería", "pésimo", "un desmadre", "un fraude"};
  private static final String[] MX_NEG_X = {"Qué mala onda", "Qué coraje", "Neta, qué mal"};
  private static final String[] CO_POS = {"chévere", "bacano", "lo máximo", "una chimba"};
  private static final String[] CO_POS_X = {"¡Qué chévere!", "Qué nota", "Bacanísimo"};
  private static final String[] CO_NEG = {"una porquería", "pésimo", "un desastre", "una boleta"};
  private static final String[] CO_NEG_X = {"Qué boleta", "Qué mamera", "Ni más faltaba"};
  private static final String[] AR_POS = {"buenísimo", "re copado", "genial", "espectacular"};
  private static final String[] AR_POS_X = {"Una masa", "Re copado", "Un lujo"};
  private static final String[] AR_NEG = {"un desastre", "una vergüenza", "malísimo", "cualquiera"};
  private static final String[] AR_NEG_X = {"Un garrón", "Qué bronca", "Una vergüenza"};
  private static final String[] EN_POS = {"amazing", "awesome", "so good", "legit great", "fire"};
  private static final String[] EN_POS_X = {"10/10", "Love it", "No notes", "Obsessed"};
  private static final String[] EN_NEG = {"a joke", "garbage", "the worst", "trash", "a mess"};
  private static final String[] EN_NEG_X = {"Unbelievable", "Never again", "So done", "Ridiculous"};

  private static final String[] EMOJI_POS = {"😍", "🙌", "👏", "❤️", "🔥", "😊", "💯", "✨"};
  private static final String[] EMOJI_NEG = {"😡", "😤", "🤬", "👎", "😒", "🙄", "💩", "😞"};
  private static final String[] EMOJI_NEU = {"🤔", "👀", "🛍️", "📦"};

  private static final String[] OPEN_ES_POS = {"Pues ", "Oye, ", "La verdad es que ", "Buah, "};
  private static final String[] OPEN_ES_NEG = {"Vaya tela, ", "En serio, ", "Buah, ", "A ver, "};
  private static final String[] OPEN_MX = {"Neta, ", "Oigan, ", "Híjole, "};
  private static final String[] OPEN_CO = {"Parce, ", "Oigan, ", "Uy, "};
  private static final String[] OPEN_AR = {"Che, ", "Posta, ", "Bueno, "};
  private static final String[] OPEN_EN = {"Honestly ", "Ok so ", "Not gonna lie, ", "Wow, "};

  private static final String[] HASH_ES_POS = {"#recomendado", "#felizcompra", "#unboxing"};
  private static final String[] HASH_ES_NEG = {
    "#pésimoservicio", "#atenciónalcliente", "#nuncamás"
  };
  private static final String[] HASH_EN_POS = {"#unboxing", "#worthit", "#happycustomer"};
  private static final String[] HASH_EN_NEG = {"#fail", "#customerservice", "#neveragain"};
  private static final String[] HASH_NEU = {"#BlackFriday", "#ofertas", "#compras"};

  /** A composed mention text with what it was meant to say. */
  static final class Composed {
    final String text;
    final String sentiment;
    final List<String> intents;

    Composed(String text, String sentiment, List<String> intents) {
      this.text = text;
      this.sentiment = sentiment;
      this.intents = intents;
    }
  }

  private Texts() {}

  static int category(SplittableRandom r, double[] mix) {
    double x = r.nextDouble();
    for (int i = 0; i < mix.length; i++) {
      x -= mix[i];
      if (x < 0) {
        return i;
      }
    }
    return mix.length - 1;
  }

  /**
   * Writes a text of the category about {@code brand} (a brand display form such as "@lumen"),
   * naming {@code other} where a template compares or switches.
   */
  static Composed compose(
      SplittableRandom r,
      Market market,
      int category,
      String brand,
      String brandTag,
      String other,
      String city) {
    int group = market.english() ? EN : market == Market.ES ? ES : LATAM;
    String[] templates = T[group][category];
    int which = r.nextInt(templates.length);
    List<String> intents = INTENTS[group][category][which];
    String body = BODIES[group][category][which];
    boolean neg = category >= COMPLAINT;
    boolean pos = category <= INTENT;

    StringBuilder sb = new StringBuilder(160);
    // opener
    if (r.nextDouble() < 0.3) {
      String[] openers;
      if (group == EN) {
        openers = neg ? new String[] {"Ugh, ", "Seriously, ", "Not gonna lie, "} : OPEN_EN;
      } else if (group == ES) {
        openers = neg ? OPEN_ES_NEG : OPEN_ES_POS;
      } else {
        openers = market == Market.MX ? OPEN_MX : market == Market.CO ? OPEN_CO : OPEN_AR;
      }
      sb.append(openers[r.nextInt(openers.length)]);
    }
    int bodyStart = sb.length();
    fill(sb, body, r, market, group, brand, other, city);
    // capitalisation of the first letter of the body
    if (bodyStart < sb.length()) {
      int i = bodyStart;
      if (sb.charAt(i) == '¿' || sb.charAt(i) == '¡') {
        i++;
      }
      if (i + 1 < sb.length()) {
        char c = sb.charAt(i);
        if (bodyStart == 0 && Character.isLowerCase(c)) {
          sb.setCharAt(i, Character.toUpperCase(c));
        } else if (bodyStart > 0
            && Character.isUpperCase(c)
            && Character.isLowerCase(sb.charAt(i + 1))
            && !startsWith(sb, i, brandTag)) {
          sb.setCharAt(i, Character.toLowerCase(c));
        }
      }
    }
    // closer: emoji or hashtag
    double d = r.nextDouble();
    if (d < 0.25) {
      sb.append(' ').append(emoji(r, pos, neg));
    } else if (d < 0.45) {
      sb.append(' ').append(hashtag(r, group, pos, neg, brandTag));
    } else if (d < 0.52) {
      sb.append(pos ? "!!" : neg ? "!!!" : "");
    }
    String text = sb.toString();
    if (group != EN && text.contains(" el ")) {
      text = text.replace(" de el ", " del ").replace(" a el ", " al ");
    }
    text = noise(text, r, group);
    return new Composed(text, SENTIMENT[category], intents);
  }

  private static boolean startsWith(StringBuilder sb, int at, String prefix) {
    if (sb.length() - at < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (sb.charAt(at + i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static void fill(
      StringBuilder sb,
      String body,
      SplittableRandom r,
      Market market,
      int group,
      String brand,
      String other,
      String city) {
    int i = 0;
    int n = body.length();
    while (i < n) {
      char c = body.charAt(i);
      if (c != '{') {
        sb.append(c);
        i++;
        continue;
      }
      int end = body.indexOf('}', i);
      String slot = body.substring(i + 1, end);
      i = end + 1;
      switch (slot) {
        case "B":
          sb.append(brand);
          break;
        case "O":
          sb.append(other);
          break;
        case "P":
          {
            Catalog.Product p = Catalog.PRODUCTS[r.nextInt(Catalog.PRODUCTS.length)];
            sb.append(group == EN ? p.en : localize(p.es, market));
            break;
          }
        case "PE":
          {
            // something with a battery
            Catalog.Product p =
                Catalog.PRODUCTS[Catalog.ELECTRONICS[r.nextInt(Catalog.ELECTRONICS.length)]];
            sb.append(group == EN ? p.en : localize(p.es, market));
            break;
          }
        case "C":
          sb.append(city);
          break;
        case "N":
          sb.append(2 + r.nextInt(14));
          break;
        case "S+":
          sb.append(pick(r, slang(market, true, false)));
          break;
        case "S-":
          sb.append(pick(r, slang(market, false, false)));
          break;
        case "X+":
          sb.append(pick(r, slang(market, true, true)));
          break;
        case "X-":
          sb.append(pick(r, slang(market, false, true)));
          break;
        case "E+":
          sb.append(pick(r, EMOJI_POS));
          break;
        case "E-":
          sb.append(pick(r, EMOJI_NEG));
          break;
        case "E?":
          sb.append(pick(r, EMOJI_NEU));
          break;
        default:
          throw new IllegalStateException("unknown slot " + slot);
      }
    }
  }

  private static String[] slang(Market m, boolean pos, boolean exclamation) {
    switch (m.country) {
      case "ES":
        return pos ? (exclamation ? ES_POS_X : ES_POS) : (exclamation ? ES_NEG_X : ES_NEG);
      case "MX":
        return pos ? (exclamation ? MX_POS_X : MX_POS) : (exclamation ? MX_NEG_X : MX_NEG);
      case "CO":
        return pos ? (exclamation ? CO_POS_X : CO_POS) : (exclamation ? CO_NEG_X : CO_NEG);
      case "AR":
        return pos ? (exclamation ? AR_POS_X : AR_POS) : (exclamation ? AR_NEG_X : AR_NEG);
      default:
        return pos ? (exclamation ? EN_POS_X : EN_POS) : (exclamation ? EN_NEG_X : EN_NEG);
    }
  }

  /** Latin-American names of some products. */
  static String localize(String es, Market m) {
    if (m == Market.ES) {
      return es;
    }
    boolean mx = m == Market.MX;
    boolean ar = m == Market.AR;
    switch (es) {
      case "el móvil":
        return "el celular";
      case "el portátil":
        return mx ? "la laptop" : ar ? "la notebook" : "el portátil";
      case "la nevera":
        return mx ? "el refri" : ar ? "la heladera" : "la nevera";
      case "la tele":
        return mx ? "la pantalla" : "el televisor";
      case "los vaqueros":
        return "los jeans";
      case "las zapatillas de running":
        return ar ? "las zapatillas de running" : "los tenis para correr";
      case "el patinete eléctrico":
        return mx
            ? "el scooter eléctrico"
            : ar ? "el monopatín eléctrico" : "la patineta eléctrica";
      case "el abrigo":
        return mx ? "la chamarra" : ar ? "la campera" : "la chaqueta";
      case "los cascos":
        return ar ? "los auriculares" : "los audífonos";
      case "el puzle":
        return "el rompecabezas";
      case "la esterilla de yoga":
        return mx ? "el tapete de yoga" : "el mat de yoga";
      case "los calcetines":
        return mx ? "los calcetines" : "las medias";
      default:
        return es;
    }
  }

  private static String emoji(SplittableRandom r, boolean pos, boolean neg) {
    return pick(r, pos ? EMOJI_POS : neg ? EMOJI_NEG : EMOJI_NEU);
  }

  private static String hashtag(
      SplittableRandom r, int group, boolean pos, boolean neg, String brandTag) {
    if (r.nextDouble() < 0.3) {
      return "#" + brandTag + (neg ? (group == EN ? "Fail" : "Fail") : "");
    }
    if (pos) {
      return pick(r, group == EN ? HASH_EN_POS : HASH_ES_POS);
    }
    if (neg) {
      return pick(r, group == EN ? HASH_EN_NEG : HASH_ES_NEG);
    }
    return pick(r, HASH_NEU);
  }

  /** Social-media spelling: missing accents, lower case, "q", a dropped letter, elongation. */
  private static String noise(String s, SplittableRandom r, int group) {
    if (group != EN && r.nextDouble() < 0.25) {
      s = Names.stripAccents(s);
    }
    if (r.nextDouble() < 0.1) {
      s = s.toLowerCase(Locale.ROOT);
    }
    if (group != EN && r.nextDouble() < 0.08) {
      s = s.replace(" que ", " q ").replace("porque", "xq");
    }
    if (group == EN && r.nextDouble() < 0.08) {
      s = s.replace(" you ", " u ").replace("going to", "gonna");
    }
    if (r.nextDouble() < 0.05) {
      // a typo: one letter dropped inside a long word
      int at = 3 + r.nextInt(Math.max(1, s.length() - 6));
      if (at < s.length() - 1
          && Character.isLetter(s.charAt(at))
          && Character.isLetter(s.charAt(at - 1))
          && Character.isLetter(s.charAt(at + 1))) {
        s = s.substring(0, at) + s.substring(at + 1);
      }
    }
    if (r.nextDouble() < 0.06) {
      // elongation: "muuucho", "sooo"
      for (int i = 1; i < s.length() - 1; i++) {
        char c = s.charAt(i);
        if ((c == 'o' || c == 'a' || c == 'u')
            && Character.isLetter(s.charAt(i - 1))
            && !Character.isLetter(s.charAt(i + 1))) {
          s = s.substring(0, i) + c + c + s.substring(i);
          break;
        }
      }
    }
    return s;
  }

  private static List<String> intents(String codes) {
    if (codes.equals("-")) {
      return List.of();
    }
    List<String> out = new ArrayList<>(codes.length());
    for (int i = 0; i < codes.length(); i++) {
      switch (codes.charAt(i)) {
        case 'P':
          out.add(MentionIntent.PRAISE.label());
          break;
        case 'C':
          out.add(MentionIntent.COMPLAINT.label());
          break;
        case 'Q':
          out.add(MentionIntent.QUESTION.label());
          break;
        case 'R':
          out.add(MentionIntent.RECOMMENDATION.label());
          break;
        case 'I':
          out.add(MentionIntent.PURCHASE_INTENT.label());
          break;
        case 'X':
          out.add(MentionIntent.CHURN_THREAT.label());
          break;
        default:
          throw new IllegalStateException("unknown intent code " + codes.charAt(i));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static String pick(SplittableRandom r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  /** The scripted negative mention of a scenario actor. */
  static Composed scripted(Market m, String brand, String brandHandle, String competitor) {
    String cap = capitalize(brand);
    String comp = capitalize(competitor);
    String text;
    switch (m.country) {
      case "CO":
        text =
            "@"
                + brandHandle
                + " pésimo servicio, mi portátil nuevo llegó roto hace 10 días y nadie responde."
                + " Me doy de baja y me cambio a "
                + comp
                + " 😡 #PésimoServicio";
        break;
      case "US":
        text =
            "Third time my @"
                + brandHandle
                + " order shows up broken. Support hung up on me twice. I'm done, switching to "
                + comp
                + " 😤";
        break;
      default:
        text =
            cap
                + ", sois un asco. Tres semanas esperando la devolución de la tele y ni una"
                + " respuesta. Me doy de baja, ni de coña vuelvo 😡";
    }
    return new Composed(
        text,
        GeneratedRecord.NEGATIVE,
        List.of(MentionIntent.COMPLAINT.label(), MentionIntent.CHURN_THREAT.label()));
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
