package org.scalesweep.relative;

import java.util.List;

/**
 * The unpaired Δβ test: one subgroup compared between two separately trained sweeps.
 *
 * <p>Each sweep's compute-optimal frontier and E_g(F) are fitted on its own runs
 * ({@link RelativeScaling#sweepFrontier}). The per-budget Δ at a budget F_j both sweeps trained is
 * r_j = ln E_t(F_j) − ln E_b(F_j), the difference of the two sweeps' frontier losses there; Δβ̂ is
 * the slope of r_j on ln F_j (Δβ = β_b − β_t for power laws E = α·F^−β), by weighted least squares
 * with weights 1/(h_b,j + h_t,j) (budget-wls) or equal weights (budget-t).
 *
 * <p>Reference distribution: the sweeps share no runs, so ln E_b(F_j) and ln E_t(F_j) are
 * independent and, to first order, Var(r_j) = σ²·(h_b,j + h_t,j) when a configuration's loss
 * carries the same relative noise σ in both sweeps (same noise model and seeds per configuration);
 * the budgets are distinct runs, so the r_j are independent. Weighted least squares with these
 * weights and σ² re-estimated from the weighted residuals gives a t statistic with an exact
 * t(m − 2) reference under normal errors, m the common budgets. Differences of the two curves' shapes
 * that are not a power law in F enter the residuals (the test is then conservative, not biased),
 * and where the two sweeps sample the frontier at different configurations the parabola vertices
 * differ slightly even under equal truths: {@code calibrate --unpaired} measures that on grids
 * that differ. Budgets only one sweep trained carry no difference and are left out (counted in the
 * estimate); fewer than 3 common budgets make the contrast not estimable.
 */
public final class UnpairedScaling {
  private UnpairedScaling() {}

  /** The frontier losses of {@code subgroup} on one sweep's own runs. */
  public static SweepFrontier frontier(CorpusRuns sweep, String subgroup) {
    return new RelativeScaling(sweep, List.of()).sweepFrontier(subgroup);
  }

  /** The unpaired estimate of {@code subgroup} between two sweeps' runs (weighted: budget-wls). */
  public static UnpairedEstimate estimate(CorpusRuns baseline, CorpusRuns treatment, String subgroup,
      boolean weighted) {
    return estimate(frontier(baseline, subgroup), frontier(treatment, subgroup), weighted);
  }

  /**
   * The unpaired estimate from two sweeps' frontiers of the same subgroup. Budgets are matched when
   * they agree to a relative 1e-9.
   *
   * @param weighted weights 1/(h_b,j + h_t,j) (budget-wls); false: equal weights (budget-t). When
   *     some common budget lacks a finite positive factor, all are weighted equally.
   */
  public static UnpairedEstimate estimate(SweepFrontier baseline, SweepFrontier treatment, boolean weighted) {
    if (!baseline.subgroup().equals(treatment.subgroup())) {
      throw new IllegalArgumentException("unpaired contrast compares one subgroup, got '" + baseline.subgroup()
          + "' and '" + treatment.subgroup() + "'");
    }
    UnpairedContrast contrast = new UnpairedContrast(baseline.subgroup(), baseline.sweep(), treatment.sweep());
    double[] fb = baseline.budgets();
    double[] ft = treatment.budgets();
    double[] eb = baseline.logLoss();
    double[] et = treatment.logLoss();
    double[] hb = baseline.varianceFactor();
    double[] ht = treatment.varianceFactor();
    double[] x = new double[fb.length];
    double[] y = new double[fb.length];
    double[] w = new double[fb.length];
    boolean[] matchedT = new boolean[ft.length];
    int m = 0;
    boolean positive = true;
    int baselineOnly = 0;
    for (int j = 0; j < fb.length; j++) {
      int k = match(ft, fb[j]);
      if (k >= 0) {
        matchedT[k] = true;
      }
      if (!baseline.usable(j)) {
        continue;
      }
      if (k < 0 || !treatment.usable(k)) {
        baselineOnly++;
        continue;
      }
      m++;
      x[j] = Math.log(fb[j]);
      y[j] = et[k] - eb[j];
      double h = hb[j] + ht[k];
      w[j] = weighted ? 1 / h : 1;
      positive &= w[j] > 0 && Double.isFinite(w[j]);
    }
    int treatmentOnly = 0;
    for (int k = 0; k < ft.length; k++) {
      if (treatment.usable(k) && (!matchedT[k] || !baseline.usable(match(fb, ft[k])))) {
        treatmentOnly++;
      }
    }
    double betaB = ownBeta(baseline);
    double betaT = ownBeta(treatment);
    if (m < 3) {
      return new UnpairedEstimate(contrast, Double.NaN, Double.NaN, 0, Double.NaN, betaB, betaT, m, baselineOnly,
          treatmentOnly);
    }
    if (!positive) {
      for (int j = 0; j < w.length; j++) {
        w[j] = w[j] != 0 ? 1 : 0;
      }
    }
    WeightedLine line = WeightedLine.fit(x, y, w);
    double se = Math.sqrt(line.residualVariance() / line.sxx());
    return new UnpairedEstimate(contrast, line.slope(), se, m - 2, Math.exp(line.intercept()), betaB, betaT, m,
        baselineOnly, treatmentOnly);
  }

  /** β of the subgroup's power law by OLS of ln E on ln F over one sweep's usable budgets (NaN below 2). */
  private static double ownBeta(SweepFrontier s) {
    double[] f = s.budgets();
    double[] e = s.logLoss();
    double[] x = new double[f.length];
    double[] w = new double[f.length];
    int n = 0;
    for (int j = 0; j < f.length; j++) {
      if (s.usable(j)) {
        x[j] = Math.log(f[j]);
        w[j] = 1;
        n++;
      } else {
        e[j] = 0;
      }
    }
    return n < 2 ? Double.NaN : -WeightedLine.fit(x, e, w).slope();
  }

  private static int match(double[] budgets, double f) {
    for (int k = 0; k < budgets.length; k++) {
      if (Math.abs(budgets[k] - f) <= 1e-9 * Math.abs(f)) {
        return k;
      }
    }
    return -1;
  }
}
