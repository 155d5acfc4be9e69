package io.rapport.identity;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers to E.164 ({@code +<country code><national number>}), from the international form or
 * from the national forms of Spain, Mexico, Colombia, Argentina and the United States (plus the
 * country code of a few more). Rules are the numbering plans' own, applied only where they are
 * unambiguous; anything else is refused rather than guessed.
 */
final class PhoneNumbers {
  /** Country code of each supported country. */
  static final Map<String, String> COUNTRY_CODES =
      Map.ofEntries(
          Map.entry("ES", "34"),
          Map.entry("MX", "52"),
          Map.entry("CO", "57"),
          Map.entry("AR", "54"),
          Map.entry("US", "1"),
          Map.entry("CA", "1"),
          Map.entry("CL", "56"),
          Map.entry("PE", "51"),
          Map.entry("GB", "44"),
          Map.entry("PT", "351"),
          Map.entry("FR", "33"),
          Map.entry("DE", "49"),
          Map.entry("IT", "39"));

  /** Argentine national mobile form: area code (2–4 digits), "15", subscriber number. */
  private static final Pattern AR_LOCAL_MOBILE = Pattern.compile("(\\d{2,4})15(\\d{6,8})");

  private PhoneNumbers() {}

  /**
   * The E.164 form, or null when the number is not one (too short or long, unknown country, a
   * national number in a country whose plan is not supported).
   */
  static String toE164(String raw, String country) {
    if (raw == null) {
      return null;
    }
    String s = raw.trim();
    boolean plus = s.startsWith("+");
    String digits = s.replaceAll("[^0-9]", "");
    if (digits.isEmpty()) {
      return null;
    }
    if (!plus && digits.startsWith("00")) {
      plus = true;
      digits = digits.substring(2);
    }
    String e164 = plus ? international(digits) : national(digits, country);
    if (e164 == null) {
      return null;
    }
    int length = e164.length() - 1;
    return length >= 8 && length <= 15 ? e164 : null;
  }

  private static String international(String digits) {
    if (digits.startsWith("521") && digits.length() == 13) {
      return "+52" + digits.substring(3); // Mexico's retired mobile "1"
    }
    return "+" + digits;
  }

  private static String national(String digits, String country) {
    String cc = country == null ? null : COUNTRY_CODES.get(country.toUpperCase(Locale.ROOT));
    if (cc == null) {
      return null;
    }
    // Written with the country code but without "+": take it as international.
    if (digits.startsWith(cc)
        && digits.length() > nationalLength(cc)
        && nationalLength(cc) > 0
        && digits.length() - cc.length() >= nationalLength(cc)) {
      return international(digits);
    }
    switch (cc) {
      case "34": // Spain: 9 digits, no trunk prefix
        return digits.length() == 9 ? "+34" + digits : null;
      case "52": // Mexico: 10 digits; old 01 / 044 / 045 prefixes
        if (digits.length() == 13 && (digits.startsWith("044") || digits.startsWith("045"))) {
          digits = digits.substring(3);
        } else if (digits.length() == 12 && digits.startsWith("01")) {
          digits = digits.substring(2);
        }
        return digits.length() == 10 ? "+52" + digits : null;
      case "57": // Colombia: 10 digits
        return digits.length() == 10 ? "+57" + digits : null;
      case "54": // Argentina: trunk 0, mobiles written area + 15 + number, E.164 +54 9 area number
        String n = digits.startsWith("0") ? digits.substring(1) : digits;
        Matcher m = AR_LOCAL_MOBILE.matcher(n);
        if (m.matches() && m.group(1).length() + m.group(2).length() == 10) {
          return "+549" + m.group(1) + m.group(2);
        }
        return n.length() == 10 ? "+54" + n : null;
      case "1": // North America: 10 digits, or 11 with the leading 1
        if (digits.length() == 11 && digits.startsWith("1")) {
          digits = digits.substring(1);
        }
        return digits.length() == 10 ? "+1" + digits : null;
      default:
        String rest = digits.startsWith("0") ? digits.substring(1) : digits;
        return rest.length() >= 6 ? "+" + cc + rest : null;
    }
  }

  /** The length of national numbers where it is fixed, else 0. */
  private static int nationalLength(String cc) {
    switch (cc) {
      case "34":
        return 9;
      case "52":
      case "57":
      case "54":
      case "1":
        return 10;
      default:
        return 0;
    }
  }
}
