package io.rapport.scoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.model.CustomerProfile;
import io.rapport.model.EsDocument;
import io.rapport.profile.Documents;
import io.rapport.serde.Json;
import java.io.Serializable;
import java.time.Instant;

/**
 * Scoring's Elasticsearch documents, all with deterministic ids: the customer document with its
 * {@code scores}, {@code segments} and {@code loyalty} (id: profile id), one {@code
 * <prefix>loyalty} document per person for leaderboards (id: profile id) and one {@code
 * <prefix>segment-changes} document per change (id: {@link SegmentChange#id()}).
 */
public final class ScoreDocuments implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Documents documents;
  private final String loyaltyIndex;
  private final String segmentChangesIndex;

  public ScoreDocuments(Documents documents, String indexPrefix) {
    this.documents = documents;
    this.loyaltyIndex = indexPrefix + "loyalty";
    this.segmentChangesIndex = indexPrefix + "segment-changes";
  }

  public String customersIndex() {
    return documents.customersIndex();
  }

  public String loyaltyIndex() {
    return loyaltyIndex;
  }

  public String segmentChangesIndex() {
    return segmentChangesIndex;
  }

  /** The customer document with scores, segments and loyalty. */
  public EsDocument customer(CustomerProfile p, Scores sc) {
    ObjectNode d = documents.profileNode(p);
    ObjectNode s = d.putObject("scores");
    s.put("scoredAt", Instant.ofEpochMilli(sc.scoredAt).toString());
    s.put("pAlive", sc.pAlive);
    s.put("expectedPurchases", sc.expectedPurchases);
    s.put("expectedAverageSpend", sc.expectedAverageSpend);
    s.put("clv", sc.clv);
    s.put("valueDecile", sc.valueDecile);
    s.put("atRisk", sc.atRisk);
    ArrayNode reasons = s.putArray("reasons");
    sc.reasons.forEach(reasons::add);
    s.put("sentiment", sc.sentiment);
    s.put("sentimentTrend", sc.sentimentTrend);
    s.put("influence", sc.influence);
    s.put("shareOfVoice", sc.shareOfVoice);
    s.put("shareOfVoiceVsCompetitors", sc.shareOfVoiceVsCompetitors);
    s.put("shareOfWallet", sc.shareOfWallet);
    s.put("shareOfMind", sc.shareOfMind);
    s.put("shareOfHeart", sc.shareOfHeart);
    ObjectNode in = s.putObject("inputs");
    in.put("repeatPurchases", sc.repeatPurchases);
    in.put("daysSinceLastPurchase", sc.daysSinceLastPurchase);
    in.put("usualCadenceDays", sc.usualCadenceDays);
    in.put("recentNegativeMentions", sc.recentNegativeMentions);
    in.put("churnIntent", sc.churnIntent);
    ObjectNode seg = d.putObject("segments");
    seg.put("value", sc.valueSegment);
    seg.put("role", sc.role);
    seg.put("engagement", sc.engagement);
    putLoyalty(d.putObject("loyalty"), sc);
    return new EsDocument(documents.customersIndex(), p.profileId, Json.toString(d));
  }

  /** The leaderboard entry: sort {@code <prefix>loyalty} by {@code points}. */
  public EsDocument loyalty(CustomerProfile p, Scores sc) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("customerId", p.profileId);
    d.put("kind", p.kind);
    putLoyalty(d, sc);
    d.put("valueSegment", sc.valueSegment);
    d.put("updatedAt", Instant.ofEpochMilli(sc.scoredAt).toString());
    return new EsDocument(loyaltyIndex, p.profileId, Json.toString(d));
  }

  public EsDocument segmentChange(SegmentChange c) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("customerId", c.customerId);
    d.put("dimension", c.dimension);
    if (c.from != null) {
      d.put("from", c.from);
    }
    d.put("to", c.to);
    d.put("time", Instant.ofEpochMilli(c.time).toString());
    return new EsDocument(segmentChangesIndex, c.id(), Json.toString(d));
  }

  public EsDocument deleteCustomer(String profileId) {
    return documents.deleteProfile(profileId);
  }

  public EsDocument deleteLoyalty(String profileId) {
    return EsDocument.delete(loyaltyIndex, profileId);
  }

  private static void putLoyalty(ObjectNode d, Scores sc) {
    d.put("points", sc.points);
    d.put("level", sc.level);
    ArrayNode badges = d.putArray("badges");
    sc.badges.forEach(badges::add);
  }
}
