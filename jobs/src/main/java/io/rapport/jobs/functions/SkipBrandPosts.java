package io.rapport.jobs.functions;

import io.rapport.listening.TrackedBrands;
import io.rapport.model.SocialMention;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;

/**
 * Drops what the tracked brands post themselves ({@link TrackedBrands#isBrandAccount}: their
 * replies to customers, their campaigns, their reposts), counted in {@code brandPostsSkipped}: such
 * a post is not a person to profile or alert on, nor something said about a brand to count in
 * social listening.
 */
public class SkipBrandPosts extends RichFilterFunction<SocialMention> {
  private static final long serialVersionUID = 1L;

  private final TrackedBrands brands;
  private transient Counter skipped;

  public SkipBrandPosts(TrackedBrands brands) {
    this.brands = brands;
  }

  @Override
  public void open(OpenContext openContext) {
    skipped = getRuntimeContext().getMetricGroup().counter("brandPostsSkipped");
  }

  @Override
  public boolean filter(SocialMention m) {
    if (m.author != null && brands.isBrandAccount(m.author.handle)) {
      skipped.inc();
      return false;
    }
    return true;
  }
}
