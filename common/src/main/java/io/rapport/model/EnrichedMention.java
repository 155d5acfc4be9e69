package io.rapport.model;

import io.rapport.text.Analysis;
import java.util.Objects;

/** A mention with what the text analyzer says of it. */
public class EnrichedMention {
  public SocialMention mention;
  public Analysis analysis;

  public EnrichedMention() {}

  public EnrichedMention(SocialMention mention, Analysis analysis) {
    this.mention = mention;
    this.analysis = analysis;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EnrichedMention)) {
      return false;
    }
    EnrichedMention that = (EnrichedMention) o;
    return Objects.equals(mention, that.mention) && Objects.equals(analysis, that.analysis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mention, analysis);
  }

  @Override
  public String toString() {
    return "EnrichedMention{" + mention + ", " + analysis + "}";
  }
}
