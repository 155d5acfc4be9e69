package io.rapport.jobs.functions;

import io.rapport.listening.TrackedBrands;
import io.rapport.model.EnrichedMention;
import io.rapport.model.SocialMention;
import io.rapport.text.TextAnalyzer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Language, sentiment, intents, hashtags, terms and topics of each mention, read as the brand reads
 * them (a switch to the brand is a purchase intent, not a churn threat, and what it says of the
 * brand left is not said of the brand: {@link TrackedBrands#towards}).
 */
public class AnalyzeMentions extends RichMapFunction<SocialMention, EnrichedMention> {
  private static final long serialVersionUID = 1L;

  private final TrackedBrands brands;
  private transient TextAnalyzer analyzer;

  /**
   * @param brands the tracked brands, the brand first
   */
  public AnalyzeMentions(TrackedBrands brands) {
    this.brands = brands;
  }

  @Override
  public void open(OpenContext openContext) {
    analyzer = TextAnalyzer.shared();
  }

  @Override
  public EnrichedMention map(SocialMention m) {
    return new EnrichedMention(m, brands.readAs(brands.brand(), analyzer, m.text, m.lang));
  }
}
