package org.scalesweep.fit;

/**
 * Outcome of one optimiser run.
 *
 * @param point the final parameters
 * @param value objective at {@code point}
 * @param gradientNorm ∞-norm of the gradient at {@code point}
 * @param iterations iterations taken
 * @param evaluations objective evaluations
 * @param convergence why it stopped
 */
public record OptimizationResult(
    double[] point, double value, double gradientNorm, int iterations, int evaluations, Convergence convergence) {

  public OptimizationResult {
    point = point.clone();
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  public boolean converged() {
    return convergence.converged();
  }
}
