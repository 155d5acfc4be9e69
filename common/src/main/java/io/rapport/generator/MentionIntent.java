package io.rapport.generator;

import java.util.Locale;

/** The intents a generated mention text is written with. */
public enum MentionIntent {
  PRAISE,
  COMPLAINT,
  QUESTION,
  RECOMMENDATION,
  PURCHASE_INTENT,
  CHURN_THREAT;

  /** Lower-case name as carried by {@link GeneratedRecord#intendedIntents}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
