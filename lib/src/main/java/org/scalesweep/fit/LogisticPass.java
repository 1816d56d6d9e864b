package org.scalesweep.fit;

/**
 * One pass over a data set of item rows (x = ln loss, y ∈ {0, 1}) at fixed coefficients: the
 * {@link LogisticSums} of every row at p = σ(a − b·x), typically built with a
 * {@link LogisticSumsAccumulator} per part of the data and merged. The data must not change between
 * passes. {@link ItemLogisticFitter} calls it once per Newton iterate (and per step halving).
 */
@FunctionalInterface
public interface LogisticPass {
  /** The sums of every row at coefficients (a, b). */
  LogisticSums at(double a, double b);
}
