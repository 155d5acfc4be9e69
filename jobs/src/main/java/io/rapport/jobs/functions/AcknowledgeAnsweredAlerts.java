package io.rapport.jobs.functions;

import io.rapport.model.Alert;
import io.rapport.model.AlertStatus;
import io.rapport.model.Author;
import io.rapport.model.SocialMention;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The brand answering a mention acknowledges the alerts raised on it: a reply by one of the brand's
 * own accounts ({@link SkipBrandPosts#BRAND_REPLIES}) to the mention an alert was raised on becomes
 * an {@code acknowledged} status of that alert, by the account, at the reply's time, with the time
 * the brand took to answer ({@code responseSeconds}, and in its note); track-alert-status writes it
 * to the alert's document (a status never goes back: a resolved alert stays resolved). Either may
 * come first. The first reply counts.
 *
 * <p>Keyed by mention id: an alert's first evidence mention ({@link #MENTION}; an alert about no
 * mention, a brand crisis or a merge guardrail, is keyed by its own id, so that such alerts spread
 * over the subtasks, and passed over), a reply's {@code replyTo}. State: the ids of a mention's
 * alerts not yet answered and the mention's time, or what the status needs of the mention's reply
 * (id, platform, time, account; not its text); cleared by an event-time timer {@code window} after
 * the later of the mention and the reply.
 */
public class AcknowledgeAnsweredAlerts
    extends KeyedCoProcessFunction<String, Alert, SocialMention, AlertStatus> {
  private static final long serialVersionUID = 1L;

  /**
   * An alert's key here: its first evidence mention, or its own id for an alert about no mention.
   */
  public static final KeySelector<Alert, String> MENTION =
      a -> {
        String mention = mentionOf(a);
        return mention.isEmpty() ? "alert:" + a.alertId : mention;
      };

  private final long windowMillis;

  private transient ListState<String> alertIds;
  private transient ValueState<Long> mentionTime;
  private transient ValueState<SocialMention> reply;
  private transient ValueState<Long> cleanupAt;
  private transient Counter acknowledged;

  public AcknowledgeAnsweredAlerts(Duration window) {
    this.windowMillis = window.toMillis();
  }

  static String mentionOf(Alert a) {
    return a.evidence == null || a.evidence.mentionIds == null || a.evidence.mentionIds.isEmpty()
        ? ""
        : a.evidence.mentionIds.get(0);
  }

  @Override
  public void open(OpenContext openContext) {
    alertIds = getRuntimeContext().getListState(new ListStateDescriptor<>("alerts", Types.STRING));
    mentionTime =
        getRuntimeContext().getState(new ValueStateDescriptor<>("mention-time", Types.LONG));
    reply =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("reply", TypeInformation.of(SocialMention.class)));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup", Types.LONG));
    acknowledged = getRuntimeContext().getMetricGroup().counter("alertsAnsweredByTheBrand");
  }

  @Override
  public void processElement1(Alert alert, Context ctx, Collector<AlertStatus> out)
      throws Exception {
    if (mentionOf(alert).isEmpty() || alert.eventTime == null) {
      return; // about no mention: no reply answers it
    }
    long at = alert.eventTime.toEpochMilli();
    SocialMention answer = reply.value();
    if (answer != null) {
      out.collect(status(alert.alertId, at, answer));
      acknowledged.inc();
      return;
    }
    alertIds.add(alert.alertId);
    mentionTime.update(at);
    cleanupAfter(at, ctx);
  }

  @Override
  public void processElement2(SocialMention m, Context ctx, Collector<AlertStatus> out)
      throws Exception {
    if (reply.value() != null) {
      return; // the first reply answered the mention
    }
    reply.update(answer(m));
    Long at = mentionTime.value();
    for (String id : alertIds.get()) {
      out.collect(status(id, at, m));
      acknowledged.inc();
    }
    alertIds.clear();
    mentionTime.clear();
    cleanupAfter(m.time.toEpochMilli(), ctx);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertStatus> out)
      throws Exception {
    Long at = cleanupAt.value();
    if (at != null && at == timestamp) {
      alertIds.clear();
      mentionTime.clear();
      reply.clear();
      cleanupAt.clear();
    }
  }

  /** One timer per mention, {@code window} after the latest of its times seen. */
  private void cleanupAfter(long time, Context ctx) throws Exception {
    long at = time + windowMillis;
    Long current = cleanupAt.value();
    if (current != null && current >= at) {
      return;
    }
    if (current != null) {
      ctx.timerService().deleteEventTimeTimer(current);
    }
    ctx.timerService().registerEventTimeTimer(at);
    cleanupAt.update(at);
  }

  /** What {@link #status} needs of a reply, kept for the alerts that come after it. */
  static SocialMention answer(SocialMention reply) {
    SocialMention kept = new SocialMention();
    kept.mentionId = reply.mentionId;
    kept.platform = reply.platform;
    kept.time = reply.time;
    kept.replyTo = reply.replyTo;
    kept.author = new Author();
    kept.author.handle = reply.author.handle;
    return kept;
  }

  /** The acknowledgement of alert {@code alertId}, raised on a mention at {@code mentionAt}. */
  static AlertStatus status(String alertId, Long mentionAt, SocialMention reply) {
    AlertStatus s = new AlertStatus();
    s.alertId = alertId;
    s.status = AlertStatus.ACKNOWLEDGED;
    String handle = reply.author.handle.strip();
    s.by = handle.startsWith("@") ? handle : "@" + handle;
    s.at = reply.time;
    StringBuilder note =
        new StringBuilder("answered by the brand on ")
            .append(reply.platform)
            .append(" (")
            .append(reply.mentionId)
            .append(')');
    if (mentionAt != null && reply.time.toEpochMilli() >= mentionAt) {
      Duration took = Duration.between(Instant.ofEpochMilli(mentionAt), reply.time);
      note.append(", ").append(took.toMinutes()).append(" min after the mention");
      s.responseSeconds = took.toSeconds();
    }
    s.note = note.toString();
    return s;
  }
}
