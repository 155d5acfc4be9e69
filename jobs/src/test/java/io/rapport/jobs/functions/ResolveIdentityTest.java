package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.Identifiers;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerRef;
import io.rapport.model.EnrichedMention;
import io.rapport.model.ProfileEvent;
import io.rapport.model.Transaction;
import io.rapport.testing.Samples;
import io.rapport.text.Analysis;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResolveIdentityTest {
  private static final Pseudonymizer HASH = new Pseudonymizer("secret", true);
  private static final long HOLD = Duration.ofMinutes(10).toMillis();

  private KeyedOneInputStreamOperatorTestHarness<String, ProfileEvent, ProfileEvent> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new ResolveIdentity(Duration.ofMillis(HOLD), HASH), e -> e.key, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private static ProfileEvent mention(String id, String handle, long time) {
    EnrichedMention em =
        new EnrichedMention(
            Samples.mention(id, "x", handle, "hola", Samples.T0.plusMillis(time)), new Analysis());
    return ProfileEvent.mention(Identifiers.of(em.mention), em);
  }

  private static ProfileEvent cardPurchase(String id, String card, long time) {
    Transaction t = Samples.purchase(id, null, 20, Samples.T0.plusMillis(time));
    t.customer = new CustomerRef();
    t.customer.loyaltyCard = card;
    return ProfileEvent.transaction(Identifiers.of(t.customer), t);
  }

  private List<String> outputKeys() {
    return harness.extractOutputValues().stream().map(e -> e.key).toList();
  }

  @Test
  void mentionOfLinkedHandleGoesToItsCustomer() throws Exception {
    harness.processElement(ProfileEvent.link("social:x:ana", "C1", 0), 0);
    harness.processElement(mention("m1", "@Ana", 5), 5);

    assertThat(outputKeys()).containsExactly("C1");
  }

  @Test
  void mentionOfUnknownAuthorGoesToAHashedProspect() throws Exception {
    harness.processElement(mention("m1", "bob", 5), 5);

    String prospect = ResolveIdentity.prospectId(HASH, "social:x:bob");
    assertThat(outputKeys()).containsExactly(prospect);
    assertThat(prospect).startsWith("prospect-").doesNotContain("bob");
  }

  @Test
  void transactionByCrmIdNeedsNoLink() throws Exception {
    Transaction t = Samples.purchase("t1", "C7", 10, Samples.T0);
    harness.processElement(ProfileEvent.transaction(Identifiers.of(t.customer), t), 0);

    assertThat(outputKeys()).containsExactly("C7");
  }

  @Test
  void transactionBeforeItsCardIsLinkedWaitsAndIsReleasedByTheLink() throws Exception {
    harness.processElement(cardPurchase("t1", "lc-9", 0), 0);
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processElement(ProfileEvent.link(Identifiers.card("LC-9"), "C9", 100), 100);

    assertThat(outputKeys()).containsExactly("C9");
    assertThat(harness.extractOutputValues().get(0).transaction.transactionId).isEqualTo("t1");
    assertThat(harness.numEventTimeTimers()).isZero();
    // only the owner is left in state: no pending events, no timer bookkeeping
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
  }

  @Test
  void activityBeforeItsEmailIsLinkedIsHeldLikeATransactionAndReleasedByTheLink() throws Exception {
    CustomerActivity review =
        Samples.activity("a1", CustomerActivity.REVIEW, null, Samples.T0.plusMillis(5));
    review.customer.customerId = null;
    review.customer.email = "Eva@Example.com";
    harness.processElement(ProfileEvent.activity(Identifiers.of(review.customer), review), 5);
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processElement(ProfileEvent.link(Identifiers.of(review.customer), "C12", 100), 100);

    assertThat(outputKeys()).containsExactly("C12");
    ProfileEvent out = harness.extractOutputValues().get(0);
    assertThat(out.kind).isEqualTo(ProfileEvent.ACTIVITY);
    assertThat(out.activity).isEqualTo(review);
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
  }

  @Test
  void unresolvedTransactionIsReleasedToAProspectWhenTheHoldEnds() throws Exception {
    harness.processElement(cardPurchase("t1", "LC-404", 0), 0);
    harness.processElement(cardPurchase("t2", "LC-404", 10), 10);
    long t0 = Samples.T0.toEpochMilli();
    harness.processWatermark(t0 + HOLD - 1);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(t0 + HOLD);

    String prospect = ResolveIdentity.prospectId(HASH, Identifiers.card("LC-404"));
    assertThat(outputKeys()).containsExactly(prospect, prospect);
    assertThat(harness.numEventTimeTimers()).isZero();
    // only the prospect owning the identifier is left (with a TTL in the job)
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
  }

  @Test
  void aSecondClaimOnAnIdentifierKeepsTheFirstOwner() throws Exception {
    harness.processElement(ProfileEvent.link("email:a@b.c", "C1", 0), 0);
    harness.processElement(ProfileEvent.link("email:a@b.c", "C2", 1), 1);
    Transaction t = Samples.purchase("t1", null, 5, Samples.T0);
    t.customer = new CustomerRef();
    t.customer.email = "A@B.C ";
    harness.processElement(ProfileEvent.transaction(Identifiers.of(t.customer), t), 2);

    assertThat(outputKeys()).containsExactly("C1");
  }

  private List<ProfileEvent> conflicts() {
    var out = harness.getSideOutput(ResolveIdentity.CONFLICTS);
    return out == null ? List.of() : out.stream().map(r -> r.getValue()).toList();
  }

  @Test
  void aSecondCustomerClaimingAnIdentifierIsAMergeCandidate() throws Exception {
    ProfileEvent link = ProfileEvent.link("email:a@b.c", "C2", 1);
    link.identifiers = List.of("crm:C2", "email:a@b.c");
    harness.processElement(ProfileEvent.link("email:a@b.c", "C1", 0), 0);
    harness.processElement(link, 1);

    assertThat(conflicts()).hasSize(1);
    ProfileEvent c = conflicts().get(0);
    assertThat(c.kind).isEqualTo(ProfileEvent.CONFLICT);
    assertThat(c.key).isEqualTo(MergeIdentities.KEY);
    assertThat(c.otherProfileId).isEqualTo("C1");
    assertThat(c.linkedProfileId).isEqualTo("C2");
    assertThat(c.identifier).isEqualTo("email:a@b.c");
    assertThat(c.identifiers).containsExactly("crm:C2", "email:a@b.c");
  }

  @Test
  void aCustomerLinkingAProspectsHandleTakesItAndAsksForTheMerge() throws Exception {
    harness.processElement(mention("m1", "bob", 5), 5);
    String prospect = ResolveIdentity.prospectId(HASH, "social:x:bob");

    harness.processElement(ProfileEvent.link("social:x:bob", "C3", 10), 10);
    harness.processElement(mention("m2", "bob", 20), 20);

    assertThat(conflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.otherProfileId).isEqualTo(prospect);
              assertThat(c.linkedProfileId).isEqualTo("C3");
            });
    assertThat(outputKeys()).containsExactly(prospect, "C3");
  }

  @Test
  void mentionBeforeItsHandleIsLinkedIsHeldAndReleasedByTheLink() throws Exception {
    harness.close();
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new ResolveIdentity(
                Duration.ofMillis(HOLD), Duration.ofMillis(HOLD), Duration.ofDays(1), HASH),
            e -> e.key,
            Types.STRING);
    harness.processElement(mention("m1", "Eva", 0), 0);
    harness.processElement(mention("m2", "eva", 5), 5);
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processElement(ProfileEvent.link("social:x:eva", "C8", 50), 50);

    assertThat(outputKeys()).containsExactly("C8", "C8");
    assertThat(harness.extractOutputValues().get(0).mention.mention.mentionId).isEqualTo("m1");
    assertThat(conflicts()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the owner
  }

  @Test
  void heldMentionGoesToAProspectWhenTheHoldEnds() throws Exception {
    harness.close();
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new ResolveIdentity(
                Duration.ofMillis(HOLD), Duration.ofMillis(HOLD), Duration.ofDays(1), HASH),
            e -> e.key,
            Types.STRING);
    harness.processElement(mention("m1", "zoe", 0), 0);
    long t0 = Samples.T0.toEpochMilli();
    harness.processWatermark(t0 + HOLD - 1);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(t0 + HOLD);

    String prospect = ResolveIdentity.prospectId(HASH, "social:x:zoe");
    assertThat(outputKeys()).containsExactly(prospect);
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void unlinkOfAForgottenCustomerEmptiesTheIdentifiersStateAndTombstonesItsProspect()
      throws Exception {
    harness.processElement(ProfileEvent.link("email:ana@example.com", "C1", 0), 0);
    harness.processElement(ProfileEvent.unlink("email:ana@example.com", "C1", 10), 10);

    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    List<ProfileEvent> out = harness.extractOutputValues();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).kind).isEqualTo(ProfileEvent.FORGET);
    assertThat(out.get(0).key)
        .isEqualTo(ResolveIdentity.prospectId(HASH, "email:ana@example.com"))
        .doesNotContain("ana");
  }

  @Test
  void unlinkByAnotherCustomerLeavesTheOwner() throws Exception {
    harness.processElement(ProfileEvent.link("social:x:ana", "C1", 0), 0);
    harness.processElement(ProfileEvent.unlink("social:x:ana", "C2", 10), 10);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processElement(mention("m1", "@Ana", 20), 20);
    assertThat(outputKeys()).containsExactly("C1");
  }
}
