package io.rapport.scoring.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Shared maximum-likelihood driver: Nelder-Mead over log-parameters (made dimensionless by the
 * caller) from several starts, each restarted until it stops moving, with convergence and boundary
 * checks.
 */
final class MaximumLikelihood {

  /** The optimizer's domain: dimensionless log-parameters within ±25 (about 1e-11 to 7e10). */
  static final double DOMAIN = 25;

  /**
   * Estimates outside 1e-6..1e6 (dimensionless) are boundary solutions: the likelihood keeps rising
   * towards a limit of the model (no drop-out, homogeneous rates, no spend heterogeneity) rather
   * than peaking, and the "estimates" are arbitrary points on a ridge.
   */
  static final double LIMIT = Math.log(1e6);

  private MaximumLikelihood() {}

  /** NaN outside the domain, so the optimizer treats it as +infinity. */
  static boolean inDomain(double[] logParams) {
    for (double v : logParams) {
      if (!(Math.abs(v) < DOMAIN)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The log-parameters maximizing {@code logLikelihood}, which must return NaN or -infinity where
   * undefined.
   *
   * @param model the model's name for messages
   * @param names the parameters' names for messages
   * @param describe turns log-parameters into a readable parameter list for messages
   * @throws IllegalStateException if no start converges or the best point is on the boundary
   */
  static double[] maximize(
      String model,
      String[] names,
      ToDoubleFunction<double[]> logLikelihood,
      double[][] starts,
      Function<double[], String> describe) {
    NelderMead optimizer = new NelderMead(0.5, 1e-7, 1e-13, 20_000);
    NelderMead.Result best = null;
    for (double[] start : starts) {
      NelderMead.Result result =
          optimizer.minimizeWithRestarts(
              p -> inDomain(p) ? -logLikelihood.applyAsDouble(p) : Double.NaN, start, 20);
      if (result.converged && (best == null || result.value < best.value)) {
        best = result;
      }
    }
    if (best == null || !Double.isFinite(best.value)) {
      throw new IllegalStateException(
          model + " fit did not converge from any of " + starts.length + " starting points");
    }
    List<String> offBounds = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (Math.abs(best.point[i]) > LIMIT) {
        offBounds.add(names[i] + (best.point[i] > 0 ? " -> infinity" : " -> 0"));
      }
    }
    if (!offBounds.isEmpty()) {
      throw new IllegalStateException(
          model
              + " maximum likelihood is on the boundary of the parameter space ("
              + String.join(", ", offBounds)
              + "; at "
              + describe.apply(best.point)
              + ", log-likelihood "
              + -best.value
              + "): the data do not identify the model (too few customers, or a limiting case"
              + " such as no sign of drop-out or identical rates/spends)");
    }
    return best.point;
  }
}
