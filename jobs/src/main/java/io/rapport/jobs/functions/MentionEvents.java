package io.rapport.jobs.functions;

import io.rapport.identity.IdentifierNormalizer;
import io.rapport.model.EnrichedMention;
import io.rapport.model.ProfileEvent;
import org.apache.flink.api.common.functions.MapFunction;

/** A mention, to be resolved by its author's identifier ({@code social:platform:handle}). */
public class MentionEvents implements MapFunction<EnrichedMention, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  private final IdentifierNormalizer normalizer;

  public MentionEvents(IdentifierNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @Override
  public ProfileEvent map(EnrichedMention m) {
    return ProfileEvent.mention(normalizer.of(m.mention), m);
  }
}
