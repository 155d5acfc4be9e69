package io.rapport.listening;

import io.rapport.model.SocialMention;
import io.rapport.text.Analysis;
import io.rapport.text.IntentDetector;
import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tracked brands (the brand and its competitors, from configuration) and which of them a
 * mention is about: the brand the listening tool filed it under, and every tracked brand the text
 * names as a word, an @handle or a #hashtag (a comparison counts for each brand it names). Handles
 * and hashtags match the brand's name alone or followed by an underscore or a usual account suffix
 * (@lumen_es, @lumenhelp, #lumenES).
 */
public final class TrackedBrands implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Account and campaign suffixes after a brand's name in a handle or hashtag. */
  private static final Set<String> SUFFIXES =
      Set.of(
          "es",
          "mx",
          "co",
          "ar",
          "us",
          "uk",
          "en",
          "app",
          "help",
          "support",
          "care",
          "oficial",
          "official",
          "news",
          "store",
          "shop",
          "tienda",
          "ayuda");

  private static final Pattern TOKEN = Pattern.compile("[@#]?[\\p{L}\\p{N}_]+");

  private final List<String> brands;

  /** The brand first, then the competitors; names are compared case- and accent-insensitively. */
  public TrackedBrands(String brand, List<String> competitors) {
    Set<String> all = new LinkedHashSet<>();
    if (brand != null && !brand.isBlank()) {
      all.add(normalize(brand));
    }
    if (competitors != null) {
      for (String c : competitors) {
        if (c != null && !c.isBlank()) {
          all.add(normalize(c));
        }
      }
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no tracked brand");
    }
    this.brands = List.copyOf(all);
  }

  /** Every tracked brand, normalized (lower case, no accents), the brand first. */
  public List<String> all() {
    return brands;
  }

  /** Whether {@code name} is a tracked brand. */
  public boolean isTracked(String name) {
    return name != null && brands.contains(normalize(name));
  }

  /**
   * The tracked brands {@code m} is about, in configuration order; empty when none.
   *
   * @param a the mention's analysis (its hashtags count as well), or null
   */
  public List<String> brandsOf(SocialMention m, Analysis a) {
    Set<String> found = new LinkedHashSet<>();
    if (m.brand != null) {
      String b = normalize(m.brand);
      if (brands.contains(b)) {
        found.add(b);
      }
    }
    if (m.text != null) {
      Matcher t = TOKEN.matcher(normalize(m.text));
      while (t.find()) {
        String token = t.group();
        if (token.startsWith("@") || token.startsWith("#")) {
          matchAccount(token.substring(1), found);
        } else if (brands.contains(token)) {
          found.add(token);
        }
      }
    }
    if (a != null && a.hashtags != null) {
      for (String tag : a.hashtags) {
        matchAccount(normalize(tag), found);
      }
    }
    List<String> out = new ArrayList<>();
    for (String b : brands) {
      if (found.contains(b)) {
        out.add(b);
      }
    }
    return out;
  }

  private void matchAccount(String name, Set<String> found) {
    for (String b : brands) {
      if (namesAccount(name, b)) {
        found.add(b);
      }
    }
  }

  /** Whether a normalized handle or hashtag name is brand {@code b}'s: "lumen", "lumen_es". */
  private static boolean namesAccount(String name, String b) {
    if (!name.startsWith(b)) {
      return false;
    }
    String rest = name.substring(b.length());
    if (rest.startsWith("_")) {
      rest = rest.substring(1);
    }
    return rest.isEmpty() || SUFFIXES.contains(rest);
  }

  /**
   * The tracked brand a handle, hashtag or word names ("Lumen_ES", "#velaayuda", "Northwind"), or
   * null.
   */
  public String brandNamed(String account) {
    if (account == null) {
      return null;
    }
    String name = normalize(account);
    for (String b : brands) {
      if (namesAccount(name, b)) {
        return b;
      }
    }
    return null;
  }

  /**
   * The analysis as the brand (the first tracked brand) reads it. A switch destination that names a
   * tracked brand becomes that brand's name ("lumen_es" → "lumen"), so that switches count per
   * brand. A churn threat whose destination is the brand itself ({@code "harta de @vela, me cambio
   * a @lumen"}, "switching to Lumen") is no threat to the brand but an intent to buy from it, so
   * its {@code churn_threat} becomes {@code purchase_intent}. A destination that is not the brand
   * (a competitor, anyone else) leaves the threat as it is. Changes {@code a} in place and returns
   * it.
   */
  public Analysis towardsBrand(Analysis a) {
    if (a == null || a.switchingTo == null || a.intents == null) {
      return a;
    }
    String tracked = brandNamed(a.switchingTo);
    if (tracked != null) {
      a.switchingTo = tracked;
    }
    int churn = a.intents.indexOf(IntentDetector.CHURN_THREAT);
    if (churn < 0 || !brands.get(0).equals(tracked)) {
      return a;
    }
    List<String> intents = new ArrayList<>(a.intents);
    if (intents.contains(IntentDetector.PURCHASE_INTENT)) {
      intents.remove(churn);
    } else {
      intents.set(churn, IntentDetector.PURCHASE_INTENT); // the next in the intents' order
    }
    a.intents = intents;
    return a;
  }

  /** Lower case without accents: "Léon" → "leon". */
  static String normalize(String s) {
    String d = Normalizer.normalize(s.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    return d.replaceAll("\\p{M}+", "");
  }
}
