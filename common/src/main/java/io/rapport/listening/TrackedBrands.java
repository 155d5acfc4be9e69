package io.rapport.listening;

import io.rapport.model.SocialMention;
import io.rapport.text.Analysis;
import io.rapport.text.IntentDetector;
import io.rapport.text.TextAnalyzer;
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
public final class TrackedBrands implements TextAnalyzer.BrandNames, Serializable {
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

  /** Handles of the brands' own accounts beyond those named after a brand, normalized. */
  private final List<String> accounts;

  /**
   * The configured accounts that are the brand's own (not a competitor's), normalized: those given
   * as {@code handle=brand}, and those without an owner that have the brand's name in them.
   */
  private final List<String> ownAccounts;

  /** The brand first, then the competitors; names are compared case- and accent-insensitively. */
  public TrackedBrands(String brand, List<String> competitors) {
    this(brand, competitors, List.of());
  }

  /**
   * @param accounts handles of the tracked brands' own accounts that are not named after a brand,
   *     with or without '@': "AtencionLumen" (whose account: the tracked brand whose name is in
   *     it), or "HolaSoporte=lumen" (the account of the tracked brand after '=')
   * @throws IllegalArgumentException when no brand is given, or an account's owner is not tracked
   */
  public TrackedBrands(String brand, List<String> competitors, List<String> accounts) {
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
    List<String> listed = new ArrayList<>();
    List<String> own = new ArrayList<>();
    if (accounts != null) {
      for (String a : accounts) {
        if (a == null || a.isBlank()) {
          continue;
        }
        int eq = a.indexOf('=');
        String handle = normalize(withoutAt(eq < 0 ? a : a.substring(0, eq)));
        String owner = eq < 0 ? null : normalize(a.substring(eq + 1));
        if (handle.isEmpty() || owner != null && !brands.contains(owner)) {
          throw new IllegalArgumentException(
              "brand account '"
                  + a.strip()
                  + "': expected a handle, or handle=brand with one of the tracked brands "
                  + brands);
        }
        listed.add(handle);
        if (owner != null ? owner.equals(brands.get(0)) : handle.contains(brands.get(0))) {
          own.add(handle);
        }
      }
    }
    this.accounts = List.copyOf(listed);
    this.ownAccounts = List.copyOf(own);
  }

  /**
   * Whether a handle is a tracked brand's own account: named after a tracked brand as its handles
   * are ("Lumen_ES", "lumenhelp", "VelaOficial"), or one of the configured accounts. What a brand
   * posts itself (its replies to customers, its campaigns) is not what people say about it.
   */
  public boolean isBrandAccount(String handle) {
    if (handle == null || handle.isBlank()) {
      return false;
    }
    String h = withoutAt(handle);
    return brandNamed(h) != null || accounts.contains(normalize(h));
  }

  /**
   * Whether a handle is one of the brand's own accounts (not a competitor's), trusted to answer for
   * it: a configured account of the brand ("AtencionLumen", "HolaSoporte=lumen"), or an account
   * named after the brand ("Lumen_ES", "@lumenhelp") that the platform marks {@code verified}.
   * Anyone can register "lumen_help" where the brand has not: unverified, its replies would close
   * alerts nobody answered.
   */
  public boolean isOwnAccount(String handle, boolean verified) {
    if (handle == null || handle.isBlank()) {
      return false;
    }
    String h = withoutAt(handle);
    return ownAccounts.contains(normalize(h)) || verified && brand().equals(brandNamed(h));
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

  /** The brand (the first tracked brand), normalized. */
  public String brand() {
    return brands.get(0);
  }

  /**
   * A mention's text analyzed as tracked brand {@code brand} reads it. A switch to {@code brand} is
   * read as {@link #towards(String, Analysis, Analysis)} says; a switch to another, without a
   * comparison, is read without what the text says after its destination in the destination's
   * sentence ({@link TextAnalyzer#analyzeWithoutDestination}: "Switched from @vela to @lumen, best
   * decision ever" is no praise of vela). Otherwise a comparison whose object is {@code brand}
   * ("Vela es mucho mejor que @lumen", as lumen reads it) says of it the other way round what its
   * sentence says ({@link TextAnalyzer#analyzeAsCompared}): praise of the subject is a put-down of
   * the object, and what is recommended or bought is the subject, not {@code brand} (no
   * recommendation or purchase intent). A text that names brands in different clauses, without a
   * switch, is read in the clauses that name {@code brand} or no brand ({@link
   * TextAnalyzer#analyzeAbout}); the result's {@link Analysis#brandsApart} says so whatever the
   * reading.
   */
  public Analysis readAs(String brand, TextAnalyzer analyzer, String text, String lang) {
    Analysis a = resolveDestination(analyzer.analyze(text, lang, this));
    String name = normalize(brand);
    if (a.switchingTo != null && a.switchingTo.equals(name)) {
      return towards(brand, a, analyzer.analyzeAfterSwitch(text, a));
    }
    if (a.switchingTo != null && a.comparedWith == null) {
      // "Me pasé de @vela a @lumen y no me arrepiento": what follows the destination in its
      // sentence is said of the destination, not of the brand left (nor of any other)
      Analysis left = analyzer.analyzeWithoutDestination(text, a);
      if (left != null) {
        left.brandsApart = a.brandsApart;
        return towards(brand, resolveDestination(left), null);
      }
    }
    boolean isObject = name.equals(comparedBrand(a));
    // "Lumen genial, @vela un desastre": the clauses about other brands only say nothing of it (a
    // switch keeps its own reading above and below: what it says of the brand left is the point)
    Analysis about =
        a.switchingTo == null ? analyzer.analyzeAbout(text, a, name, this, isObject) : null;
    if (isObject) {
      // also the brand a switch leaves: "me cambio a @vela, mucho mejor que @lumen"
      Analysis object =
          resolveDestination(about != null ? about : analyzer.analyzeAsCompared(text, a));
      List<String> intents = new ArrayList<>(object.intents);
      intents.remove(IntentDetector.RECOMMENDATION);
      intents.remove(IntentDetector.PURCHASE_INTENT);
      if (object.compound >= 0) {
        intents.remove(IntentDetector.COMPLAINT); // "Vela es peor que Lumen, no lo recomiendo"
      }
      object.intents = intents;
      object.brandsApart = a.brandsApart;
      return object;
    }
    if (about != null) {
      return resolveDestination(about);
    }
    return towards(brand, a, null);
  }

  @Override
  public String brandOfParty(String foldedName) {
    return brandNamed(foldedName);
  }

  @Override
  public boolean isBrandWord(String foldedKey) {
    return brands.contains(foldedKey);
  }

  /**
   * The tracked brand a comparison in the text sets against its subject ({@link
   * Analysis#comparedWith}: "@lumen_es", "Vela", "lumen"), or null.
   */
  public String comparedBrand(Analysis a) {
    String word = a == null ? null : a.comparedWith;
    if (word == null) {
      return null;
    }
    String tracked = brandNamed(word);
    if (tracked != null) {
      return tracked;
    }
    String w = normalize(word);
    return brands.contains(w) ? w : null;
  }

  /**
   * Names a switch's destination as the tracked brand it is: a handle, hashtag or capitalized word
   * naming a tracked brand by its name ("lumen_es" → "lumen"), and a lower-case destination word
   * that is a tracked brand's name ("me cambio a vela", which the analyzer alone cannot tell from
   * "me cambio a otra": {@link Analysis#destinationWord()}), and a capitalized word after a churn
   * cue that also goes before places, with the churn threat the analyzer left to the job ("moving
   * to Lumen", not "moving to Austin": {@link Analysis#placeWord()}). Changes {@code a} in place
   * and returns it.
   */
  public Analysis resolveDestination(Analysis a) {
    if (a == null) {
      return null;
    }
    if (a.switchingTo != null) {
      String tracked = brandNamed(a.switchingTo);
      if (tracked != null) {
        a.switchingTo = tracked;
      }
    } else if (a.destinationWord() != null) {
      String word = normalize(a.destinationWord());
      if (brands.contains(word)) {
        a.switchingTo = word;
      }
    } else if (a.placeWord() != null && brands.contains(normalize(a.placeWord()))) {
      a.switchToPlace(normalize(a.placeWord())); // "moving to Lumen", not "moving to Austin"
    }
    return a;
  }

  /**
   * Whether {@code brand} reads mention analysis {@code ours} (as {@link #brand()} reads it, {@link
   * #readAs}) otherwise, so that its reading needs {@link #readAs} of its own: a switch to the
   * brand, or from it to another tracked brand, is read differently by the brand left and the brand
   * chosen; a comparison of {@code brand} with another ("Vela es mucho mejor que @lumen"), or of
   * another with {@link #brand()}, is read the other way round by its object ({@link
   * Analysis#comparedWith}, carried by the record); a text that names brands in different clauses
   * ({@link Analysis#brandsApart}, no switch) is read by each brand in its own clauses. Every other
   * tracked brand the mention names reads it as {@code ours}.
   */
  public boolean readsOtherwise(String brand, Analysis ours) {
    if (ours == null || brand.equals(brand())) {
      return false;
    }
    String to = ours.switchingTo;
    if (to != null && (to.equals(brand) || to.equals(brand()))) {
      return true;
    }
    if (ours.brandsApart && ours.switchingTo == null) {
      return true; // each brand reads its own clauses: "Lumen genial, @vela un desastre"
    }
    String compared = comparedBrand(ours);
    return compared != null && (compared.equals(brand) || compared.equals(brand()));
  }

  /**
   * The analysis {@code a} as {@code brand} (a tracked brand) reads it. A switch destination that
   * names a tracked brand becomes that brand's name ("lumen_es" → "lumen", "me cambio a vela" →
   * "vela": {@link #resolveDestination}), so that switches count per brand. A switch to {@code
   * brand} itself ({@code "harta de @vela, me cambio a @lumen"}, "switching to Lumen") is no threat
   * to it but an intent to buy from it: its {@code churn_threat} becomes {@code purchase_intent};
   * and what the text says before the destination is about the brand left, so the sentiment
   * (compound, proportions), the topics and whether it is a complaint are those of what it says
   * after the destination ({@code after}, null: kept as they are). A destination that is not {@code
   * brand} (a competitor, anyone else) leaves the analysis as it is. Changes {@code a} in place and
   * returns it.
   */
  public Analysis towards(String brand, Analysis a, Analysis after) {
    if (a == null || a.intents == null) {
      return a;
    }
    String tracked = resolveDestination(a).switchingTo;
    if (tracked == null || !normalize(brand).equals(tracked)) {
      return a;
    }
    List<String> intents = new ArrayList<>(a.intents);
    int churn = intents.indexOf(IntentDetector.CHURN_THREAT);
    if (churn >= 0) {
      if (intents.contains(IntentDetector.PURCHASE_INTENT)) {
        intents.remove(churn);
      } else {
        intents.set(churn, IntentDetector.PURCHASE_INTENT); // the next in the intents' order
      }
    }
    if (after != null) {
      a.compound = after.compound;
      a.pos = after.pos;
      a.neg = after.neg;
      a.neu = after.neu;
      a.topics = new ArrayList<>(after.topics);
      if (!after.intents.contains(IntentDetector.COMPLAINT)) {
        intents.remove(IntentDetector.COMPLAINT);
      }
    }
    a.intents = intents;
    return a;
  }

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /**
   * Lower case without accents: "Léon" → "leon". Runs per mention (its text, its author's handle):
   * ASCII needs no decomposition, and the marks' pattern is compiled once.
   */
  static String normalize(String s) {
    String lower = s.trim().toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) >= 128) {
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
      }
    }
    return lower;
  }

  /** A handle without its '@' ("@Lumen_ES" → "Lumen_ES"). */
  private static String withoutAt(String handle) {
    String h = handle.strip();
    return h.startsWith("@") ? h.substring(1) : h;
  }
}
