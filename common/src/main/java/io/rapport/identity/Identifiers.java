package io.rapport.identity;

import io.rapport.model.CustomerRecord;
import io.rapport.model.CustomerRef;
import io.rapport.model.SocialAccount;
import io.rapport.model.SocialMention;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Identifiers as the identity index keys them: {@code kind:value}, with kinds {@code crm}, {@code
 * email}, {@code phone}, {@code card} and {@code social} (value {@code platform:handle}). This is
 * exact matching after light normalization (case, whitespace, the {@code @} of handles).
 */
public final class Identifiers {
  public static final String CRM = "crm";
  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String CARD = "card";
  public static final String SOCIAL = "social";

  private Identifiers() {}

  public static String crm(String customerId) {
    return blank(customerId) ? null : CRM + ":" + customerId.trim();
  }

  public static String email(String email) {
    return blank(email) ? null : EMAIL + ":" + email.trim().toLowerCase(Locale.ROOT);
  }

  public static String phone(String phone) {
    if (blank(phone)) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9+]", "");
    return digits.isEmpty() ? null : PHONE + ":" + digits;
  }

  public static String card(String card) {
    return blank(card) ? null : CARD + ":" + card.trim().toUpperCase(Locale.ROOT);
  }

  public static String social(String platform, String handle) {
    if (blank(platform) || blank(handle)) {
      return null;
    }
    String h = handle.trim();
    if (h.startsWith("@")) {
      h = h.substring(1);
    }
    if (h.isEmpty()) {
      return null;
    }
    return SOCIAL
        + ":"
        + platform.trim().toLowerCase(Locale.ROOT)
        + ":"
        + h.toLowerCase(Locale.ROOT);
  }

  /** The kind of an identifier ({@code email} for {@code email:a@b.c}). */
  public static String kindOf(String identifier) {
    int colon = identifier.indexOf(':');
    return colon < 0 ? identifier : identifier.substring(0, colon);
  }

  /** Every identifier a CRM record supplies, its CRM id first; duplicates removed. */
  public static List<String> of(CustomerRecord c) {
    Set<String> out = new LinkedHashSet<>();
    add(out, crm(c.customerId));
    if (c.emails != null) {
      c.emails.forEach(e -> add(out, email(e)));
    }
    if (c.phones != null) {
      c.phones.forEach(p -> add(out, phone(p)));
    }
    add(out, card(c.loyaltyCard));
    if (c.socialAccounts != null) {
      for (SocialAccount a : c.socialAccounts) {
        if (a != null) {
          add(out, social(a.platform, a.handle));
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The identifier a transaction is resolved by: its CRM customer id when given, else its loyalty
   * card, else its email.
   */
  public static String of(CustomerRef ref) {
    String id = crm(ref.customerId);
    if (id == null) {
      id = card(ref.loyaltyCard);
    }
    if (id == null) {
      id = email(ref.email);
    }
    return id;
  }

  /** The identifier of a mention's author. */
  public static String of(SocialMention m) {
    return social(m.platform, m.author == null ? null : m.author.handle);
  }

  private static void add(Set<String> out, String id) {
    if (id != null) {
      out.add(id);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
