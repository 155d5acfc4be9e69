package io.rapport.identity;

import io.rapport.model.CustomerRecord;
import io.rapport.model.CustomerRef;
import io.rapport.model.SocialAccount;
import io.rapport.model.SocialMention;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalizes identifiers to the form the identity index keys them by ({@code kind:value}), and
 * refuses junk. Only rules that cannot merge two different people are applied:
 *
 * <ul>
 *   <li>emails: trimmed and lower-cased; at Gmail (and googlemail.com) dots and {@code +tags} of
 *       the local part are ignored, as Gmail itself does; other providers keep them;
 *   <li>phones: E.164, from the international form or the national forms of the customer's country
 *       (else the configured default country): see {@link PhoneNumbers};
 *   <li>social handles: platform lower-cased ({@code twitter} is {@code x}), handle without
 *       {@code @}, case-folded;
 *   <li>loyalty cards: upper-cased, without spaces and dashes; CRM ids: trimmed.
 * </ul>
 *
 * Junk values (configurable block list, plus structurally empty ones: a phone of one repeated digit
 * or a counting sequence, a card of zeros, an email without a domain) are refused: the method
 * returns null and the caller counts it.
 */
public final class IdentifierNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default block list: values people type when they have to type something. */
  public static final String DEFAULT_BLOCKLIST =
      "null;none;n/a;na;-;test;unknown;desconocido;sin email;no tiene;test@test.com;"
          + "test@example.com;email@email.com;no@email.com;noemail@noemail.com;"
          + "correo@correo.com;a@a.com;000000000;0000000000;123456789;1234567890";

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

  private final String defaultCountry;
  private final Set<String> blocklist;

  public IdentifierNormalizer(String defaultCountry, Iterable<String> blocklist) {
    if (defaultCountry == null
        || !PhoneNumbers.COUNTRY_CODES.containsKey(defaultCountry.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "default country must be one of "
              + PhoneNumbers.COUNTRY_CODES.keySet()
              + ", was "
              + defaultCountry);
    }
    this.defaultCountry = defaultCountry.toUpperCase(Locale.ROOT);
    Set<String> b = new LinkedHashSet<>();
    for (String v : blocklist) {
      b.add(v.trim().toLowerCase(Locale.ROOT));
    }
    this.blocklist = Set.copyOf(b);
  }

  /** With the default block list. */
  public static IdentifierNormalizer defaults(String defaultCountry) {
    return new IdentifierNormalizer(defaultCountry, List.of(DEFAULT_BLOCKLIST.split(";")));
  }

  private boolean blocked(String value) {
    return value == null
        || value.isBlank()
        || blocklist.contains(value.trim().toLowerCase(Locale.ROOT));
  }

  public String crm(String customerId) {
    return blocked(customerId) ? null : Identifiers.CRM + ":" + customerId.trim();
  }

  public String email(String raw) {
    if (blocked(raw)) {
      return null;
    }
    String e = raw.trim().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(e).matches()) {
      return null;
    }
    int at = e.indexOf('@');
    String local = e.substring(0, at);
    String domain = e.substring(at + 1);
    if (domain.equals("googlemail.com")) {
      domain = "gmail.com";
    }
    if (domain.equals("gmail.com")) {
      int plus = local.indexOf('+');
      if (plus >= 0) {
        local = local.substring(0, plus);
      }
      local = local.replace(".", "");
      if (local.isEmpty()) {
        return null;
      }
    }
    String normalized = local + "@" + domain;
    return blocked(normalized) ? null : Identifiers.EMAIL + ":" + normalized;
  }

  /** A phone in E.164; national numbers are read in {@code country} (else the default). */
  public String phone(String raw, String country) {
    if (blocked(raw)) {
      return null;
    }
    String e164 =
        PhoneNumbers.toE164(raw, country == null || country.isBlank() ? defaultCountry : country);
    if (e164 == null || blocked(e164.substring(1)) || isFiller(raw.replaceAll("[^0-9]", ""))) {
      return null;
    }
    return Identifiers.PHONE + ":" + e164;
  }

  public String card(String raw) {
    if (blocked(raw)) {
      return null;
    }
    String c = raw.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    if (c.isEmpty() || c.chars().allMatch(ch -> ch == '0') || blocked(c)) {
      return null;
    }
    return Identifiers.CARD + ":" + c;
  }

  public String social(String platform, String handle) {
    if (blocked(platform) || blocked(handle)) {
      return null;
    }
    String p = platform.trim().toLowerCase(Locale.ROOT);
    if (p.equals("twitter")) {
      p = "x";
    }
    String h = handle.trim();
    while (h.startsWith("@")) {
      h = h.substring(1);
    }
    h = h.toLowerCase(Locale.ROOT);
    if (h.isEmpty() || blocked(h)) {
      return null;
    }
    return Identifiers.SOCIAL + ":" + p + ":" + h;
  }

  /** Every identifier a CRM record supplies (its CRM id first), normalized, junk left out. */
  public List<String> of(CustomerRecord c) {
    Set<String> out = new LinkedHashSet<>();
    add(out, crm(c.customerId));
    if (c.emails != null) {
      c.emails.forEach(e -> add(out, email(e)));
    }
    if (c.phones != null) {
      c.phones.forEach(p -> add(out, phone(p, c.country)));
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

  /** The number of identifiers a CRM record supplies that were refused as junk. */
  public int refused(CustomerRecord c) {
    int supplied = (isPresent(c.customerId) ? 1 : 0) + (isPresent(c.loyaltyCard) ? 1 : 0);
    int accepted = 0;
    if (c.emails != null) {
      supplied += (int) c.emails.stream().filter(IdentifierNormalizer::isPresent).count();
      accepted += (int) c.emails.stream().map(this::email).filter(e -> e != null).count();
    }
    if (c.phones != null) {
      supplied += (int) c.phones.stream().filter(IdentifierNormalizer::isPresent).count();
      accepted +=
          (int) c.phones.stream().map(p -> phone(p, c.country)).filter(p -> p != null).count();
    }
    if (c.socialAccounts != null) {
      supplied +=
          (int) c.socialAccounts.stream().filter(a -> a != null && isPresent(a.handle)).count();
      accepted +=
          (int)
              c.socialAccounts.stream()
                  .filter(a -> a != null && social(a.platform, a.handle) != null)
                  .count();
    }
    accepted += (crm(c.customerId) != null ? 1 : 0) + (card(c.loyaltyCard) != null ? 1 : 0);
    return Math.max(0, supplied - accepted);
  }

  /** The identifier a transaction resolves by: CRM id, else loyalty card, else email. */
  public String of(CustomerRef ref) {
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
  public String of(SocialMention m) {
    return social(m.platform, m.author == null ? null : m.author.handle);
  }

  /** One digit repeated, or a counting run (123456789, 987654321), as typed. */
  private static boolean isFiller(String digits) {
    if (digits.chars().distinct().count() == 1) {
      return true;
    }
    return digits.length() >= 6
        && ("01234567890".contains(digits) || "09876543210".contains(digits));
  }

  private static boolean isPresent(String s) {
    return s != null && !s.isBlank();
  }

  private static void add(Set<String> out, String id) {
    if (id != null) {
      out.add(id);
    }
  }
}
