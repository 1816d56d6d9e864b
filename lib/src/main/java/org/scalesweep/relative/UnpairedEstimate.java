package org.scalesweep.relative;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * An unpaired contrast's estimate and its t test ({@link UnpairedScaling}).
 *
 * @param contrast the contrast
 * @param deltaBeta Δβ̂ = β_b − β_t: slope of the per-budget differences ln E_t − ln E_b on ln F
 *     (positive: the subgroup's loss falls more slowly on the treatment sweep)
 * @param standardError its standard error from the budget-level regression
 * @param df residual degrees of freedom, common budgets − 2 (0: not estimable)
 * @param gamma exp of the difference line's intercept at ln F = 0 (α_t/α_b of the two power laws)
 * @param betaBaseline β of the subgroup's power law fitted on the baseline sweep's own usable budgets
 * @param betaTreatment the same on the treatment sweep
 * @param commonBudgets budgets usable in both sweeps (the points of the test)
 * @param baselineOnly usable budgets only the baseline sweep has (not in the test)
 * @param treatmentOnly usable budgets only the treatment sweep has (not in the test)
 */
public record UnpairedEstimate(UnpairedContrast contrast, double deltaBeta, double standardError, int df, double gamma,
    double betaBaseline, double betaTreatment, int commonBudgets, int baselineOnly, int treatmentOnly)
    implements java.io.Serializable {

  /** Whether the data give Δβ̂ and its standard error (at least 3 common budgets, positive SE). */
  public boolean estimable() {
    return df > 0 && Double.isFinite(deltaBeta) && standardError > 0 && Double.isFinite(standardError);
  }

  /** Δβ̂/SE (NaN when not estimable). */
  public double tStatistic() {
    return estimable() ? deltaBeta / standardError : Double.NaN;
  }

  /** Two-sided p-value of Δβ = 0 against t(df) (NaN when not estimable). */
  public double pValue() {
    if (!estimable()) {
      return Double.NaN;
    }
    return 2 * TDistribution.of(df).survivalProbability(Math.abs(tStatistic()));
  }

  /** Lower end of the two-sided t interval Δβ̂ ± t_{df,(1+level)/2}·SE. */
  public double low(double level) {
    return estimable() ? deltaBeta - quantile(level) * standardError : Double.NaN;
  }

  /** Upper end of the two-sided t interval. */
  public double high(double level) {
    return estimable() ? deltaBeta + quantile(level) * standardError : Double.NaN;
  }

  private double quantile(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), got " + level);
    }
    return TDistribution.of(df).inverseCumulativeProbability((1 + level) / 2);
  }
}
