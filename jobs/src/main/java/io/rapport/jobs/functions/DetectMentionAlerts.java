package io.rapport.jobs.functions;

import io.rapport.alerting.MentionAlerts;
import io.rapport.model.AlertCandidate;
import io.rapport.model.MentionSignal;
import java.time.Instant;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Mention alerts (influencer, churn threat, question, recommendation, purchase intent): {@link
 * MentionAlerts#detectAll}.
 */
public class DetectMentionAlerts implements FlatMapFunction<MentionSignal, AlertCandidate> {
  private static final long serialVersionUID = 1L;

  private final MentionAlerts detector;

  public DetectMentionAlerts(MentionAlerts detector) {
    this.detector = detector;
  }

  @Override
  public void flatMap(MentionSignal s, Collector<AlertCandidate> out) {
    for (AlertCandidate c : detector.detectAll(s, Instant.now())) {
      out.collect(c);
    }
  }
}
