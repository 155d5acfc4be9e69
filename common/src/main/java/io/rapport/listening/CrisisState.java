package io.rapport.listening;

/**
 * One brand's negative mentions per minute over the last {@link CrisisDetector#HISTORY_MINUTES}
 * minutes (a ring indexed by epoch minute), and whether a crisis episode is open.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class CrisisState {
  public long[] negatives = new long[CrisisDetector.HISTORY_MINUTES];

  /** The first and the latest epoch minute seen; -1 before any. */
  public long firstMinute = -1;

  public long lastMinute = -1;

  public boolean inCrisis;

  /** The latest minute at which the crisis condition held, while an episode is open. */
  public long lastTriggerMinute = -1;

  public CrisisState() {}

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CrisisState)) {
      return false;
    }
    CrisisState t = (CrisisState) o;
    return java.util.Arrays.equals(negatives, t.negatives)
        && firstMinute == t.firstMinute
        && lastMinute == t.lastMinute
        && inCrisis == t.inCrisis
        && lastTriggerMinute == t.lastTriggerMinute;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(firstMinute, lastMinute, inCrisis, lastTriggerMinute);
  }
}
