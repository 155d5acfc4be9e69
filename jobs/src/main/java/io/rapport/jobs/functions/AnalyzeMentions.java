package io.rapport.jobs.functions;

import io.rapport.listening.TrackedBrands;
import io.rapport.model.EnrichedMention;
import io.rapport.model.SocialMention;
import io.rapport.text.TextAnalyzer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Language, sentiment, intents, hashtags and terms of each mention, read as the brand reads them (a
 * switch to the brand is a purchase intent, not a churn threat: {@link
 * TrackedBrands#towardsBrand}).
 */
public class AnalyzeMentions extends RichMapFunction<SocialMention, EnrichedMention> {
  private static final long serialVersionUID = 1L;

  private final TrackedBrands brand;
  private transient TextAnalyzer analyzer;

  /**
   * @param brand the tracked brands, the brand first
   */
  public AnalyzeMentions(TrackedBrands brand) {
    this.brand = brand;
  }

  @Override
  public void open(OpenContext openContext) {
    analyzer = TextAnalyzer.shared();
  }

  @Override
  public EnrichedMention map(SocialMention m) {
    return new EnrichedMention(m, brand.towardsBrand(analyzer.analyze(m.text, m.lang)));
  }
}
