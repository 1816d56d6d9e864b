package org.scalesweep.fit;

/** Why a fit's estimates should not be taken at face value. Flags travel with every result. */
public enum FitFlag {
  /** Fewer points with positive weight than the law has parameters (e.g. in a sparse resample). */
  TOO_FEW_POINTS,
  /** No start reached a convergence criterion; the estimate is the best point found. */
  NOT_CONVERGED,
  /** An estimate sits at the edge of its admissible domain (exponent ≤ 0 or runaway, floor → 0). */
  BOUNDARY,
  /** The data cannot identify the parameters: constant x or y, rank-deficient design. */
  DEGENERATE,
  /** A parabola opens downward, so it has no minimum. */
  NOT_CONVEX,
  /** An optimum lies outside the range of the data it came from. */
  EXTRAPOLATED
}
