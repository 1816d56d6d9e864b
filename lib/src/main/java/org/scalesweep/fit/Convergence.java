package org.scalesweep.fit;

/** Why an iterative optimiser stopped. */
public enum Convergence {
  /** The gradient norm fell below its tolerance. */
  GRADIENT(true),
  /** The objective stopped decreasing by more than its relative tolerance. */
  FUNCTION_CHANGE(true),
  /** Steps became negligible relative to the parameters. */
  STEP(true),
  /** The iteration limit was reached first. */
  MAX_ITERATIONS(false),
  /** No step along the search direction decreased the objective enough. */
  LINE_SEARCH_FAILED(false),
  /** The objective or gradient was not finite at the start. */
  NON_FINITE(false);

  private final boolean converged;

  Convergence(boolean converged) {
    this.converged = converged;
  }

  /** True for the stopping reasons that mean a (local) optimum was reached. */
  public boolean converged() {
    return converged;
  }
}
