package org.scalesweep.fit;

/** An objective with its gradient. */
public interface DifferentiableFunction {
  /** Number of variables. */
  int dimension();

  /** f(x); writes ∇f(x) into {@code gradient}. May return +∞ or NaN outside its domain. */
  double evaluate(double[] x, double[] gradient);
}
