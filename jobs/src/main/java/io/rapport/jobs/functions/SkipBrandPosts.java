package io.rapport.jobs.functions;

import io.rapport.listening.TrackedBrands;
import io.rapport.model.SocialMention;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Drops what the tracked brands post themselves ({@link TrackedBrands#isBrandAccount}: their
 * replies to customers, their campaigns, their reposts), counted in {@code brandPostsSkipped}: such
 * a post is not a person to profile or alert on, nor something said about a brand to count in
 * social listening. The brand's own replies to mentions ({@link TrackedBrands#isOwnAccount}, with
 * {@code replyTo}; not a competitor's) go to {@link #BRAND_REPLIES}, counted in {@code
 * brandReplies}: they answer that mention ({@link AcknowledgeAnsweredAlerts}). A reply by an
 * account named after the brand that the platform has not verified answers nothing (counted in
 * {@code brandRepliesUnverified}: configure the account in {@code brand.accounts} if it is the
 * brand's).
 */
public class SkipBrandPosts extends ProcessFunction<SocialMention, SocialMention> {
  private static final long serialVersionUID = 1L;

  /** The brand's replies to mentions. */
  public static final OutputTag<SocialMention> BRAND_REPLIES =
      new OutputTag<>("brand-replies", TypeInformation.of(SocialMention.class));

  private final TrackedBrands brands;
  private transient Counter skipped;
  private transient Counter replies;
  private transient Counter unverified;

  public SkipBrandPosts(TrackedBrands brands) {
    this.brands = brands;
  }

  @Override
  public void open(OpenContext openContext) {
    skipped = getRuntimeContext().getMetricGroup().counter("brandPostsSkipped");
    replies = getRuntimeContext().getMetricGroup().counter("brandReplies");
    unverified = getRuntimeContext().getMetricGroup().counter("brandRepliesUnverified");
  }

  @Override
  public void processElement(SocialMention m, Context ctx, Collector<SocialMention> out) {
    if (m.author == null || !brands.isBrandAccount(m.author.handle)) {
      out.collect(m);
      return;
    }
    skipped.inc();
    if (m.replyTo == null || m.replyTo.isBlank() || m.time == null) {
      return;
    }
    if (brands.isOwnAccount(m.author.handle, m.author.verified)) {
      replies.inc();
      ctx.output(BRAND_REPLIES, m);
    } else if (brands.isOwnAccount(m.author.handle, true)) {
      unverified.inc();
    }
  }
}
