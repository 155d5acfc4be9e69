package io.rapport.scoring;

import io.rapport.scoring.clv.BgNbd;
import io.rapport.scoring.clv.BgNbdParams;
import io.rapport.scoring.clv.GammaGamma;
import io.rapport.scoring.clv.GammaGammaParams;
import java.util.Objects;

/**
 * A fitted CLV model as published on the compacted model topic ({@code topic.clv-model}, key {@code
 * "current"}): BG/NBD and Gamma-Gamma parameters, their time unit, and what they were fitted on. A
 * Flink POJO, JSON on the topic.
 */
public class ClvModel {
  /** The key the model is published under (compaction keeps the latest). */
  public static final String KEY = "current";

  /** Identifies the fit (deterministic from its input, e.g. {@code cdnow} or a hash). */
  public String modelId;

  /** When it was fitted, epoch ms. */
  public long fittedAt;

  /** Customers and the calibration end the fit used. */
  public long customers;

  public BgNbdParams bgNbd;
  public GammaGammaParams gammaGamma;

  /** Length of the models' time unit in days (7: weeks). */
  public double timeUnitDays = 7;

  public ClvModel() {}

  public ClvModel(
      String modelId,
      long fittedAt,
      long customers,
      BgNbdParams bgNbd,
      GammaGammaParams gammaGamma,
      double timeUnitDays) {
    this.modelId = modelId;
    this.fittedAt = fittedAt;
    this.customers = customers;
    this.bgNbd = bgNbd;
    this.gammaGamma = gammaGamma;
    this.timeUnitDays = timeUnitDays;
  }

  /** The model a configuration carries (the default until a fitted one arrives). */
  public static ClvModel of(ScoringConfig c) {
    return new ClvModel("configured", 0, 0, c.bgNbd, c.gammaGamma, c.modelTimeUnitDays);
  }

  /**
   * Checks that the parameters make a usable model.
   *
   * @throws IllegalArgumentException otherwise
   */
  public void validate() {
    if (bgNbd == null || gammaGamma == null) {
      throw new IllegalArgumentException("CLV model without bgNbd or gammaGamma parameters");
    }
    new BgNbd(bgNbd);
    new GammaGamma(gammaGamma);
    if (!(timeUnitDays > 0) || Double.isInfinite(timeUnitDays)) {
      throw new IllegalArgumentException("timeUnitDays must be > 0, got " + timeUnitDays);
    }
    if (!(gammaGamma.q > 1)) {
      throw new IllegalArgumentException("Gamma-Gamma q must be > 1 for a finite mean spend");
    }
  }

  /** A copy of {@code base} scoring with this model. */
  public ScoringConfig applyTo(ScoringConfig base) {
    ScoringConfig c = base.copy();
    c.bgNbd = bgNbd;
    c.gammaGamma = gammaGamma;
    c.modelTimeUnitDays = timeUnitDays;
    return c;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ClvModel)) {
      return false;
    }
    ClvModel m = (ClvModel) o;
    return fittedAt == m.fittedAt
        && customers == m.customers
        && Double.compare(timeUnitDays, m.timeUnitDays) == 0
        && Objects.equals(modelId, m.modelId)
        && Objects.equals(bgNbd, m.bgNbd)
        && Objects.equals(gammaGamma, m.gammaGamma);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelId, fittedAt, bgNbd, gammaGamma);
  }

  @Override
  public String toString() {
    return "ClvModel{" + modelId + ", " + bgNbd + ", " + gammaGamma + "}";
  }
}
