package org.scalesweep.relative;

import java.util.List;

/**
 * Compute-optimal points of one corpus: per budget, the vertex of the frontier subgroup's IsoFLOP
 * parabola in log10 tokens (and in log10 params), and every subgroup's loss there (its own
 * parabola in log10 tokens evaluated at the frontier's D*).
 *
 * @param budgets distinct budgets, increasing
 * @param log10Tokens log10 D* per budget, clamped into the budget's sampled token range (NaN when the
 *     budget is unusable)
 * @param log10Params log10 N* per budget from the parabola in log10 N (NaN when not convex)
 * @param extrapolated per budget, whether the parabola's vertex lay outside the sampled range (and was
 *     clamped to its edge)
 * @param usable per budget, whether D* exists (≥ 3 distinct sizes, convex parabola)
 * @param subgroups subgroup names
 * @param lossAtOptimum [subgroup][budget] loss at D*, NaN where unusable
 */
public record Frontier(double[] budgets, double[] log10Tokens, double[] log10Params, boolean[] extrapolated,
    boolean[] usable, List<String> subgroups, double[][] lossAtOptimum) {

  /** Number of usable budgets. */
  public int usableBudgets() {
    int k = 0;
    for (boolean u : usable) {
      if (u) {
        k++;
      }
    }
    return k;
  }
}
