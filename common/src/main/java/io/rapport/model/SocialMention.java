package io.rapport.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A social mention of a tracked brand (topic {@code social.mentions}), from a listening tool.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
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

  public SocialMention() {}

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
        && Objects.equals(brand, that.brand);
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
        brand);
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
        + "}";
  }
}
