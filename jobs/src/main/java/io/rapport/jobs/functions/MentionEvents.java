package io.rapport.jobs.functions;

import io.rapport.identity.Identifiers;
import io.rapport.model.EnrichedMention;
import io.rapport.model.ProfileEvent;
import org.apache.flink.api.common.functions.MapFunction;

/** A mention, to be resolved by its author's identifier ({@code social:platform:handle}). */
public class MentionEvents implements MapFunction<EnrichedMention, ProfileEvent> {
  private static final long serialVersionUID = 1L;

  @Override
  public ProfileEvent map(EnrichedMention m) {
    return ProfileEvent.mention(Identifiers.of(m.mention), m);
  }
}
