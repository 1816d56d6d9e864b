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
 * @param flags NOT_CONVEX, EXTRAPOLATED (x* outside the sampled sizes), TOO_FEW_POINTS, NOT_CONVERGED
 * @param standardError delta-method standard error of x* from the parabola's coefficient covariance
 *     (residual variance on points − 3 degrees of freedom); NaN when not estimable
 */
public record IsoFlopOptimum(double budget, double log10Optimum, double lossAtOptimum, double curvature, int points,
    Set<FitFlag> flags, double standardError) {

  public IsoFlopOptimum {
    flags = Set.copyOf(flags);
  }

  /** An optimum without a standard error. */
  public IsoFlopOptimum(double budget, double log10Optimum, double lossAtOptimum, double curvature, int points,
      Set<FitFlag> flags) {
    this(budget, log10Optimum, lossAtOptimum, curvature, points, flags, Double.NaN);
  }

  /** The optimal size 10^x*. */
  public double optimum() {
    return Math.pow(10, log10Optimum);
  }

  /** Usable for an allocation fit: a finite vertex of a convex parabola. */
  public boolean usable() {
    return Double.isFinite(log10Optimum) && !flags.contains(FitFlag.NOT_CONVEX) && !flags.contains(FitFlag.TOO_FEW_POINTS);
  }

  /**
   * Enters the allocation slope: usable and inside the sampled sizes. An optimum outside the range
   * is an extrapolation of the parabola, whose bias grows with the distance, so it is left out
   * (and the allocation flagged {@link FitFlag#EXTRAPOLATED}).
   */
  public boolean interior() {
    return usable() && !flags.contains(FitFlag.EXTRAPOLATED);
  }
}
