package org.scalesweep.fit;

/** Residuals r(x) of a model against data, with their Jacobian. */
public interface ResidualModel {
  /** Number of parameters. */
  int parameters();

  /** Number of residuals (data points). */
  int size();

  /**
   * Writes r(x) into {@code residuals}; when {@code jacobian} is not null also ∂r_i/∂x_j into
   * {@code jacobian[i][j]}. The residuals must not depend on whether the Jacobian is asked for
   * ({@link LevenbergMarquardt} takes an accepted trial's residuals as the next point's).
   */
  void evaluate(double[] x, double[] residuals, double[][] jacobian);
}
