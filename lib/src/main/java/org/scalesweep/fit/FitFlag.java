package org.scalesweep.fit;

/**
 * Why an estimate should not be taken at face value: the one set of flags of every output table
 * (fits, significance, crossovers). Flags travel with every result; a table writes them
 * lower-case ({@link #key()}), comma-separated, in an empty string when clean.
 */
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
  EXTRAPOLATED,
  /** Fewer than 90% of the bootstrap resamples were estimable ({@code BootstrapSummary.unstable}). */
  UNSTABLE,
  /** Observations the input had were left out (non-finite or non-positive values) before fitting. */
  DROPPED_POINTS,
  /** The full-sample estimate itself is not finite. */
  NOT_ESTIMABLE,
  /** A subgroup the estimate needs has no runs on this corpus. */
  NO_DATA,
  /** An item-resampling scheme was chosen, but a subgroup has no item-level data. */
  NO_ITEMS,
  /**
   * The relative law γ·F^Δβ does not describe a contrast across budgets: its lack-of-fit F-test
   * ({@code relative.LackOfFit}) rejects at the study's α, so Δβ is an average slope over the studied budgets.
   */
  LACK_OF_FIT;

  /** The flag as written in tables: its name in lower case, e.g. {@code too_few_points}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
