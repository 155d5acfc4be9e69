package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerProfile;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.testing.Samples;
import org.junit.jupiter.api.Test;

class ProfileLogicTest {
  @Test
  void sentimentLabelsUseTheCustomaryThresholds() {
    assertThat(ProfileLogic.sentimentLabel(0.05)).isEqualTo("positive");
    assertThat(ProfileLogic.sentimentLabel(0.049)).isEqualTo("neutral");
    assertThat(ProfileLogic.sentimentLabel(-0.05)).isEqualTo("negative");
  }

  @Test
  void eventsUpdateCountersTimesAndChannels() {
    CustomerProfile p = ProfileLogic.newProfile("C1", CustomerProfile.CUSTOMER);
    ProfileLogic.applyCustomer(p, Samples.customer("C1", "a@b.c", "x", "ana"));
    SocialMention m1 = Samples.mention("m1", "x", "ana", "bien", Samples.T0.plusSeconds(100));
    SocialMention m2 = Samples.mention("m2", "instagram", "ana", "mal", Samples.T0.plusSeconds(50));
    m2.brand = "vela";
    m2.author.followers = 5000;
    ProfileLogic.applyMention(p, m1, 0.6);
    ProfileLogic.applyMention(p, m2, -0.4);
    Transaction t = Samples.purchase("t1", "C1", 30, Samples.T0.plusSeconds(10));
    ProfileLogic.applyTransaction(p, t, 30);
    Transaction r = Samples.purchase("r1", "C1", 10, Samples.T0.plusSeconds(200));
    r.type = "return";
    r.channel = "web";
    ProfileLogic.applyTransaction(p, r, 10);

    assertThat(p.mentionCount).isEqualTo(2);
    assertThat(p.positiveMentions).isEqualTo(1);
    assertThat(p.negativeMentions).isEqualTo(1);
    assertThat(p.sentimentMean()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(p.brandMentions).containsEntry("lumen", 1L).containsEntry("vela", 1L);
    assertThat(p.followers).isEqualTo(5000);
    assertThat(p.netSpend()).isEqualTo(20.0);
    assertThat(p.purchaseCount).isEqualTo(1);
    assertThat(p.returnCount).isEqualTo(1);
    assertThat(p.firstSeen).isEqualTo(Samples.T0.plusSeconds(10));
    assertThat(p.lastSeen).isEqualTo(Samples.T0.plusSeconds(200));
    assertThat(p.lastPurchaseAt).isEqualTo(Samples.T0.plusSeconds(10));
    assertThat(p.lastMentionAt).isEqualTo(Samples.T0.plusSeconds(100));
    assertThat(p.channels).containsExactly("x", "instagram", "store", "web");
    assertThat(p.consent.email).isTrue();
    assertThat(p.identifiers).contains("social:x:ana", "email:a@b.c");
  }

  @Test
  void foldAddsCountersWidensTimesAndKeepsTheSurvivorsCrmFields() {
    CustomerProfile into = ProfileLogic.newProfile("C1", CustomerProfile.CUSTOMER);
    ProfileLogic.applyCustomer(into, Samples.customer("C1", "a@b.c", "x", "ana"));
    ProfileLogic.applyTransaction(
        into, Samples.purchase("t1", "C1", 10, Samples.T0.plusSeconds(10)), 10);
    CustomerProfile from = ProfileLogic.newProfile("prospect-1", CustomerProfile.PROSPECT);
    SocialMention m = Samples.mention("m1", "ig", "ana_ig", "hola", Samples.T0);
    ProfileLogic.applyMention(from, m, -0.5);
    ProfileLogic.applyTransaction(
        from, Samples.purchase("t2", null, 4, Samples.T0.plusSeconds(20)), 4);
    from.city = "Lima";

    ProfileLogic.fold(into, from);

    assertThat(into.kind).isEqualTo(CustomerProfile.CUSTOMER);
    assertThat(into.purchaseCount).isEqualTo(2);
    assertThat(into.purchasedAmount).isEqualTo(14.0);
    assertThat(into.mentionCount).isEqualTo(1);
    assertThat(into.negativeMentions).isEqualTo(1);
    assertThat(into.sentimentSum).isEqualTo(-0.5);
    assertThat(into.firstSeen).isEqualTo(Samples.T0);
    assertThat(into.lastSeen).isEqualTo(Samples.T0.plusSeconds(20));
    assertThat(into.channels).containsExactlyInAnyOrder("store", "ig");
    assertThat(into.identifiers).contains("social:ig:ana_ig", "email:a@b.c");
    assertThat(into.mentionIds).containsExactly("m1");
    assertThat(into.city).isEqualTo("Madrid");
  }

  @Test
  void activitiesCountPerTypeAndWidenTimesAndChannels() {
    CustomerProfile p = ProfileLogic.newProfile("C1", CustomerProfile.CUSTOMER);
    CustomerActivity review =
        Samples.activity("a1", CustomerActivity.REVIEW, "C1", Samples.T0.plusSeconds(30));
    CustomerActivity survey =
        Samples.activity("a2", CustomerActivity.SURVEY, "C1", Samples.T0.plusSeconds(90));
    survey.channel = null;
    CustomerActivity referral =
        Samples.activity("a3", CustomerActivity.REFERRAL, "C1", Samples.T0.plusSeconds(60));
    referral.channel = "app";
    ProfileLogic.applyActivity(p, review);
    ProfileLogic.applyActivity(p, survey);
    ProfileLogic.applyActivity(p, referral);

    assertThat(p.reviewCount).isEqualTo(1);
    assertThat(p.surveyCount).isEqualTo(1);
    assertThat(p.referralCount).isEqualTo(1);
    assertThat(p.purchaseCount).isZero();
    assertThat(p.lastPurchaseAt).isNull();
    assertThat(p.firstSeen).isEqualTo(Samples.T0.plusSeconds(30));
    assertThat(p.lastSeen).isEqualTo(Samples.T0.plusSeconds(90));
    assertThat(p.channels).containsExactly("web", "app");

    CustomerProfile into = ProfileLogic.newProfile("C2", CustomerProfile.CUSTOMER);
    ProfileLogic.applyActivity(
        into, Samples.activity("a4", CustomerActivity.REVIEW, "C2", Samples.T0));
    ProfileLogic.fold(into, p);
    assertThat(into.reviewCount).isEqualTo(2);
    assertThat(into.surveyCount).isEqualTo(1);
    assertThat(into.referralCount).isEqualTo(1);
  }
}
