package io.rapport.text;

import java.util.ArrayList;
import java.util.List;

/**
 * What a mention is about: a small fixed set of topics (delivery, price, customer service, product
 * quality, billing, app and web, store), each named by words of both languages in {@code
 * lexicons/topics.tsv}. The words are marked in the lexicon's entries when it loads, so that
 * tagging a text costs one bit test per word. Immutable after loading.
 */
final class Topics {
  static final String DELIVERY = "delivery";
  static final String PRICE = "price";
  static final String CUSTOMER_SERVICE = "customer_service";
  static final String PRODUCT_QUALITY = "product_quality";
  static final String BILLING = "billing";
  static final String APP_WEB = "app_web";
  static final String STORE = "store";

  /** Every topic, in the order a text's topics are listed. */
  static final List<String> TOPICS =
      List.of(DELIVERY, PRICE, CUSTOMER_SERVICE, PRODUCT_QUALITY, BILLING, APP_WEB, STORE);

  private Topics() {}

  /** Marks the words of {@code topics.tsv} in {@code lex} (before it is frozen). */
  static void load(Lexicon lex) {
    Lexicon.lines(
        "topics.tsv",
        line -> {
          String[] f = line.split("\t");
          int topic = TOPICS.indexOf(f[0]);
          if (topic < 0 || f.length != 2 || f[1].isBlank() || f[1].trim().contains(" ")) {
            throw new IllegalArgumentException("topics.tsv: bad line " + line);
          }
          lex.entry(Lexicon.fold(f[1].trim())).topics |= 1 << topic;
        });
  }

  /** The topics of a bit set, in {@link #TOPICS} order (a new list). */
  static List<String> names(int bits) {
    List<String> out = new ArrayList<>(Integer.bitCount(bits));
    for (int k = 0; k < TOPICS.size(); k++) {
      if ((bits & 1 << k) != 0) {
        out.add(TOPICS.get(k));
      }
    }
    return out;
  }
}
