package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.model.CustomerRecord;
import io.rapport.model.CustomerRef;
import io.rapport.testing.Samples;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
  @Test
  void normalizesCaseWhitespaceAndHandles() {
    assertThat(Identifiers.email("  Ana@Example.COM ")).isEqualTo("email:ana@example.com");
    assertThat(Identifiers.social("X", "@Ana_Lopez")).isEqualTo("social:x:ana_lopez");
    assertThat(Identifiers.social("x", "@")).isNull();
    assertThat(Identifiers.card(" lc-12 ")).isEqualTo("card:LC12");
    assertThat(Identifiers.phone("+34 600 11 22 33")).isEqualTo("phone:+34600112233");
    assertThat(Identifiers.email(" ")).isNull();
    assertThat(Identifiers.kindOf("social:x:ana")).isEqualTo("social");
  }

  @Test
  void customerRecordSuppliesEveryIdentifierOnce() {
    CustomerRecord c = Samples.customer("C1", "ana@example.com", "x", "@Ana");
    c.emails.add("ANA@example.com");
    assertThat(Identifiers.of(c))
        .containsExactly(
            "crm:C1",
            "email:ana@example.com",
            Identifiers.phone(c.phones.get(0)),
            "card:LCC1",
            "social:x:ana");
  }

  @Test
  void transactionIsResolvedByCrmIdThenCardThenEmail() {
    CustomerRef r = new CustomerRef();
    r.email = "a@b.c";
    assertThat(Identifiers.of(r)).isEqualTo("email:a@b.c");
    r.loyaltyCard = "x1";
    assertThat(Identifiers.of(r)).isEqualTo("card:X1");
    r.customerId = "C9";
    assertThat(Identifiers.of(r)).isEqualTo("crm:C9");
  }

  @Test
  void pseudonymizerIsKeyedAndStable() {
    Pseudonymizer a = new Pseudonymizer("k1", true);
    Pseudonymizer b = new Pseudonymizer("k2", true);
    assertThat(a.hash("email:a@b.c")).hasSize(32).isEqualTo(a.hash("email:a@b.c"));
    assertThat(a.hash("email:a@b.c")).isNotEqualTo(b.hash("email:a@b.c"));
    assertThat(new Pseudonymizer("k1", false).hash("v")).isEqualTo("v");
    assertThat(a.hash(null)).isNull();
    assertThatThrownBy(() -> new Pseudonymizer("", true)).hasMessageContaining("secret");
  }

  @Test
  void keyedHashIgnoresTheSwitchAndNeedsASecretEvenWhenOff() {
    Pseudonymizer on = new Pseudonymizer("k1", true);
    Pseudonymizer off = new Pseudonymizer("k1", false);
    assertThat(off.keyedHash("crm:C9")).hasSize(32).isEqualTo(on.hash("crm:C9"));
    assertThat(off.keyedHash("crm:C9"))
        .isNotEqualTo(new Pseudonymizer("k2", false).keyedHash("crm:C9"));
    assertThat(off.keyedHash(null)).isNull();
    assertThatThrownBy(() -> new Pseudonymizer(null, false)).hasMessageContaining("secret");
    assertThatThrownBy(() -> new Pseudonymizer("", false)).hasMessageContaining("secret");
  }
}
