package org.scalesweep.fit;

import java.util.Set;

/**
 * The minimum of one IsoFLOP curve (Approach 2).
 *
 * @param budget the curve's compute budget
 * @param log10Optimum x* of the parabola in log10 of the swept size (tokens or params)
 * @param lossAtOptimum the parabola's value at x*
 * @param curvature c2 of the parabola (per decade²)
 * @param points points with positive weight
 * @param flags NOT_CONVEX, EXTRAPOLATED, TOO_FEW_POINTS
 */
public record IsoFlopOptimum(double budget, double log10Optimum, double lossAtOptimum, double curvature, int points,
    Set<FitFlag> flags) {

  public IsoFlopOptimum {
    flags = Set.copyOf(flags);
  }

  /** The optimal size 10^x*. */
  public double optimum() {
    return Math.pow(10, log10Optimum);
  }

  /** Usable for an allocation fit: a finite vertex of a convex parabola. */
  public boolean usable() {
    return Double.isFinite(log10Optimum) && !flags.contains(FitFlag.NOT_CONVEX) && !flags.contains(FitFlag.TOO_FEW_POINTS);
  }
}
