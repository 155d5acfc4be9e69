package io.rapport.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.model.Alert;
import io.rapport.model.AlertCandidate;
import io.rapport.model.AlertEvidence;
import io.rapport.model.Consent;
import io.rapport.model.ContactHistory;
import io.rapport.model.ContactProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PressureControlTest {
  /** 12:00 in Madrid (CET, UTC+1). */
  private static final Instant NOON = Instant.parse("2026-03-02T11:00:00Z");

  private final PressureControl pressure = new PressureControl(ContactStrategy.defaults());

  private static ContactProfile customer(boolean email, boolean sms, boolean social) {
    ContactProfile c = new ContactProfile();
    c.kind = "customer";
    c.segment = "customer";
    c.consent = new Consent();
    c.consent.email = email;
    c.consent.sms = sms;
    c.consent.social = social;
    c.timeZone = "Europe/Madrid";
    c.locale = "es-ES";
    return c;
  }

  private static AlertCandidate candidate(
      String type, String id, Instant time, String lang, ContactProfile contact) {
    Alert a = new Alert();
    a.alertId = id;
    a.type = type;
    a.customerId = contact == null ? null : "C1";
    a.brand = "lumen";
    a.eventTime = time;
    a.createdAt = time;
    a.lang = lang;
    a.evidence = new AlertEvidence();
    a.evidence.reasons = new ArrayList<>(List.of("test"));
    return new AlertCandidate(a, contact, "facebook");
  }

  @Test
  void recommendationIsThankedOnTheFirstConsentedChannel() {
    Decision byEmail =
        pressure.decide(
            candidate(AlertTypes.RECOMMENDATION, "a1", NOON, "es", customer(true, true, true)),
            new ContactHistory());
    assertThat(byEmail.outcome).isEqualTo(Decision.Outcome.SEND);
    assertThat(byEmail.channel).isEqualTo("email");
    assertThat(byEmail.action).isEqualTo("thank");
    assertThat(byEmail.ownerTeam).isEqualTo("community");
    assertThat(byEmail.deadline).isEqualTo(NOON.plus(Duration.ofDays(2)));

    Decision bySms =
        pressure.decide(
            candidate(AlertTypes.RECOMMENDATION, "a2", NOON, "es", customer(false, true, true)),
            new ContactHistory());
    assertThat(bySms.channel).isEqualTo("sms");

    ContactHistory h = new ContactHistory();
    Decision none =
        pressure.decide(
            candidate(AlertTypes.RECOMMENDATION, "a3", NOON, "es", customer(false, false, false)),
            h);
    assertThat(none.outcome).isEqualTo(Decision.Outcome.SUPPRESSED);
    assertThat(none.reason).isEqualTo(Decision.NO_CONSENTED_CHANNEL);
    assertThat(h.isEmpty()).isTrue();

    ContactProfile prospect = new ContactProfile();
    prospect.kind = "prospect";
    prospect.segment = "prospect";
    Decision publicThanks =
        pressure.decide(
            candidate(AlertTypes.RECOMMENDATION, "a4", NOON, "en", prospect), new ContactHistory());
    assertThat(publicThanks.channel).isEqualTo("facebook");
    assertThat(publicThanks.templateKey).isEqualTo("recommendation.thank.public.en");
  }

  @Test
  void templatesInSpanishAndEnglish() {
    ContactProfile es = customer(true, false, false);
    assertThat(
            pressure.decide(
                    candidate(AlertTypes.SOCIAL_QUESTION, "q1", NOON, "es", es),
                    new ContactHistory())
                .templateKey)
        .isEqualTo("question.acknowledge.es");
    assertThat(
            pressure.decide(
                    candidate(AlertTypes.SOCIAL_QUESTION, "q2", NOON, "en", es),
                    new ContactHistory())
                .templateKey)
        .isEqualTo("question.acknowledge.en");
    // language unknown: the customer's locale (es-ES) decides
    Decision und =
        pressure.decide(
            candidate(AlertTypes.SOCIAL_QUESTION, "q3", NOON, "und", es), new ContactHistory());
    assertThat(und.lang).isEqualTo("es");
    assertThat(und.templateKey).isEqualTo("question.acknowledge.es");
    ContactProfile en = customer(true, false, false);
    en.locale = "en-GB";
    assertThat(
            pressure.decide(
                    candidate(AlertTypes.SOCIAL_QUESTION, "q4", NOON, "und", en),
                    new ContactHistory())
                .templateKey)
        .isEqualTo("question.acknowledge.en");
  }

  @Test
  void cooldownPerTypeAndCustomer() {
    ContactHistory h = new ContactHistory();
    ContactProfile c = customer(true, false, true);
    assertThat(
            pressure.decide(candidate(AlertTypes.SOCIAL_QUESTION, "q1", NOON, "es", c), h).outcome)
        .isEqualTo(Decision.Outcome.SEND);
    Decision again =
        pressure.decide(
            candidate(AlertTypes.SOCIAL_QUESTION, "q2", NOON.plus(Duration.ofMinutes(10)), "es", c),
            h);
    assertThat(again.outcome).isEqualTo(Decision.Outcome.SUPPRESSED);
    assertThat(again.reason).isEqualTo(Decision.COOLDOWN);
    // another type is not cooled down by it
    assertThat(
            pressure.decide(
                    candidate(
                        AlertTypes.RECOMMENDATION,
                        "r1",
                        NOON.plus(Duration.ofMinutes(10)),
                        "es",
                        c),
                    h)
                .outcome)
        .isEqualTo(Decision.Outcome.SEND);
    assertThat(
            pressure.decide(
                    candidate(
                        AlertTypes.SOCIAL_QUESTION,
                        "q3",
                        NOON.plus(Duration.ofMinutes(16)),
                        "es",
                        c),
                    h)
                .outcome)
        .isEqualTo(Decision.Outcome.SEND);
    assertThat(h.types)
        .containsExactly(
            AlertTypes.SOCIAL_QUESTION, AlertTypes.RECOMMENDATION, AlertTypes.SOCIAL_QUESTION);
  }

  @Test
  void atMostNContactsPerPeriodAcrossTypes() {
    ContactHistory h = new ContactHistory();
    ContactProfile c = customer(true, false, true);
    c.segment = "prospect"; // purchase intent and recommendation reply publicly: never quiet
    Instant t = NOON;
    assertThat(pressure.decide(candidate(AlertTypes.SOCIAL_QUESTION, "1", t, "es", c), h).emitted())
        .isTrue();
    assertThat(
            pressure
                .decide(candidate(AlertTypes.RECOMMENDATION, "2", t.plusSeconds(60), "es", c), h)
                .emitted())
        .isTrue();
    assertThat(
            pressure
                .decide(candidate(AlertTypes.PURCHASE_INTENT, "3", t.plusSeconds(120), "es", c), h)
                .emitted())
        .isTrue();
    // the fourth contact within 7 days: a limited type is suppressed ...
    Decision fourth =
        pressure.decide(
            candidate(AlertTypes.CHURN_RISK, "4", t.plus(Duration.ofDays(2)), "es", c), h);
    assertThat(fourth.outcome).isEqualTo(Decision.Outcome.SUPPRESSED);
    assertThat(fourth.reason).isEqualTo(Decision.CONTACT_LIMIT);
    // ... a service reply (not limited) still goes out, and counts
    assertThat(
            pressure
                .decide(
                    candidate(AlertTypes.SOCIAL_QUESTION, "5", t.plus(Duration.ofDays(2)), "es", c),
                    h)
                .emitted())
        .isTrue();
    assertThat(h.times).hasSize(4);
    // once the period has passed since all four, contacts are allowed again
    assertThat(
            pressure
                .decide(
                    candidate(
                        AlertTypes.CHURN_RISK,
                        "6",
                        t.plus(Duration.ofDays(9).plusMinutes(1)),
                        "es",
                        c),
                    h)
                .emitted())
        .isTrue();
  }

  @Test
  void internalAlertsAreNotContacts() {
    ContactHistory h = new ContactHistory();
    AlertCandidate crisis = candidate(AlertTypes.BRAND_CRISIS, "b1", NOON, "es", null);
    Decision d = pressure.decide(crisis, h);
    assertThat(d.channel).isEqualTo("internal");
    assertThat(d.ownerTeam).isEqualTo("communications");
    assertThat(d.contact).isFalse();
    assertThat(h.contacts).containsExactly(false);
    assertThat(crisis.pressureKey()).isEqualTo("type:BRAND_CRISIS:lumen");
    // within its one-hour cool-down: suppressed
    assertThat(
            pressure.decide(
                    candidate(AlertTypes.BRAND_CRISIS, "b2", NOON.plusSeconds(600), "es", null), h)
                .reason)
        .isEqualTo(Decision.COOLDOWN);
  }

  @Test
  void quietHoursInTheCustomersTimeZoneDeferTheContact() {
    // 22:30 UTC: 23:30 in Madrid (quiet), 16:30 in Mexico City (not quiet)
    Instant late = Instant.parse("2026-03-02T22:30:00Z");
    ContactProfile madrid = customer(true, false, false);
    Decision d =
        pressure.decide(
            candidate(AlertTypes.RECOMMENDATION, "r1", late, "es", madrid), new ContactHistory());
    assertThat(d.outcome).isEqualTo(Decision.Outcome.DEFERRED);
    assertThat(d.reason).isEqualTo(Decision.QUIET_HOURS);
    assertThat(d.notBefore).isEqualTo(Instant.parse("2026-03-03T08:00:00Z")); // 09:00 in Madrid
    assertThat(d.deadline).isEqualTo(d.notBefore.plus(Duration.ofDays(2)));
    Alert out =
        PressureControl.apply(
            candidate(AlertTypes.RECOMMENDATION, "r1", late, "es", madrid).alert, d);
    assertThat(out.notBefore).isEqualTo(d.notBefore);
    assertThat(out.channel).isEqualTo("email");
    assertThat(out.templateKey).isEqualTo("recommendation.thank.es");
    assertThat(out.evidence.reasons).anyMatch(r -> r.contains("quiet hours"));

    ContactProfile mexico = customer(true, false, false);
    mexico.timeZone = "America/Mexico_City";
    Decision day =
        pressure.decide(
            candidate(AlertTypes.RECOMMENDATION, "r2", late, "es", mexico), new ContactHistory());
    assertThat(day.outcome).isEqualTo(Decision.Outcome.SEND);
    assertThat(day.notBefore).isNull();

    // a public reply on the mention's platform is not held back by quiet hours
    Decision reply =
        pressure.decide(
            candidate(AlertTypes.SOCIAL_QUESTION, "q1", late, "es", madrid), new ContactHistory());
    assertThat(reply.outcome).isEqualTo(Decision.Outcome.SEND);
    assertThat(reply.channel).isEqualTo("facebook");
    assertThat(reply.deadline).isEqualTo(late.plus(Duration.ofHours(2)));

    // early morning (07:00 in Madrid): deferred to 09:00 the same day; unknown zone: default
    ContactProfile unknownZone = customer(true, false, false);
    unknownZone.timeZone = "Nowhere/Nothing";
    Decision early =
        pressure.decide(
            candidate(
                AlertTypes.RECOMMENDATION,
                "r3",
                Instant.parse("2026-03-03T06:00:00Z"),
                "es",
                unknownZone),
            new ContactHistory());
    assertThat(early.notBefore).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
  }

  @Test
  void historyIsPrunedPastTheRetention() {
    ContactHistory h = new ContactHistory();
    ContactProfile c = customer(true, false, true);
    pressure.decide(candidate(AlertTypes.SOCIAL_QUESTION, "1", NOON, "es", c), h);
    pressure.prune(h, NOON.plus(Duration.ofDays(29)).toEpochMilli());
    assertThat(h.times).hasSize(1);
    pressure.prune(h, NOON.plus(Duration.ofDays(30)).toEpochMilli());
    assertThat(h.isEmpty()).isTrue();
    assertThat(h.types).isEmpty();
    assertThat(h.contacts).isEmpty();
  }
}
