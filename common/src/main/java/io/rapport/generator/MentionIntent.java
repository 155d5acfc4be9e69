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

  private final String label = name().toLowerCase(Locale.ROOT);

  /** Lower-case name as carried by {@link GeneratedRecord#intendedIntents}. */
  public String label() {
    return label;
  }
}
