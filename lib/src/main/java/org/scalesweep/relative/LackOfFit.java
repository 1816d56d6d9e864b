package org.scalesweep.relative;

import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Does the relative law γ·(F/F_ref)^Δβ describe a contrast across budgets? An F-test of the
 * per-budget log-ratios at the frontier around their fitted line against the within-budget noise.
 *
 * <p>Per usable budget j with K_j runs: the runs' log-ratios y_r = ln(ℓ_t,r/ℓ_b,r) get the same
 * quadratic in log10 D that the estimator fits to each subgroup's IsoFLOP curve; its value at the
 * frontier's D*_j is ŷ_j, with variance σ²·h_j (h_j = x₀ᵀ(XᵀX)⁻¹x₀, the leverage of D*_j), and its
 * residual sum of squares RSS_j has K_j − 3 degrees of freedom. Under the relative law (and
 * independent Gaussian run noise of one variance σ²), ŷ_j = ln γ + Δβ·ln F_j + e_j with
 * e_j ~ N(0, σ²h_j) independent of the residuals, so with the weighted least-squares line of ŷ_j on
 * ln F_j (weights 1/h_j)
 *
 * <pre>
 *   F = [Σ_j (ŷ_j − â − b̂·ln F_j)² / h_j / (J − 2)] / [Σ_j RSS_j / Σ_j (K_j − 3)]
 * </pre>
 *
 * follows F(J − 2, Σ_j (K_j − 3)). Large F: the budgets' log-ratios scatter around the line more
 * than the runs within a budget can explain — a curved relative curve (a subgroup with its own
 * irreducible loss or exponents), budget × subgroup shocks, or mis-tuned rungs. The test needs
 * J ≥ 3 usable budgets and at least one within-budget degree of freedom; otherwise it is NaN.
 * Approximate where run noise is correlated within a budget or its variance changes with compute
 * (heteroscedastic seed noise), both of which the pooled σ² ignores.
 *
 * @param statistic F
 * @param budgetDf J − 2
 * @param residualDf Σ_j (K_j − 3)
 * @param pValue P(F(J − 2, Σ(K_j − 3)) ≥ statistic), NaN when untestable
 */
public record LackOfFit(double statistic, int budgetDf, int residualDf, double pValue) implements java.io.Serializable {

  /** Untestable (too few budgets or no within-budget degrees of freedom). */
  public static final LackOfFit UNTESTABLE = new LackOfFit(Double.NaN, 0, 0, Double.NaN);

  /** Whether the relative law is rejected at level alpha (never when untestable). */
  public boolean rejects(double alpha) {
    return Double.isFinite(pValue) && pValue < alpha;
  }

  /** The test of one contrast on a corpus's runs, at the runs' full-sample frontier. */
  public static LackOfFit of(CorpusRuns runs, Contrast contrast) {
    RelativeScaling rs = new RelativeScaling(runs, java.util.List.of(contrast));
    return of(runs, contrast, rs.frontier());
  }

  /** The test of one contrast at a given frontier (one frontier serves every contrast of a corpus). */
  public static LackOfFit of(CorpusRuns runs, Contrast contrast, Frontier frontier) {
    double[] t = runs.lossRow(runs.subgroupIndex(contrast.treatment()));
    double[] b = runs.lossRow(runs.subgroupIndex(contrast.baseline()));
    double[] budgets = frontier.budgets();
    int jn = budgets.length;
    double[] yHat = new double[jn];
    double[] lev = new double[jn];
    boolean[] ok = new boolean[jn];
    double rss = 0;
    int df = 0;
    int usable = 0;
    for (int j = 0; j < jn; j++) {
      if (!frontier.usable()[j]) {
        continue;
      }
      // the budget's runs, centred at their mean log10 D
      int k = 0;
      double shift = 0;
      for (int r = 0; r < runs.runs(); r++) {
        if (runs.budgetAt(r) == budgets[j]) {
          shift += Math.log10(runs.tokensAt(r));
          k++;
        }
      }
      if (k < 3) {
        continue;
      }
      shift /= k;
      double[][] xtx = new double[3][3];
      double[] xty = new double[3];
      for (int r = 0; r < runs.runs(); r++) {
        if (runs.budgetAt(r) == budgets[j]) {
          double x = Math.log10(runs.tokensAt(r)) - shift;
          double y = Math.log(t[r] / b[r]);
          double[] row = {1, x, x * x};
          for (int p = 0; p < 3; p++) {
            xty[p] += row[p] * y;
            for (int q = 0; q < 3; q++) {
              xtx[p][q] += row[p] * row[q];
            }
          }
        }
      }
      double[][] inv = invert3(xtx);
      if (inv == null) {
        continue;
      }
      double[] coef = new double[3];
      for (int p = 0; p < 3; p++) {
        for (int q = 0; q < 3; q++) {
          coef[p] += inv[p][q] * xty[q];
        }
      }
      double res = 0;
      for (int r = 0; r < runs.runs(); r++) {
        if (runs.budgetAt(r) == budgets[j]) {
          double x = Math.log10(runs.tokensAt(r)) - shift;
          double e = Math.log(t[r] / b[r]) - (coef[0] + coef[1] * x + coef[2] * x * x);
          res += e * e;
        }
      }
      double u = frontier.log10Tokens()[j] - shift;
      double[] x0 = {1, u, u * u};
      double h = 0;
      for (int p = 0; p < 3; p++) {
        for (int q = 0; q < 3; q++) {
          h += x0[p] * inv[p][q] * x0[q];
        }
      }
      yHat[j] = coef[0] + coef[1] * u + coef[2] * u * u;
      lev[j] = h;
      ok[j] = h > 0 && Double.isFinite(yHat[j]);
      if (ok[j]) {
        usable++;
        rss += res;
        df += k - 3;
      }
    }
    if (usable < 3 || df < 1 || !(rss / df > 1e-20)) { // σ below 1e-10: no noise to test against
      return UNTESTABLE;
    }
    // weighted least-squares line of ŷ_j on ln F_j, weights 1/h_j
    double sw = 0;
    double sx = 0;
    double sy = 0;
    for (int j = 0; j < jn; j++) {
      if (ok[j]) {
        double w = 1 / lev[j];
        double x = Math.log(budgets[j]);
        sw += w;
        sx += w * x;
        sy += w * yHat[j];
      }
    }
    double mx = sx / sw;
    double my = sy / sw;
    double sxx = 0;
    double sxy = 0;
    for (int j = 0; j < jn; j++) {
      if (ok[j]) {
        double w = 1 / lev[j];
        double dx = Math.log(budgets[j]) - mx;
        sxx += w * dx * dx;
        sxy += w * dx * (yHat[j] - my);
      }
    }
    double slope = sxy / sxx;
    double lackSs = 0;
    for (int j = 0; j < jn; j++) {
      if (ok[j]) {
        double e = yHat[j] - my - slope * (Math.log(budgets[j]) - mx);
        lackSs += e * e / lev[j];
      }
    }
    int df1 = usable - 2;
    double f = (lackSs / df1) / (rss / df);
    double p = FDistribution.of(df1, df).survivalProbability(f);
    return new LackOfFit(f, df1, df, p);
  }

  /** Inverse of a symmetric 3×3 matrix by cofactors, or null when (nearly) singular. */
  private static double[][] invert3(double[][] m) {
    double a = m[0][0];
    double b = m[0][1];
    double c = m[0][2];
    double d = m[1][0];
    double e = m[1][1];
    double f = m[1][2];
    double g = m[2][0];
    double h = m[2][1];
    double i = m[2][2];
    double c00 = e * i - f * h;
    double c01 = -(d * i - f * g);
    double c02 = d * h - e * g;
    double det = a * c00 + b * c01 + c * c02;
    double scale = Math.abs(a) * Math.abs(e) * Math.abs(i);
    if (!(Math.abs(det) > 1e-12 * scale)) {
      return null;
    }
    return new double[][] {
        {c00 / det, -(b * i - c * h) / det, (b * f - c * e) / det},
        {c01 / det, (a * i - c * g) / det, -(a * f - c * d) / det},
        {c02 / det, -(a * h - b * g) / det, (a * e - b * d) / det}};
  }
}
