package io.rapport.scoring.clv;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * A Nelder-Mead simplex minimizer (Nelder &amp; Mead 1965, with the standard coefficients of
 * Lagarias, Reeds, Wright &amp; Wright 1998: reflection 1, expansion 2, contraction 1/2, shrink
 * 1/2), with restarts from the best point until a restart no longer improves it.
 *
 * <p>Non-finite objective values count as {@code +infinity}, so the objective can simply return
 * {@code NaN} outside its domain.
 */
final class NelderMead {

  /** The outcome of a minimization. */
  static final class Result {
    final double[] point;
    final double value;
    final int evaluations;
    final boolean converged;

    Result(double[] point, double value, int evaluations, boolean converged) {
      this.point = point;
      this.value = value;
      this.evaluations = evaluations;
      this.converged = converged;
    }
  }

  private final double initialStep;
  private final double xTolerance;
  private final double fTolerance;
  private final int maxEvaluations;

  /**
   * @param initialStep the initial simplex edge along each axis
   * @param xTolerance convergence when every vertex is within this distance (per coordinate) of the
   *     best
   * @param fTolerance and every value is within this relative distance of the best
   * @param maxEvaluations evaluation budget per simplex run
   */
  NelderMead(double initialStep, double xTolerance, double fTolerance, int maxEvaluations) {
    this.initialStep = initialStep;
    this.xTolerance = xTolerance;
    this.fTolerance = fTolerance;
    this.maxEvaluations = maxEvaluations;
  }

  /**
   * Minimizes from {@code start}, restarting a fresh simplex at the best point until a run
   * converges without moving the best point by more than the tolerance (at most {@code maxRestarts}
   * restarts). A restart guards against the simplex collapsing onto a non-optimal point, the
   * classic Nelder-Mead failure.
   */
  Result minimizeWithRestarts(ToDoubleFunction<double[]> f, double[] start, int maxRestarts) {
    Result best = minimize(f, start);
    int evaluations = best.evaluations;
    for (int i = 0; i < maxRestarts; i++) {
      Result next = minimize(f, best.point);
      evaluations += next.evaluations;
      boolean moved = maxAbsDiff(next.point, best.point) > 10 * xTolerance;
      boolean improved =
          next.value < best.value - fTolerance * (Math.abs(best.value) + 1e-300) * 10;
      if (next.value <= best.value) {
        best = next;
      }
      if (!moved && !improved && next.converged) {
        return new Result(best.point, best.value, evaluations, true);
      }
    }
    return new Result(best.point, best.value, evaluations, false);
  }

  /** One simplex run from {@code start}. */
  Result minimize(ToDoubleFunction<double[]> f, double[] start) {
    int n = start.length;
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    simplex[0] = start.clone();
    for (int i = 0; i < n; i++) {
      double[] v = start.clone();
      v[i] += initialStep;
      simplex[i + 1] = v;
    }
    int evaluations = 0;
    for (int i = 0; i <= n; i++) {
      values[i] = eval(f, simplex[i]);
      evaluations++;
    }
    Integer[] order = new Integer[n + 1];
    double[] centroid = new double[n];
    boolean converged = false;
    while (evaluations < maxEvaluations) {
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      final double[] vals = values;
      Arrays.sort(order, (i, j) -> Double.compare(vals[i], vals[j]));
      double[][] sortedSimplex = new double[n + 1][];
      double[] sortedValues = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        sortedSimplex[i] = simplex[order[i]];
        sortedValues[i] = values[order[i]];
      }
      simplex = sortedSimplex;
      values = sortedValues;

      if (hasConverged(simplex, values)) {
        converged = true;
        break;
      }

      Arrays.fill(centroid, 0.0);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          centroid[k] += simplex[i][k] / n;
        }
      }
      double[] worst = simplex[n];
      double[] reflected = affine(centroid, worst, 1.0);
      double fr = eval(f, reflected);
      evaluations++;
      if (fr < values[0]) {
        double[] expanded = affine(centroid, worst, 2.0);
        double fe = eval(f, expanded);
        evaluations++;
        if (fe < fr) {
          simplex[n] = expanded;
          values[n] = fe;
        } else {
          simplex[n] = reflected;
          values[n] = fr;
        }
        continue;
      }
      if (fr < values[n - 1]) {
        simplex[n] = reflected;
        values[n] = fr;
        continue;
      }
      boolean outside = fr < values[n];
      double[] contracted = affine(centroid, worst, outside ? 0.5 : -0.5);
      double fc = eval(f, contracted);
      evaluations++;
      if (outside ? fc <= fr : fc < values[n]) {
        simplex[n] = contracted;
        values[n] = fc;
        continue;
      }
      for (int i = 1; i <= n; i++) {
        for (int k = 0; k < n; k++) {
          simplex[i][k] = simplex[0][k] + 0.5 * (simplex[i][k] - simplex[0][k]);
        }
        values[i] = eval(f, simplex[i]);
        evaluations++;
      }
    }
    int best = 0;
    for (int i = 1; i <= n; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return new Result(simplex[best].clone(), values[best], evaluations, converged);
  }

  private boolean hasConverged(double[][] simplex, double[] values) {
    double fBest = values[0];
    if (!Double.isFinite(fBest)) {
      return false;
    }
    double fSpread = values[values.length - 1] - fBest;
    if (!(fSpread <= fTolerance * (Math.abs(fBest) + 1e-300))) {
      return false;
    }
    for (int i = 1; i < simplex.length; i++) {
      if (maxAbsDiff(simplex[i], simplex[0]) > xTolerance) {
        return false;
      }
    }
    return true;
  }

  /** {@code centroid + coefficient * (centroid - worst)}. */
  private static double[] affine(double[] centroid, double[] worst, double coefficient) {
    double[] out = new double[centroid.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = centroid[k] + coefficient * (centroid[k] - worst[k]);
    }
    return out;
  }

  private static double eval(ToDoubleFunction<double[]> f, double[] x) {
    double v = f.applyAsDouble(x);
    return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
  }

  static double maxAbsDiff(double[] x, double[] y) {
    double m = 0;
    for (int k = 0; k < x.length; k++) {
      m = Math.max(m, Math.abs(x[k] - y[k]));
    }
    return m;
  }
}
