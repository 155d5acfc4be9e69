package io.rapport.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * A social mention of a tracked brand (topic {@code social.mentions}), from a listening tool.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 *
 * <p>The {@code source*} fields say where the job read the mention (Kafka topic, partition, offset
 * and record timestamp), so that a mention refused after parsing (e.g. {@code LATE}) can be
 * dead-lettered with the coordinates of its original record. They are set by {@code Contract.read}
 * from the record's coordinates, never read from or written to JSON: they are not part of the
 * mention contract. The built-in generator's records have partition 0 and their generator index as
 * offset (as in its parse-failure dead letters); a mention built in code has none (null and -1).
 */
public class SocialMention {
  public int schemaVersion = 1;
  public String mentionId;
  public String platform;
  public Author author;
  public String text;
  public String lang;
  public Instant time;
  public String url;
  public String replyTo;
  public String repostOf;
  public String quoteOf;
  public Engagement engagement;
  public Geo geo;
  public String brand;

  /** Topic the mention was read from, or null. */
  @JsonIgnore public String sourceTopic;

  /** Partition of its record, or -1. */
  @JsonIgnore public int sourcePartition = -1;

  /** Offset of its record, or -1. */
  @JsonIgnore public long sourceOffset = -1;

  /** Timestamp of its record (Kafka record time) in epoch milliseconds, or -1. */
  @JsonIgnore public long sourceTimestamp = -1;

  public SocialMention() {}

  /**
   * Whether a mention's words are its author's: not a repost, which says what the original said (a
   * quote or a reply adds its author's own words).
   */
  public static boolean ownWords(SocialMention m) {
    return m.repostOf == null;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SocialMention)) {
      return false;
    }
    SocialMention that = (SocialMention) o;
    return schemaVersion == that.schemaVersion
        && Objects.equals(mentionId, that.mentionId)
        && Objects.equals(platform, that.platform)
        && Objects.equals(author, that.author)
        && Objects.equals(text, that.text)
        && Objects.equals(lang, that.lang)
        && Objects.equals(time, that.time)
        && Objects.equals(url, that.url)
        && Objects.equals(replyTo, that.replyTo)
        && Objects.equals(repostOf, that.repostOf)
        && Objects.equals(quoteOf, that.quoteOf)
        && Objects.equals(engagement, that.engagement)
        && Objects.equals(geo, that.geo)
        && Objects.equals(brand, that.brand)
        && Objects.equals(sourceTopic, that.sourceTopic)
        && sourcePartition == that.sourcePartition
        && sourceOffset == that.sourceOffset
        && sourceTimestamp == that.sourceTimestamp;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        schemaVersion,
        mentionId,
        platform,
        author,
        text,
        lang,
        time,
        url,
        replyTo,
        repostOf,
        quoteOf,
        engagement,
        geo,
        brand,
        sourceTopic,
        sourcePartition,
        sourceOffset,
        sourceTimestamp);
  }

  @Override
  public String toString() {
    return "SocialMention{schemaVersion="
        + schemaVersion
        + ", mentionId="
        + mentionId
        + ", platform="
        + platform
        + ", author="
        + author
        + ", text="
        + text
        + ", lang="
        + lang
        + ", time="
        + time
        + ", url="
        + url
        + ", replyTo="
        + replyTo
        + ", repostOf="
        + repostOf
        + ", quoteOf="
        + quoteOf
        + ", engagement="
        + engagement
        + ", geo="
        + geo
        + ", brand="
        + brand
        + ", source="
        + sourceTopic
        + "/"
        + sourcePartition
        + "@"
        + sourceOffset
        + " ts "
        + sourceTimestamp
        + "}";
  }
}
