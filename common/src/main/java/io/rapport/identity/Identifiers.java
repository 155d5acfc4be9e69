package io.rapport.identity;

import io.rapport.model.CustomerRecord;
import io.rapport.model.CustomerRef;
import io.rapport.model.SocialMention;
import java.util.List;

/**
 * The kinds of identifiers the identity index keys ({@code kind:value}): {@code crm}, {@code
 * email}, {@code phone} (E.164), {@code card} and {@code social} ({@code platform:handle}); and
 * shortcuts to an {@link IdentifierNormalizer} with the default block list and Spain as default
 * country, for code without configuration (tests, tools). The job uses a configured normalizer.
 */
public final class Identifiers {
  public static final String CRM = "crm";
  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String CARD = "card";
  public static final String SOCIAL = "social";

  private static final IdentifierNormalizer DEFAULT = IdentifierNormalizer.defaults("ES");

  private Identifiers() {}

  /** The kind of an identifier ({@code email} for {@code email:a@b.c}). */
  public static String kindOf(String identifier) {
    int colon = identifier.indexOf(':');
    return colon < 0 ? identifier : identifier.substring(0, colon);
  }

  public static String crm(String customerId) {
    return DEFAULT.crm(customerId);
  }

  public static String email(String email) {
    return DEFAULT.email(email);
  }

  public static String phone(String phone) {
    return DEFAULT.phone(phone, null);
  }

  public static String card(String card) {
    return DEFAULT.card(card);
  }

  public static String social(String platform, String handle) {
    return DEFAULT.social(platform, handle);
  }

  public static List<String> of(CustomerRecord c) {
    return DEFAULT.of(c);
  }

  public static String of(CustomerRef ref) {
    return DEFAULT.of(ref);
  }

  public static String of(SocialMention m) {
    return DEFAULT.of(m);
  }
}
