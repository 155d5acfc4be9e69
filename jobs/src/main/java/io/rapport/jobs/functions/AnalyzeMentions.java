package io.rapport.jobs.functions;

import io.rapport.model.EnrichedMention;
import io.rapport.model.SocialMention;
import io.rapport.text.TextAnalyzer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Language, sentiment, intents, hashtags and terms of each mention. */
public class AnalyzeMentions extends RichMapFunction<SocialMention, EnrichedMention> {
  private static final long serialVersionUID = 1L;

  private transient TextAnalyzer analyzer;

  @Override
  public void open(OpenContext openContext) {
    analyzer = TextAnalyzer.shared();
  }

  @Override
  public EnrichedMention map(SocialMention m) {
    return new EnrichedMention(m, analyzer.analyze(m.text, m.lang));
  }
}
