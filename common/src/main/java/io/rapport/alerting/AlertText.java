package io.rapport.alerting;

import java.util.List;
import java.util.Locale;

/**
 * What people read in an alert, in the team's language ({@code alert.language}): its summary, and
 * the at-risk reasons the churn-risk summary lists. One constant per language, each with every
 * text, so that a text cannot exist in one language only; numbers are written as the language
 * writes them ("-0.72" in English, "-0,72" in Spanish). Evidence reasons and codes (action,
 * template key) stay language-neutral.
 */
public enum AlertText {
  EN(Locale.ROOT) {
    @Override
    public String negativeMention(
        boolean repost, double compound, String platform, long followers) {
      return format(
          "%s (sentiment %.2f) on %s by an author with %d followers",
          repost ? "Repost of a negative mention" : "Negative mention",
          compound,
          platform,
          followers);
    }

    @Override
    public String churnThreat(String platform) {
      return "A customer threatens to leave, on " + platform;
    }

    @Override
    public String question(String platform) {
      return "A question on " + platform + " awaits an answer";
    }

    @Override
    public String recommendation(boolean customer, String platform) {
      return "A " + (customer ? "customer" : "prospect") + " recommends the brand on " + platform;
    }

    @Override
    public String switching(String brand, String platform) {
      return "A prospect is switching to " + brand + " from another brand, on " + platform;
    }

    @Override
    public String purchaseIntent(String platform) {
      return "A prospect intends to buy, on " + platform;
    }

    @Override
    public String highValueComplaint(
        double compound, String platform, double spend, long purchases, double percentAbove) {
      return format(
          "Negative mention (sentiment %.2f) on %s by a top-decile customer (net spend %.2f,"
              + " %d purchases; %.1f%% of customers spend more)",
          compound, platform, spend, purchases, percentAbove);
    }

    @Override
    public String churnRisk(double atRisk, double threshold, List<String> reasons) {
      return format(
          "Churn risk %.0f crossed the threshold %.0f: %s",
          atRisk, threshold, reasons.isEmpty() ? "no single reason" : String.join("; ", reasons));
    }

    @Override
    public String noPurchaseFor(long days, long cadenceDays) {
      return format("no purchase for %d days against a usual %d-day cadence", days, cadenceDays);
    }

    @Override
    public String pAlive(double p) {
      return format("P(alive) %.2f", p);
    }

    @Override
    public String negativeMentions(int count, int days) {
      return format("%d negative mention%s in %d days", count, count == 1 ? "" : "s", days);
    }

    @Override
    public String saidSwitching() {
      return "said they are switching to a competitor";
    }

    @Override
    public String sentimentFalling(double recent, double longer, long days) {
      return format(
          "sentiment falling: %.2f lately against %.2f over %d days", recent, longer, days);
    }

    @Override
    public String mergeRefused(String other, String survivor, int count, String kind, int max) {
      return format(
          "Merge of %s into %s refused: the profile would have %d %s identifiers (limit %d)",
          other, survivor, count, kind, max);
    }

    @Override
    public String mergeRefusedAction() {
      return "Review both CRM records: one identifier is shared by profiles that look different";
    }

    @Override
    public String crisis(
        String brand, long lastHour, double mean, double stddev, int hours, long yesterday) {
      return format(
          "Negative mentions of %s surge: %d in the last hour against %.1f ± %.1f per hour over"
              + " the previous %d hours (%d in the same hour yesterday)",
          brand, lastHour, mean, stddev, hours, yesterday);
    }
  },

  ES(Locale.forLanguageTag("es")) {
    @Override
    public String negativeMention(
        boolean repost, double compound, String platform, long followers) {
      return format(
          "%s (sentimiento %.2f) en %s de un autor con %d seguidores",
          repost ? "Repost de una mención negativa" : "Mención negativa",
          compound,
          platform,
          followers);
    }

    @Override
    public String churnThreat(String platform) {
      return "Un cliente amenaza con irse, en " + platform;
    }

    @Override
    public String question(String platform) {
      return "Una pregunta en " + platform + " espera respuesta";
    }

    @Override
    public String recommendation(boolean customer, String platform) {
      return "Un "
          + (customer ? "cliente" : "cliente potencial")
          + " recomienda la marca en "
          + platform;
    }

    @Override
    public String switching(String brand, String platform) {
      return "Un cliente potencial se cambia a " + brand + " desde otra marca, en " + platform;
    }

    @Override
    public String purchaseIntent(String platform) {
      return "Un cliente potencial tiene intención de compra, en " + platform;
    }

    @Override
    public String highValueComplaint(
        double compound, String platform, double spend, long purchases, double percentAbove) {
      return format(
          "Mención negativa (sentimiento %.2f) en %s de un cliente del decil superior (gasto neto"
              + " %.2f, %d compras; el %.1f %% de los clientes gasta más)",
          compound, platform, spend, purchases, percentAbove);
    }

    @Override
    public String churnRisk(double atRisk, double threshold, List<String> reasons) {
      return format(
          "El riesgo de abandono %.0f ha superado el umbral %.0f: %s",
          atRisk,
          threshold,
          reasons.isEmpty() ? "sin una causa principal" : String.join("; ", reasons));
    }

    @Override
    public String noPurchaseFor(long days, long cadenceDays) {
      return format(
          "sin compras desde hace %d días, cuando suele comprar cada %d días", days, cadenceDays);
    }

    @Override
    public String pAlive(double p) {
      return format("P(activo) %.2f", p);
    }

    @Override
    public String negativeMentions(int count, int days) {
      return count == 1
          ? format("1 mención negativa en %d días", days)
          : format("%d menciones negativas en %d días", count, days);
    }

    @Override
    public String saidSwitching() {
      return "ha dicho que se cambia a la competencia";
    }

    @Override
    public String sentimentFalling(double recent, double longer, long days) {
      return format(
          "sentimiento a la baja: %.2f últimamente frente a %.2f en %d días", recent, longer, days);
    }

    @Override
    public String mergeRefused(String other, String survivor, int count, String kind, int max) {
      return format(
          "Fusión de %s en %s rechazada: el perfil tendría %d identificadores de tipo %s (límite"
              + " %d)",
          other, survivor, count, kind, max);
    }

    @Override
    public String mergeRefusedAction() {
      return "Revisa los dos registros del CRM: un identificador lo comparten perfiles que parecen"
          + " distintos";
    }

    @Override
    public String crisis(
        String brand, long lastHour, double mean, double stddev, int hours, long yesterday) {
      return format(
          "Repunte de menciones negativas de %s: %d en la última hora frente a %.1f ± %.1f por"
              + " hora en las %d horas anteriores (%d en la misma hora de ayer)",
          brand, lastHour, mean, stddev, hours, yesterday);
    }
  };

  private final Locale locale;

  AlertText(Locale locale) {
    this.locale = locale;
  }

  /** The texts of a language code, "en" or "es" (any case). */
  public static AlertText of(String language) {
    String l = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    return switch (l) {
      case "en" -> EN;
      case "es" -> ES;
      default ->
          throw new IllegalArgumentException(
              "alert language '" + language + "': expected en or es");
    };
  }

  /** The language code: "en" or "es". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  String format(String pattern, Object... args) {
    return String.format(locale, pattern, args);
  }

  /** An influencer's negative mention, or their repost of one. */
  public abstract String negativeMention(
      boolean repost, double compound, String platform, long followers);

  public abstract String churnThreat(String platform);

  public abstract String question(String platform);

  /** A recommendation by a customer, or by a prospect. */
  public abstract String recommendation(boolean customer, String platform);

  /** A prospect switching to {@code brand} from another brand. */
  public abstract String switching(String brand, String platform);

  public abstract String purchaseIntent(String platform);

  /** A top-decile customer's negative mention; {@code percentAbove} in percent. */
  public abstract String highValueComplaint(
      double compound, String platform, double spend, long purchases, double percentAbove);

  /** The at-risk score crossing its threshold, with its reasons (already in this language). */
  public abstract String churnRisk(double atRisk, double threshold, List<String> reasons);

  /** At-risk reason: a purchase overdue against the customer's cadence. */
  public abstract String noPurchaseFor(long days, long cadenceDays);

  /** At-risk reason: a low probability of being alive. */
  public abstract String pAlive(double p);

  /** At-risk reason: recent negative mentions. */
  public abstract String negativeMentions(int count, int days);

  /** At-risk reason: the customer said they are switching. */
  public abstract String saidSwitching();

  /** At-risk reason: recent sentiment below the long-run one. */
  public abstract String sentimentFalling(double recent, double longer, long days);

  /** A merge refused by the identifier guardrail. */
  public abstract String mergeRefused(
      String other, String survivor, int count, String kind, int max);

  /** What to do about a refused merge. */
  public abstract String mergeRefusedAction();

  /** A surge of a brand's negative mentions. */
  public abstract String crisis(
      String brand, long lastHour, double mean, double stddev, int hours, long yesterday);
}
