package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.model.CustomerRecord;
import io.rapport.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierNormalizerTest {
  private final IdentifierNormalizer n = IdentifierNormalizer.defaults("ES");

  @Test
  void gmailIgnoresDotsAndTagsOtherProvidersKeepThem() {
    assertThat(n.email(" Ana.Lopez+promo@GMail.com ")).isEqualTo("email:analopez@gmail.com");
    assertThat(n.email("ana.lopez@googlemail.com")).isEqualTo("email:analopez@gmail.com");
    assertThat(n.email("ana.lopez+x@outlook.com")).isEqualTo("email:ana.lopez+x@outlook.com");
    assertThat(n.email("ANA@Empresa.ES")).isEqualTo("email:ana@empresa.es");
  }

  @Test
  void junkEmailsAreRefused() {
    assertThat(n.email("test@test.com")).isNull();
    assertThat(n.email("TEST@test.com ")).isNull();
    assertThat(n.email("null")).isNull();
    assertThat(n.email("ana@localhost")).isNull();
    assertThat(n.email("no at sign")).isNull();
    assertThat(n.email("+tag@gmail.com")).isNull();
    assertThat(n.email("")).isNull();
  }

  @Test
  void phonesOfEachMarketBecomeE164() {
    assertThat(n.phone("600 11 22 33", "ES")).isEqualTo("phone:+34600112233");
    assertThat(n.phone("+34 600-11-22-33", null)).isEqualTo("phone:+34600112233");
    assertThat(n.phone("0034600112233", "MX")).isEqualTo("phone:+34600112233");
    assertThat(n.phone("34600112233", "ES")).isEqualTo("phone:+34600112233");
    assertThat(n.phone("55 1234 5678", "MX")).isEqualTo("phone:+525512345678");
    assertThat(n.phone("044 55 1234 5678", "MX")).isEqualTo("phone:+525512345678");
    assertThat(n.phone("+52 1 55 1234 5678", null)).isEqualTo("phone:+525512345678");
    assertThat(n.phone("300 123 4567", "CO")).isEqualTo("phone:+573001234567");
    assertThat(n.phone("0351 15-790-1984", "AR")).isEqualTo("phone:+5493517901984");
    assertThat(n.phone("011 15-2345-6789", "AR")).isEqualTo("phone:+5491123456789");
    assertThat(n.phone("+54 9 351 790 1984", null)).isEqualTo("phone:+5493517901984");
    assertThat(n.phone("(212) 555-0142", "US")).isEqualTo("phone:+12125550142");
    assertThat(n.phone("1 212 555 0142", "US")).isEqualTo("phone:+12125550142");
    // the default country applies to national numbers without a country
    assertThat(n.phone("600112233", null)).isEqualTo("phone:+34600112233");
    assertThat(IdentifierNormalizer.defaults("MX").phone("5512345678", null))
        .isEqualTo("phone:+525512345678");
  }

  @Test
  void junkAndImpossiblePhonesAreRefused() {
    assertThat(n.phone("000000000", "ES")).isNull();
    assertThat(n.phone("999 999 999", "ES")).isNull();
    assertThat(n.phone("123456789", "ES")).isNull();
    assertThat(n.phone("12345", "ES")).isNull();
    assertThat(n.phone("60011223", "ES")).isNull(); // 8 digits: not a Spanish number
    assertThat(n.phone("5512345678", "ZZ")).isNull(); // unknown country
    assertThat(n.phone("phone", "ES")).isNull();
  }

  @Test
  void handlesCardsAndCrmIds() {
    assertThat(n.social("Twitter", "@@Ana_L")).isEqualTo("social:x:ana_l");
    assertThat(n.social("instagram", "@")).isNull();
    assertThat(n.social("x", "null")).isNull();
    assertThat(n.card(" lc-0012 34 ")).isEqualTo("card:LC001234");
    assertThat(n.card("0000-0000")).isNull();
    assertThat(n.crm(" C1 ")).isEqualTo("crm:C1");
  }

  @Test
  void recordIdentifiersUseTheCustomersCountryAndCountRefusals() {
    CustomerRecord c = Samples.customer("C1", "test@test.com", "x", "@Ana");
    c.country = "MX";
    c.phones = new ArrayList<>(List.of("55 1234 5678", "000000000"));
    c.emails.add("Ana.Lopez@gmail.com");
    assertThat(n.of(c))
        .containsExactly(
            "crm:C1",
            "email:analopez@gmail.com",
            "phone:+525512345678",
            "card:LCC1",
            "social:x:ana");
    assertThat(n.refused(c)).isEqualTo(2); // test@test.com and 000000000
  }

  @Test
  void theBlockListAndDefaultCountryAreConfigurable() {
    IdentifierNormalizer custom = new IdentifierNormalizer("co", List.of("ventas@tienda.co"));
    assertThat(custom.email("Ventas@Tienda.co")).isNull();
    assertThat(custom.email("test@test.com")).isEqualTo("email:test@test.com");
    assertThat(custom.phone("3001234567", null)).isEqualTo("phone:+573001234567");
    assertThatThrownBy(() -> new IdentifierNormalizer("XX", List.of()))
        .hasMessageContaining("default country");
  }
}
