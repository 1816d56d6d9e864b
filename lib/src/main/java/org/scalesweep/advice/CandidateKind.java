package org.scalesweep.advice;

import java.util.Locale;

/** What a candidate addition to a design does. */
public enum CandidateKind {
  /** More seed replicates of every configuration already on one rung (budget). */
  SEEDS,
  /**
   * New configurations on an existing rung, the missing widths of the grid rules whose noiseless
   * loss is nearest the rung's optimum (a narrower, better-placed curve).
   */
  CONFIGS_NARROW,
  /**
   * New configurations on an existing rung, the missing widths farthest from its optimum (a wider
   * curve: more curvature, so a better-placed vertex when the curve is too flat).
   */
  CONFIGS_WIDE,
  /** A new rung below the smallest budget (a longer lever arm for the slope, at little cost). */
  BUDGET_BELOW,
  /** A new rung above the largest budget. */
  BUDGET_ABOVE,
  /** More evaluation items per subgroup (costs evaluation FLOPs, not training). */
  ITEMS,
  /**
   * Ingested suites only: train again a configuration flagged off its IsoFLOP curve
   * ({@link FlagKind#OFF_CURVE}), with new seeds, as many as its rung has. The advisor's base design
   * leaves a flagged configuration out (its loss cannot be trusted), so a rerun restores it and is
   * scored like any candidate: the design with the configuration back against the design without it.
   */
  RERUN,
  /**
   * Ingested suites only: new configurations on a budget whose optimum the sampled sizes do not
   * bracket ({@link FlagKind#OPTIMUM_OUTSIDE}, {@link FlagKind#OPTIMUM_UNPLACED}), on the side where
   * the optimum lies: the grid rules' configurations of that budget beyond the largest (or below the
   * smallest) N trained there, nearest first.
   */
  EXTEND;

  /** The spelling in advice.parquet, e.g. {@code budget-below}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
