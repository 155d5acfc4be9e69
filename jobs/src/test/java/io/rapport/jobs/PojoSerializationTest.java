package io.rapport.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.model.Alert;
import io.rapport.model.CustomerProfile;
import io.rapport.model.CustomerRecord;
import io.rapport.model.DeadLetter;
import io.rapport.model.EnrichedMention;
import io.rapport.model.Envelope;
import io.rapport.model.EsDocument;
import io.rapport.model.ProfileEvent;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.model.ValueSignal;
import io.rapport.testing.Samples;
import io.rapport.text.TextAnalyzer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record type that crosses an operator boundary is a Flink POJO: no Kryo anywhere. */
class PojoSerializationTest {

  static Stream<Object> records() {
    SocialMention m = Samples.mention("m1", "x", "@ana", "Me encanta Lumen", Samples.T0);
    m.sourceTopic = "social.mentions"; // record coordinates survive the round trip too
    m.sourcePartition = 1;
    m.sourceOffset = 42;
    m.sourceTimestamp = 7;
    EnrichedMention em = new EnrichedMention(m, TextAnalyzer.shared().analyze(m.text, "es"));
    CustomerRecord c = Samples.customer("C1", "ana@example.com", "x", "ana");
    Transaction t = Samples.purchase("t1", "C1", 10.5, Samples.T0);
    Envelope env = new Envelope();
    env.kind = Envelope.MENTION;
    env.mention = m;
    env.eventTime = 5;
    env.raw = new byte[] {1, 2};
    CustomerProfile p = new CustomerProfile();
    p.profileId = "C1";
    p.identifiers.add("email:ana@example.com");
    p.brandMentions.put("lumen", 2L);
    p.firstSeen = Samples.T0;
    Alert a = new Alert();
    a.alertId = "a1";
    a.evidence = new io.rapport.model.AlertEvidence();
    a.evidence.scores = new java.util.HashMap<>(java.util.Map.of("x", 1.0));
    DeadLetter d = new DeadLetter();
    d.payloadBase64 = "AAE=";
    io.rapport.listening.ListeningAccumulator acc =
        new io.rapport.listening.ListeningAccumulator(10, 3);
    acc.add(em);
    io.rapport.listening.ListeningAggregate agg = acc.toAggregate("lumen", "minute", 0, 3);
    agg.shareOfVoice = 0.5;
    io.rapport.listening.CrisisState crisis = new io.rapport.listening.CrisisState();
    crisis.negatives[3] = 2;
    io.rapport.model.CustomerActivity review =
        Samples.activity("act-1", io.rapport.model.CustomerActivity.REVIEW, "C1", Samples.T0);
    Envelope activityEnv = new Envelope();
    activityEnv.kind = Envelope.ACTIVITY;
    activityEnv.activity = review;
    activityEnv.eventTime = 5;
    io.rapport.model.ProfileUpdate activityUpdate =
        io.rapport.model.ProfileUpdate.activity(p, review);
    return Stream.of(
        m,
        em,
        c,
        t,
        review,
        activityEnv,
        ProfileEvent.activity("C1", review),
        activityUpdate,
        env,
        p,
        a,
        d,
        ProfileEvent.mention("social:x:ana", em),
        ValueSignal.spend("C1", 1, 0, 10),
        new EsDocument("i", "id", "{}"),
        new io.rapport.listening.BrandMention("lumen", em),
        acc,
        agg,
        crisis,
        new io.rapport.listening.KeyCount("k", 1),
        EsDocument.update("i", "id", "{\"text\":null}"),
        identityMerge(),
        identityNode(),
        ProfileEvent.conflict(
            "k", "email:a@b.c", "C1", "C2", new java.util.ArrayList<>(List.of("crm:C2")), 3),
        ProfileEvent.fold("C1", "C2", p, 4),
        EsDocument.update("i", "id", "{}", "{\"s\":1}"),
        EsDocument.deleteMatching("i", "customerId", "C1"),
        EsDocument.updateMatching("i", "profileId", "C1", "{\"text\":null}"),
        alertCandidate(a),
        new io.rapport.model.MentionSignal("C1", em, contactProfile()),
        contactHistory(),
        alertStatus(),
        scoringUpdate(p, em),
        scoreState(),
        new io.rapport.scoring.SegmentChange("C1", "value", null, "loyal", 5),
        io.rapport.scoring.ClvModel.of(io.rapport.scoring.ScoringConfig.defaults()),
        new io.rapport.scoring.ModelPurchase("C1", 10_000, 12.5));
  }

  private static io.rapport.model.ProfileUpdate scoringUpdate(
      CustomerProfile p, EnrichedMention em) {
    return io.rapport.model.ProfileUpdate.mention(p, em);
  }

  private static io.rapport.scoring.ScoreState scoreState() {
    io.rapport.scoring.ScoreState s = new io.rapport.scoring.ScoreState();
    s.recentNegatives.add(5L);
    s.badges.add("first-purchase");
    s.recentPurchaseDays = new int[] {20_500, 20_521};
    s.sentiment.add(0.5, 5, 1000);
    s.valueSegment = "loyal";
    return s;
  }

  private static io.rapport.model.MergeRecord identityMerge() {
    io.rapport.model.MergeRecord r = new io.rapport.model.MergeRecord();
    r.mergeId = "m";
    r.survivorId = "C1";
    r.mergedId = "C2";
    r.mergedIds.add("C2");
    r.kind = io.rapport.model.MergeRecord.CRM_DUPLICATE;
    r.time = 7;
    return r;
  }

  private static io.rapport.identity.IdentityNode identityNode() {
    io.rapport.identity.IdentityNode n = new io.rapport.identity.IdentityNode();
    n.members.add("C2");
    n.identifiers.add("email:a@b.c");
    return n;
  }

  private static io.rapport.model.AlertStatus alertStatus() {
    io.rapport.model.AlertStatus s = new io.rapport.model.AlertStatus();
    s.alertId = "a1";
    s.status = "resolved";
    s.by = "agent";
    s.at = Samples.T0;
    s.responseSeconds = 1200L;
    return s;
  }

  private static io.rapport.model.ContactProfile contactProfile() {
    io.rapport.model.ContactProfile c = new io.rapport.model.ContactProfile();
    c.kind = "customer";
    c.segment = "high_value";
    c.consent = new io.rapport.model.Consent();
    c.consent.email = true;
    c.timeZone = "Europe/Madrid";
    c.locale = "es-ES";
    return c;
  }

  private static io.rapport.model.AlertCandidate alertCandidate(Alert a) {
    return new io.rapport.model.AlertCandidate(a, contactProfile(), "x");
  }

  private static io.rapport.model.ContactHistory contactHistory() {
    io.rapport.model.ContactHistory h = new io.rapport.model.ContactHistory();
    h.times.add(5L);
    h.types.add("SOCIAL_QUESTION");
    h.contacts.add(true);
    return h;
  }

  @ParameterizedTest
  @MethodSource("records")
  void serializesAsPojoWithoutKryo(Object record) throws Exception {
    @SuppressWarnings("unchecked")
    TypeInformation<Object> info = (TypeInformation<Object>) TypeInformation.of(record.getClass());
    assertThat(info).isInstanceOf(PojoTypeInfo.class);

    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false); // any field that would need Kryo throws here
    TypeSerializer<Object> serializer = info.createSerializer(config);

    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(record, out);
    Object copy =
        serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    assertThat(copy).isEqualTo(record);
  }
}
