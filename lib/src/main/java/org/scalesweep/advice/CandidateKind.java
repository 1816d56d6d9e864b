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
  ITEMS;

  /** The spelling in advice.parquet, e.g. {@code budget-below}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
