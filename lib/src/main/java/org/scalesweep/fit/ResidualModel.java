package org.scalesweep.fit;

/** Residuals r(x) of a model against data, with their Jacobian. */
public interface ResidualModel {
  /** Number of parameters. */
  int parameters();

  /** Number of residuals (data points). */
  int size();

  /**
   * Writes r(x) into {@code residuals}; when {@code jacobian} is not null also ∂r_i/∂x_j into
   * {@code jacobian[i][j]}.
   */
  void evaluate(double[] x, double[] residuals, double[][] jacobian);
}
