package io.rapport.jobs.functions;

import io.rapport.listening.TrackedBrands;
import io.rapport.model.SocialMention;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;

/**
 * Keeps the brand's replies to mentions: posts by one of the brand's own accounts ({@link
 * TrackedBrands#isOwnAccount}) that reply to a mention ({@code replyTo}), counted in {@code
 * brandReplies}. They answer that mention: see {@link AcknowledgeAnsweredAlerts}.
 */
public class BrandReplies extends RichFilterFunction<SocialMention> {
  private static final long serialVersionUID = 1L;

  private final TrackedBrands brands;
  private transient Counter replies;

  public BrandReplies(TrackedBrands brands) {
    this.brands = brands;
  }

  @Override
  public void open(OpenContext openContext) {
    replies = getRuntimeContext().getMetricGroup().counter("brandReplies");
  }

  @Override
  public boolean filter(SocialMention m) {
    boolean reply =
        m.replyTo != null
            && !m.replyTo.isBlank()
            && m.time != null
            && m.author != null
            && brands.isOwnAccount(m.author.handle);
    if (reply) {
      replies.inc();
    }
    return reply;
  }
}
