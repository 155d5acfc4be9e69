package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.alerting.Alerts;
import io.rapport.listening.TrackedBrands;
import io.rapport.model.Alert;
import io.rapport.model.AlertEvidence;
import io.rapport.model.AlertStatus;
import io.rapport.model.SocialMention;
import io.rapport.testing.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class AcknowledgeAnsweredAlertsTest {
  private static final Instant T = Instant.parse("2026-03-02T11:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(7);

  private static KeyedTwoInputStreamOperatorTestHarness<String, Alert, SocialMention, AlertStatus>
      harness() throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
        new AcknowledgeAnsweredAlerts(WINDOW),
        AcknowledgeAnsweredAlerts.MENTION,
        m -> m.replyTo,
        Types.STRING);
  }

  private static Alert alert(String type, String mention, Instant t) {
    Alert a = new Alert();
    a.type = type;
    a.alertId = Alerts.alertId(type, mention);
    a.eventTime = t;
    a.evidence = new AlertEvidence();
    a.evidence.mentionIds = mention == null ? List.of() : List.of(mention);
    return a;
  }

  /** A reply by a verified account. */
  private static SocialMention reply(String id, String to, String handle, Instant t) {
    SocialMention m = Samples.mention(id, "x", handle, "@ana ¡Gracias! Te escribimos por DM", t);
    m.replyTo = to;
    m.author.verified = true;
    return m;
  }

  private static SocialMention unverified(SocialMention m) {
    m.author.verified = false;
    return m;
  }

  @Test
  void aReplyAcknowledgesTheAlertsOnItsMentionWhicheverComesFirst() throws Exception {
    try (var h = harness()) {
      h.open();
      // alert first: a question and a complaint on m1, answered 35 minutes later
      h.processElement1(alert("SOCIAL_QUESTION", "m1", T), T.toEpochMilli());
      h.processElement1(alert("HIGH_VALUE_COMPLAINT", "m1", T), T.toEpochMilli());
      assertThat(h.extractOutputValues()).isEmpty();
      Instant answeredAt = T.plus(Duration.ofMinutes(35));
      h.processElement2(reply("r1", "m1", "Lumen_ES", answeredAt), answeredAt.toEpochMilli());
      // reply first (the alert waited in the contact strategy): m2 acknowledged on arrival
      h.processElement2(reply("r2", "m2", "@lumenhelp", T), T.toEpochMilli());
      h.processElement1(alert("RECOMMENDATION", "m2", T), T.toEpochMilli());
      // a second reply to m1 changes nothing
      h.processElement2(reply("r3", "m1", "Lumen_ES", T.plusSeconds(7200)), T.toEpochMilli());

      List<AlertStatus> out = h.extractOutputValues();
      assertThat(out)
          .extracting(s -> s.alertId)
          .containsExactly(
              Alerts.alertId("SOCIAL_QUESTION", "m1"),
              Alerts.alertId("HIGH_VALUE_COMPLAINT", "m1"),
              Alerts.alertId("RECOMMENDATION", "m2"));
      AlertStatus q = out.get(0);
      assertThat(q.status).isEqualTo(AlertStatus.ACKNOWLEDGED);
      assertThat(q.by).isEqualTo("@Lumen_ES");
      assertThat(q.at).isEqualTo(answeredAt);
      assertThat(q.note).isEqualTo("answered by the brand on x (r1), 35 min after the mention");
      assertThat(q.responseSeconds).isEqualTo(35 * 60L);
      assertThat(out.get(2).by).isEqualTo("@lumenhelp");
      assertThat(out.get(2).at).isEqualTo(T);

      // state until the window has passed since the latest time of each mention, then none
      assertThat(h.numEventTimeTimers()).isEqualTo(2);
      h.processBothWatermarks(new Watermark(answeredAt.plus(WINDOW).toEpochMilli() - 1));
      // m2 answered at T is gone; m1, answered 35 min later, keeps its reply and cleanup time
      assertThat(h.numKeyedStateEntries()).isEqualTo(2);
      assertThat(h.numEventTimeTimers()).isEqualTo(1);
      h.processBothWatermarks(new Watermark(answeredAt.plus(WINDOW).toEpochMilli()));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void aReplyIsKeptWithoutItsText() {
    SocialMention r = reply("r1", "m1", "Lumen_ES", T);
    SocialMention kept = AcknowledgeAnsweredAlerts.answer(r);
    assertThat(kept.text).isNull();
    assertThat(kept.author.followers).isZero();
    assertThat(AcknowledgeAnsweredAlerts.status("a1", T.toEpochMilli() - 60_000, kept))
        .usingRecursiveComparison()
        .isEqualTo(AcknowledgeAnsweredAlerts.status("a1", T.toEpochMilli() - 60_000, r));
  }

  @Test
  void unansweredAlertsAndRepliesToNoAlertAreForgottenAfterTheWindow() throws Exception {
    try (var h = harness()) {
      h.open();
      h.processElement1(alert("SOCIAL_QUESTION", "m1", T), T.toEpochMilli());
      h.processElement2(reply("r9", "m9", "Lumen_ES", T), T.toEpochMilli());
      // an alert about no mention (a brand crisis) is not kept; its key is its own, not one
      // shared by every such alert
      Alert crisis = alert("BRAND_CRISIS", null, T);
      assertThat(AcknowledgeAnsweredAlerts.MENTION.getKey(crisis))
          .isEqualTo("alert:" + crisis.alertId);
      h.processElement1(crisis, T.toEpochMilli());
      assertThat(h.numKeyedStateEntries()).isEqualTo(5); // m1: ids, time, cleanup; m9: 2
      h.processBothWatermarks(new Watermark(T.plus(WINDOW).toEpochMilli()));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      // after the window a reply acknowledges nothing
      h.processElement2(reply("r1", "m1", "Lumen_ES", T.plus(WINDOW)), T.toEpochMilli());
      assertThat(h.extractOutputValues()).isEmpty();
    }
  }

  @Test
  void onlyTheBrandsOwnAccountsAnswerForIt() throws Exception {
    SkipBrandPosts f =
        new SkipBrandPosts(
            new TrackedBrands("lumen", List.of("vela"), List.of("AtencionLumen", "VelaCares")));
    try (var h = ProcessFunctionTestHarnesses.forProcessFunction(f)) {
      h.open();
      h.processElement(reply("own", "m", "Lumen_ES", T), 0);
      h.processElement(reply("configured", "m", "@AtencionLumen", T), 0);
      h.processElement(reply("competitor", "m", "VelaOficial", T), 0);
      h.processElement(reply("competitor-configured", "m", "VelaCares", T), 0);
      h.processElement(reply("person", "m", "ana_garcia", T), 0);
      h.processElement(reply("post", null, "Lumen_ES", T), 0); // not a reply
      // anyone can name an account after the brand: unverified, it answers nothing
      h.processElement(unverified(reply("impostor", "m", "lumen_help", T)), 0);
      h.processElement(unverified(reply("configured-unverified", "m", "AtencionLumen", T)), 0);
      assertThat(h.getSideOutput(SkipBrandPosts.BRAND_REPLIES))
          .extracting(r -> r.getValue().mentionId)
          .containsExactly("own", "configured", "configured-unverified");
      // what people post goes on; every brand's post is skipped
      assertThat(h.extractOutputValues()).extracting(m -> m.mentionId).containsExactly("person");
    }
  }
}
