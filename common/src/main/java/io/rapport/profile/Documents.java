package io.rapport.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.identity.Identifiers;
import io.rapport.identity.Pseudonymizer;
import io.rapport.model.Alert;
import io.rapport.model.AlertStatus;
import io.rapport.model.CustomerProfile;
import io.rapport.model.EnrichedMention;
import io.rapport.model.EsDocument;
import io.rapport.model.SocialMention;
import io.rapport.serde.Json;
import io.rapport.text.Analysis;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Elasticsearch documents of profiles, mentions and alerts, with deterministic ids. Raw
 * personal identifiers never leave: profiles publish identifier counts by kind, mentions a keyed
 * hash of the author's handle.
 */
public final class Documents implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final String customersIndex;
  private final String mentionsIndex;
  private final String alertsIndex;
  private final String mergesIndex;
  private final String auditIndex;
  private final Pseudonymizer pseudonymizer;
  private final String reportingCurrency;

  public Documents(String indexPrefix, Pseudonymizer pseudonymizer) {
    this(indexPrefix, pseudonymizer, "EUR");
  }

  /** {@code reportingCurrency}: the currency in which profiles' money is published. */
  public Documents(String indexPrefix, Pseudonymizer pseudonymizer, String reportingCurrency) {
    this.reportingCurrency = reportingCurrency;
    this.customersIndex = indexPrefix + "customers";
    this.mentionsIndex = indexPrefix + "mentions";
    this.alertsIndex = indexPrefix + "alerts";
    this.mergesIndex = indexPrefix + "merges";
    this.auditIndex = indexPrefix + "audit";
    this.pseudonymizer = pseudonymizer;
  }

  public String customersIndex() {
    return customersIndex;
  }

  public String mentionsIndex() {
    return mentionsIndex;
  }

  public String alertsIndex() {
    return alertsIndex;
  }

  public String mergesIndex() {
    return mergesIndex;
  }

  public String auditIndex() {
    return auditIndex;
  }

  /** The customer 360 document; its id is the profile id. */
  public EsDocument profile(CustomerProfile p) {
    return new EsDocument(customersIndex, p.profileId, Json.toString(profileNode(p)));
  }

  /** The customer 360 document's fields, for callers that add their own (scores). */
  public ObjectNode profileNode(CustomerProfile p) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("customerId", p.profileId);
    d.put("kind", p.kind);
    Map<String, Integer> counts = new TreeMap<>();
    for (String id : p.identifiers) {
      counts.merge(Identifiers.kindOf(id), 1, Integer::sum);
    }
    ObjectNode idCounts = d.putObject("identifierCounts");
    counts.forEach(idCounts::put);
    ArrayNode channels = d.putArray("channels");
    p.channels.forEach(channels::add);
    if (p.consent != null) {
      d.set("consent", Json.mapper().valueToTree(p.consent));
    }
    putIfNotNull(d, "locale", p.locale);
    putIfNotNull(d, "country", p.country);
    putIfNotNull(d, "city", p.city);
    putIfNotNull(d, "timeZone", p.timeZone);
    putInstant(d, "firstSeen", p.firstSeen);
    putInstant(d, "lastSeen", p.lastSeen);
    putInstant(d, "lastPurchaseAt", p.lastPurchaseAt);
    putInstant(d, "lastMentionAt", p.lastMentionAt);
    d.put("mentionCount", p.mentionCount);
    d.put("positiveMentions", p.positiveMentions);
    d.put("negativeMentions", p.negativeMentions);
    d.put("neutralMentions", p.neutralMentions);
    d.put("sentimentMean", p.sentimentMean());
    ObjectNode brands = d.putObject("brandMentions");
    new TreeMap<>(p.brandMentions).forEach(brands::put);
    d.put("followers", p.followers);
    d.put("purchaseCount", p.purchaseCount);
    d.put("returnCount", p.returnCount);
    d.put("reviewCount", p.reviewCount);
    d.put("referralCount", p.referralCount);
    d.put("surveyCount", p.surveyCount);
    d.put("totalSpend", p.netSpend());
    d.put("purchasedAmount", p.purchasedAmount);
    d.put("returnedAmount", p.returnedAmount);
    d.put("currency", reportingCurrency);
    putInstant(d, "updatedAt", p.updatedAt);
    ArrayNode merged = d.putArray("mergedIds");
    p.mergedIds.stream().sorted().forEach(merged::add);
    return d;
  }

  /** The enriched mention; its id is the mention id. */
  public EsDocument mention(EnrichedMention em, String profileId, String profileKind) {
    SocialMention m = em.mention;
    Analysis a = em.analysis;
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("mentionId", m.mentionId);
    d.put("platform", m.platform);
    d.put("brand", m.brand);
    d.put("text", m.text);
    d.put("lang", a.lang);
    putInstant(d, "time", m.time);
    putIfNotNull(d, "url", m.url);
    putIfNotNull(d, "replyTo", m.replyTo);
    putIfNotNull(d, "repostOf", m.repostOf);
    putIfNotNull(d, "quoteOf", m.quoteOf);
    ObjectNode s = d.putObject("sentiment");
    s.put("compound", a.compound);
    s.put("pos", a.pos);
    s.put("neg", a.neg);
    s.put("neu", a.neu);
    s.put("label", ProfileLogic.sentimentLabel(a.compound));
    ArrayNode intents = d.putArray("intents");
    a.intents.forEach(intents::add);
    putIfNotNull(d, "switchingTo", a.switchingTo);
    ArrayNode hashtags = d.putArray("hashtags");
    a.hashtags.forEach(hashtags::add);
    ArrayNode terms = d.putArray("terms");
    a.terms.forEach(terms::add);
    ArrayNode topics = d.putArray("topics");
    if (a.topics != null) {
      a.topics.forEach(topics::add);
    }
    ObjectNode author = d.putObject("author");
    author.put("handleHash", pseudonymizer.hash(Identifiers.of(m)));
    author.put("followers", m.author.followers);
    author.put("verified", m.author.verified);
    d.put("profileId", profileId);
    d.put("profileKind", profileKind);
    if (m.geo != null) {
      ObjectNode g = d.putObject("geo");
      putIfNotNull(g, "country", m.geo.country);
      putIfNotNull(g, "city", m.geo.city);
      if (m.geo.lat != null && m.geo.lon != null) {
        ObjectNode loc = g.putObject("location");
        loc.put("lat", m.geo.lat);
        loc.put("lon", m.geo.lon);
      }
    }
    if (m.engagement != null) {
      d.set("engagement", Json.mapper().valueToTree(m.engagement));
    }
    return new EsDocument(mentionsIndex, m.mentionId, Json.toString(d));
  }

  /**
   * The alert as indexed; its id is the alert id. A partial update with an upsert: created with
   * status {@code open}; merged, keeping its status, into a document a status change (which may
   * arrive first) has already created.
   */
  public EsDocument alert(Alert alert) {
    ObjectNode d = Json.mapper().valueToTree(alert);
    String partial = Json.toString(d);
    d.put("status", "open");
    return EsDocument.update(alertsIndex, alert.alertId, partial, Json.toString(d));
  }

  /**
   * A status change as a partial update of the alert's document (created with only the status when
   * the alert has not arrived yet): {@code status}, {@code statusBy}, {@code statusUpdatedAt},
   * {@code statusNote}, and {@code acknowledgedAt}/{@code acknowledgedBy} or {@code
   * resolvedAt}/{@code resolvedBy}.
   */
  public EsDocument alertStatus(AlertStatus s) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("alertId", s.alertId);
    d.put("status", s.status);
    d.put("statusBy", s.by);
    d.put("statusUpdatedAt", s.at.toString());
    if (s.note != null) {
      d.put("statusNote", s.note);
    }
    if (s.responseSeconds != null) {
      d.put("responseSeconds", s.responseSeconds);
    }
    d.put(s.status + "At", s.at.toString());
    d.put(s.status + "By", s.by);
    String json = Json.toString(d);
    return EsDocument.update(alertsIndex, s.alertId, json, json);
  }

  /**
   * A merge-log entry (with its {@code mergeId}), at the absorbed id's document id. An id is
   * absorbed once, but into which survivor depends on arrival order (A into B then B into C, or A
   * into C): after a failure the job may replay a merge differently from the attempt that failed,
   * whose documents Elasticsearch kept. Keyed by the merge id (survivor and absorbed), the failed
   * attempt's document would stay beside the replay's and show the id absorbed twice; keyed by the
   * absorbed id, the replay's document replaces it.
   */
  public EsDocument merge(io.rapport.model.MergeRecord r) {
    ObjectNode d = Json.mapper().valueToTree(r);
    d.put("time", Instant.ofEpochMilli(r.time).toString());
    return new EsDocument(mergesIndex, r.mergedId, Json.toString(d));
  }

  /**
   * Blanks the personal fields of a mention (text and what is derived from it, url, author, place,
   * profile): a partial update, so the mention still counts in aggregates.
   */
  public EsDocument redactMention(String mentionId) {
    return EsDocument.update(mentionsIndex, mentionId, redaction());
  }

  /**
   * Blanks, as {@link #redactMention} does, every mention document of a profile ({@code profileId}:
   * an id of the erased person's group), whatever their number: the profile keeps only its latest
   * mention ids. The redaction blanks {@code profileId}, so a redacted document no longer matches.
   */
  public EsDocument redactMentionsOf(String profileId) {
    return EsDocument.updateMatching(mentionsIndex, "profileId", profileId, redaction());
  }

  private static String redaction() {
    ObjectNode d = Json.mapper().createObjectNode();
    for (String f : new String[] {"text", "url", "author", "geo", "profileId", "profileKind"}) {
      d.putNull(f);
    }
    d.putArray("terms");
    d.putArray("hashtags");
    d.put("redacted", true);
    return Json.toString(d);
  }

  /**
   * Deletes every alert document about a profile ({@code customerId}, the profile id the alert was
   * raised for: a customer or a prospect of the erased person's group), whatever its id: alerts
   * carry the person's id, mention ids and what the person said, summarized.
   */
  public EsDocument eraseAlertsOf(String profileId) {
    return EsDocument.deleteMatching(alertsIndex, "customerId", profileId);
  }

  /**
   * Moves a mention to the survivor of a merge: a partial update of its document's {@code
   * profileId} and {@code profileKind} (a missing document is left alone), so that a 360 view that
   * filters mentions on the survivor's id finds the absorbed profile's mentions too.
   */
  public EsDocument reassignMention(String mentionId, String survivorId, String survivorKind) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("profileId", survivorId);
    d.put("profileKind", survivorKind);
    return EsDocument.update(mentionsIndex, mentionId, Json.toString(d));
  }

  /**
   * The audit entry of an erasure, without personal data: the erased customer appears only as a
   * keyed hash of its CRM identifier, also with pseudonymization off (then other documents carry
   * raw ids, but an erasure's record must not).
   */
  public EsDocument forgetAudit(
      String customerId, long time, int profilesErased, int mentionsRedacted) {
    String subject = pseudonymizer.keyedHash(Identifiers.CRM + ":" + customerId);
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("action", "forget");
    d.put("subjectHash", subject);
    d.put("profilesErased", profilesErased);
    d.put("mentionsRedacted", mentionsRedacted);
    putInstant(d, "time", Instant.ofEpochMilli(time));
    String id =
        java.util
            .UUID
            .nameUUIDFromBytes(
                ("forget|" + subject + "|" + time)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();
    return new EsDocument(auditIndex, id, Json.toString(d));
  }

  /** Deletes a profile document (forget requests). */
  public EsDocument deleteProfile(String profileId) {
    return EsDocument.delete(customersIndex, profileId);
  }

  private static void putIfNotNull(ObjectNode d, String field, String value) {
    if (value != null) {
      d.put(field, value);
    }
  }

  private static void putInstant(ObjectNode d, String field, Instant value) {
    if (value != null) {
      d.put(field, value.toString());
    }
  }
}
