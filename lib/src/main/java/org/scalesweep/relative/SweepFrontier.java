package org.scalesweep.relative;

/**
 * One subgroup's losses along one sweep's own compute-optimal frontier, the input of an unpaired
 * contrast ({@link UnpairedScaling}). Arrays are indexed by the sweep's distinct budgets.
 *
 * @param sweep the sweep's name (a corpus, or a recipe / condition of ingested runs)
 * @param subgroup the subgroup whose loss is read at the frontier
 * @param budgets the sweep's distinct budgets F_j, ascending
 * @param logLoss ln E_g(F_j) at budget j's frontier vertex (NaN where the budget is unusable)
 * @param varianceFactor h_j: Var(ln E_g(F_j)) = σ²·h_j to first order, σ the relative noise of one
 *     configuration's loss (NaN where unusable); large where a budget has few configurations or its
 *     vertex sits near the edge of its sampled range
 */
public record SweepFrontier(String sweep, String subgroup, double[] budgets, double[] logLoss,
    double[] varianceFactor) implements java.io.Serializable {

  public SweepFrontier {
    if (budgets.length != logLoss.length || budgets.length != varianceFactor.length) {
      throw new IllegalArgumentException("sweep " + sweep + ": " + budgets.length + " budgets, " + logLoss.length
          + " log losses and " + varianceFactor.length + " variance factors must agree");
    }
    budgets = budgets.clone();
    logLoss = logLoss.clone();
    varianceFactor = varianceFactor.clone();
  }

  @Override
  public double[] budgets() {
    return budgets.clone();
  }

  @Override
  public double[] logLoss() {
    return logLoss.clone();
  }

  @Override
  public double[] varianceFactor() {
    return varianceFactor.clone();
  }

  /** Whether budget j has a usable frontier loss. */
  boolean usable(int j) {
    return Double.isFinite(logLoss[j]) && Double.isFinite(varianceFactor[j]);
  }
}
