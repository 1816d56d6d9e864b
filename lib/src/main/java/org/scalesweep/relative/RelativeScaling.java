package org.scalesweep.relative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.LineSums;
import org.scalesweep.fit.PowerLawFitter;
import org.scalesweep.fit.QuadraticSums;
import org.scalesweep.law.PowerLaw;

/**
 * The relative-scaling statistic of one corpus (seed 003): compute-optimal frontier per budget,
 * E_g(F) = α_g·F^−β_g per subgroup by OLS on logs along the frontier, then Δβ and γ per contrast.
 *
 * <p>Built once per corpus and reused for every bootstrap resample: a resample supplies run
 * weights (cluster scheme) and/or replaced subgroup values (item scheme) and costs
 * O(subgroups × runs) with no allocation. Not thread-safe: use one instance per task.
 */
public final class RelativeScaling {
  /** Statistics per contrast in {@link #evaluateInto}: Δβ, γ, β_b, β_t. */
  public static final int PER_CONTRAST = 4;

  private final CorpusRuns runs;
  private final List<Contrast> contrasts;
  private final int[] baselineIdx;
  private final int[] treatmentIdx;
  private final double[] budgets;
  private final int[] budgetOf;
  private final double[] log10D;
  private final double[] log10N;
  private final double[] logBudgets;
  private final BudgetParabolas tokenParabolas;
  private final QuadraticSums[] paramSums;
  private final int frontierIdx;
  private final double[] coef = new double[3];
  private final double[] vertex;
  private final double[] rawVertex;
  private final double[] lnE;
  private final double[] fittedAlpha;
  private final double[] fittedBeta;
  private final LineSums line;
  private final boolean[] needed;
  /** ln E of every needed subgroup per budget at the last evaluation's vertices. */
  private final double[][] lnEOf;

  public RelativeScaling(CorpusRuns runs, List<Contrast> contrasts) {
    this.runs = runs;
    this.contrasts = List.copyOf(contrasts);
    int c = contrasts.size();
    baselineIdx = new int[c];
    treatmentIdx = new int[c];
    int groups = runs.subgroups().size();
    needed = new boolean[groups];
    for (int k = 0; k < c; k++) {
      baselineIdx[k] = runs.subgroupIndex(contrasts.get(k).baseline());
      treatmentIdx[k] = runs.subgroupIndex(contrasts.get(k).treatment());
      needed[baselineIdx[k]] = true;
      needed[treatmentIdx[k]] = true;
    }
    frontierIdx = runs.subgroupIndex(runs.frontierSubgroup());
    budgets = runs.distinctBudgets();
    int n = runs.runs();
    budgetOf = new int[n];
    log10D = new double[n];
    log10N = new double[n];
    double[] meanD = new double[budgets.length];
    double[] meanN = new double[budgets.length];
    int[] count = new int[budgets.length];
    for (int r = 0; r < n; r++) {
      budgetOf[r] = Arrays.binarySearch(budgets, runs.budgetAt(r));
      log10D[r] = Math.log10(runs.tokensAt(r));
      log10N[r] = Math.log10(runs.paramsAt(r));
      meanD[budgetOf[r]] += log10D[r];
      meanN[budgetOf[r]] += log10N[r];
      count[budgetOf[r]]++;
    }
    double[] tokenShift = new double[budgets.length];
    paramSums = new QuadraticSums[budgets.length];
    logBudgets = new double[budgets.length];
    for (int j = 0; j < budgets.length; j++) {
      tokenShift[j] = meanD[j] / count[j];
      paramSums[j] = new QuadraticSums(meanN[j] / count[j]);
      logBudgets[j] = Math.log(budgets[j]);
    }
    tokenParabolas = new BudgetParabolas(budgetOf, log10D, tokenShift);
    vertex = new double[budgets.length];
    rawVertex = new double[budgets.length];
    lnE = new double[budgets.length];
    fittedAlpha = new double[groups];
    fittedBeta = new double[groups];
    line = new LineSums(Math.log(budgets[0]));
    lnEOf = new double[groups][budgets.length];
  }

  public CorpusRuns runs() {
    return runs;
  }

  public List<Contrast> contrasts() {
    return contrasts;
  }

  /** Number of values {@link #evaluateInto} writes. */
  public int statistics() {
    return contrasts.size() * PER_CONTRAST;
  }

  /**
   * Evaluates every contrast under run weights (null = all 1) and subgroup values (null = the
   * observed losses; else [subgroup][run]). Writes Δβ, γ, β_b, β_t per contrast into {@code out}
   * (NaN where not estimable) and returns the number of usable budgets.
   */
  public int evaluateInto(double[] runWeights, double[][] values, double[] out) {
    int usable = frontierVertices(runWeights, values, null);
    for (int g = 0; g < needed.length; g++) {
      if (needed[g]) {
        fitSubgroup(g, values);
      }
    }
    for (int k = 0; k < contrasts.size(); k++) {
      double bb = fittedBeta[baselineIdx[k]];
      double bt = fittedBeta[treatmentIdx[k]];
      out[k * PER_CONTRAST] = bb - bt;
      out[k * PER_CONTRAST + 1] = fittedAlpha[treatmentIdx[k]] / fittedAlpha[baselineIdx[k]];
      out[k * PER_CONTRAST + 2] = bb;
      out[k * PER_CONTRAST + 3] = bt;
    }
    return usable;
  }

  /**
   * After an evaluation: per contrast, the standard error of Δβ from the budget-level regression
   * it is (the OLS slope of the per-budget log-ratios r_j = ln E_t − ln E_b on ln F_j), s/√Sxx with
   * s² the residual variance on (budgets − 2) degrees of freedom, into {@code se}, and the degrees
   * of freedom into {@code df} (NaN and 0 with fewer than 3 budgets usable by both subgroups).
   */
  public void budgetStandardErrors(double[] se, int[] df) {
    budgetStandardErrors(se, df, false);
  }

  /**
   * As above; {@code robust}: the HC2 sandwich √(Σ (x_j − x̄)²·e_j²/(1 − h_j)) / Sxx instead,
   * which stays consistent when the budgets' errors differ in variance (few configurations at the
   * smallest budget, the one with the most leverage).
   */
  void budgetStandardErrors(double[] se, int[] df, boolean robust) {
    double[] w = new double[budgets.length];
    double[] y = new double[budgets.length];
    for (int k = 0; k < contrasts.size(); k++) {
      double[] eb = lnEOf[baselineIdx[k]];
      double[] et = lnEOf[treatmentIdx[k]];
      for (int j = 0; j < budgets.length; j++) {
        boolean usable = Double.isFinite(eb[j]) && Double.isFinite(et[j]);
        w[j] = usable ? 1 : 0;
        y[j] = usable ? et[j] - eb[j] : 0;
      }
      WeightedLine line = WeightedLine.fit(logBudgets, y, w);
      int n = line.n();
      if (n < 3) {
        se[k] = Double.NaN;
        df[k] = 0;
        continue;
      }
      double sxx = line.sxx();
      double meat = 0;
      for (int j = 0; robust && j < budgets.length; j++) {
        if (w[j] > 0) {
          double dx = logBudgets[j] - line.meanX();
          double e = y[j] - line.meanY() - line.slope() * dx;
          meat += dx * dx * e * e / (1 - (1.0 / n + dx * dx / sxx));
        }
      }
      se[k] = robust ? Math.sqrt(meat) / sxx : Math.sqrt(line.residualVariance() / sxx);
      df[k] = n - 2;
    }
  }

  /**
   * After an evaluation: per contrast, the weighted least-squares slope of the per-budget
   * log-ratios r_j = ln E_t − ln E_b on ln F_j into {@code slope}, its standard error
   * s_w/√Σw_j(x_j − x̄_w)² (s_w² = Σw_j·e_j²/(n − 2), the weighted residual variance) into
   * {@code se}, and n − 2 into {@code df}. Budget j's weight is 1/h_j, h_j = a·(XᵀWX)⁻¹·a the
   * variance factor of its IsoFLOP parabola at the frontier vertex (a = (1, u, u²), u the vertex in
   * the parabola's centred log10 D): to first order r_j is that parabola through the per-run loss
   * ratios, so Var(r_j) = σ²·h_j when every configuration's loss carries the same relative noise σ
   * (same seeds, multiplicative noise). h_j is large where a budget has few configurations or its
   * vertex lies near the edge of its sampled range — the budgets that make the unweighted
   * {@link #budgetStandardErrors} test over-reject. σ² is re-estimated from the weighted residuals,
   * so under normal errors with these variances the t statistic has exactly a t(n − 2) reference.
   * (Per-budget variance estimates from the residual scatter were tried and rejected: with seed
   * averages a curve has only configurations − 3 residual degrees of freedom, 2 at the smallest
   * budget, and the noisy weights rejected 11% of true nulls on the 7-budget test study.) A budget
   * without a finite positive h_j makes the contrast's budgets equally weighted (OLS). NaN and 0 with
   * fewer than 3 budgets usable by both subgroups.
   */
  public void budgetWeighted(double[] slope, double[] se, int[] df) {
    double[] w = new double[budgets.length];
    for (int k = 0; k < contrasts.size(); k++) {
      double[] eb = lnEOf[baselineIdx[k]];
      double[] et = lnEOf[treatmentIdx[k]];
      int m = 0;
      boolean weighted = true;
      for (int j = 0; j < budgets.length; j++) {
        w[j] = 0;
        if (Double.isFinite(eb[j]) && Double.isFinite(et[j])) {
          m++;
          double h = tokenParabolas.predictionFactor(j, vertex[j] - tokenParabolas.shift(j));
          w[j] = 1 / h;
          weighted &= h > 0 && Double.isFinite(w[j]);
        }
      }
      if (m < 3) {
        slope[k] = Double.NaN;
        se[k] = Double.NaN;
        df[k] = 0;
        continue;
      }
      double[] y = new double[budgets.length];
      for (int j = 0; j < budgets.length; j++) {
        if (Double.isFinite(eb[j]) && Double.isFinite(et[j])) {
          w[j] = weighted ? w[j] : 1;
          y[j] = et[j] - eb[j];
        }
      }
      WeightedLine line = WeightedLine.fit(logBudgets, y, w);
      slope[k] = line.slope();
      se[k] = Math.sqrt(line.residualVariance() / line.sxx());
      df[k] = m - 2;
    }
  }

  /**
   * After an evaluation: the crossover set of contrasts k1 and k2 (same baseline) from the weighted
   * budget-level regression {@link #budgetWeighted} uses. The per-budget log-ratio of the two
   * treatments, s_j = ln E_t1 − ln E_t2 = ln(γ1/γ2) − (Δβ2 − Δβ1)·ln F_j, is fitted by weighted
   * least squares (weights 1/h_j; {@code weighted} false: equal weights, as budget-t); its
   * intercept and slope give a = log10(γ1/γ2) and d = Δβ2 − Δβ1 with their covariance
   * s_w²·(XᵀWX)⁻¹, and the Fieller set {x : (a − x·d)² ≤ t²·Var(a − x·d)} uses the t(n − 2)
   * quantile. Not estimable with fewer than 3 budgets usable by both treatments.
   */
  public CrossoverSet budgetCrossoverSet(int k1, int k2, boolean weighted, double level) {
    if (baselineIdx[k1] != baselineIdx[k2]) {
      throw new IllegalArgumentException("a crossover needs a common baseline, got contrasts " + contrasts.get(k1)
          + " and " + contrasts.get(k2));
    }
    double[] e1 = lnEOf[treatmentIdx[k1]];
    double[] e2 = lnEOf[treatmentIdx[k2]];
    double[] w = new double[budgets.length];
    int m = 0;
    boolean allPositive = true;
    for (int j = 0; j < budgets.length; j++) {
      if (Double.isFinite(e1[j]) && Double.isFinite(e2[j])) {
        m++;
        double h = tokenParabolas.predictionFactor(j, vertex[j] - tokenParabolas.shift(j));
        w[j] = weighted ? 1 / h : 1;
        allPositive &= w[j] > 0 && Double.isFinite(w[j]);
      }
    }
    if (m < 3) {
      return new CrossoverSet(CrossoverSet.Shape.NOT_ESTIMABLE, Double.NaN, Double.NaN);
    }
    double[] y = new double[budgets.length];
    for (int j = 0; j < budgets.length; j++) {
      if (Double.isFinite(e1[j]) && Double.isFinite(e2[j])) {
        w[j] = allPositive ? w[j] : 1;
        y[j] = e1[j] - e2[j];
      } else {
        w[j] = 0;
      }
    }
    WeightedLine line = WeightedLine.fit(logBudgets, y, w);
    double c1 = line.slope();
    double c0 = line.intercept();
    double sw = line.sumWeights();
    double mx = line.meanX();
    double sxx = line.sxx();
    double s2 = line.residualVariance();
    double ln10 = Math.log(10);
    double varC0 = s2 * (1 / sw + mx * mx / sxx);
    double covC0C1 = -s2 * mx / sxx;
    double varC1 = s2 / sxx;
    // a = c0/ln 10, d = −c1
    return CrossoverSet.fiellerAt(c0 / ln10, -c1, varC0 / (ln10 * ln10), -covC0C1 / ln10, varC1,
        org.apache.commons.statistics.distribution.TDistribution.of(m - 2).inverseCumulativeProbability((1 + level) / 2));
  }

  /**
   * One subgroup's full-sample frontier losses for an unpaired contrast ({@link UnpairedScaling}):
   * the distinct budgets, ln E_g at each budget's frontier vertex (NaN where unusable) and the
   * variance factor h_j of that value (see {@link #budgetWeighted}; NaN where unusable), all
   * evaluated on this sweep's own runs with weight 1.
   */
  public SweepFrontier sweepFrontier(String subgroup) {
    int g = runs.subgroupIndex(subgroup);
    frontierVertices(null, null, null);
    lossesAtVertex(g, null);
    double[] h = new double[budgets.length];
    for (int j = 0; j < budgets.length; j++) {
      h[j] = Double.isFinite(vertex[j]) && Double.isFinite(lnE[j])
          ? tokenParabolas.predictionFactor(j, vertex[j] - tokenParabolas.shift(j)) : Double.NaN;
    }
    return new SweepFrontier(runs.corpus(), subgroup, budgets.clone(), lnE.clone(), h);
  }

  /** After an evaluation: budgets usable by both subgroups of contrast k (the points of its budget-level test). */
  public int commonBudgets(int k) {
    int n = 0;
    for (double r : logRatios(k)) {
      n += Double.isFinite(r) ? 1 : 0;
    }
    return n;
  }

  /** After an evaluation: contrast k's per-budget log-ratio ln E_t − ln E_b (NaN where either is unusable). */
  double[] logRatios(int k) {
    double[] out = new double[budgets.length];
    for (int j = 0; j < budgets.length; j++) {
      out[j] = lnEOf[treatmentIdx[k]][j] - lnEOf[baselineIdx[k]][j];
    }
    return out;
  }

  /** Full-sample contrast estimates. */
  public List<ContrastEstimate> estimate() {
    double[] out = new double[statistics()];
    evaluateInto(null, null, out);
    List<ContrastEstimate> list = new ArrayList<>();
    for (int k = 0; k < contrasts.size(); k++) {
      list.add(new ContrastEstimate(contrasts.get(k), out[k * 4], out[k * 4 + 1], out[k * 4 + 2], out[k * 4 + 3]));
    }
    return list;
  }

  /** The full-sample frontier with every subgroup's loss at the optimum. */
  public Frontier frontier() {
    int groups = runs.subgroups().size();
    double[] log10Params = new double[budgets.length];
    frontierVertices(null, null, log10Params);
    boolean[] usable = new boolean[budgets.length];
    boolean[] extrapolated = new boolean[budgets.length];
    for (int j = 0; j < budgets.length; j++) {
      usable[j] = Double.isFinite(vertex[j]);
      extrapolated[j] = usable[j] && rawVertex[j] != vertex[j];
    }
    double[][] lossAt = new double[groups][budgets.length];
    for (int g = 0; g < groups; g++) {
      lossesAtVertex(g, null);
      for (int j = 0; j < budgets.length; j++) {
        lossAt[g][j] = Double.isFinite(lnE[j]) ? Math.exp(lnE[j]) : Double.NaN;
      }
    }
    return new Frontier(budgets.clone(), vertex.clone(), log10Params, extrapolated, usable, runs.subgroups(), lossAt);
  }

  /** E_g(F) of every subgroup along the full-sample frontier. */
  public List<Fit<PowerLaw>> subgroupLaws() {
    Frontier f = frontier();
    List<Fit<PowerLaw>> fits = new ArrayList<>();
    for (int g = 0; g < runs.subgroups().size(); g++) {
      LineSums sums = new LineSums(Math.log(budgets[0]));
      for (int j = 0; j < budgets.length; j++) {
        double e = f.lossAtOptimum()[g][j];
        if (f.usable()[j] && e > 0) {
          sums.add(Math.log(budgets[j]), Math.log(e), 1);
        }
      }
      fits.add(PowerLawFitter.fromSums(sums));
    }
    return fits;
  }

  /**
   * Weighs the resample into the per-budget parabolas and fills {@code vertex} (log10 D* per budget,
   * NaN when unusable); returns the usable count. Every later {@link #lossesAtVertex} uses these weights.
   */
  private int frontierVertices(double[] w, double[][] values, double[] log10ParamsOut) {
    double[] y = values == null ? runs.lossRow(frontierIdx) : values[frontierIdx];
    tokenParabolas.weigh(w);
    if (log10ParamsOut != null) {
      for (QuadraticSums s : paramSums) {
        s.reset();
      }
      for (int r = 0; r < y.length; r++) {
        paramSums[budgetOf[r]].add(log10N[r], y[r], w == null ? 1 : w[r]);
      }
    }
    int usable = 0;
    for (int j = 0; j < budgets.length; j++) {
      rawVertex[j] = tokenParabolas.fit(j, y, coef) && coef[2] > 0 ? tokenParabolas.shift(j) - coef[1] / (2 * coef[2])
          : Double.NaN;
      // clamp into the sampled range: a parabola extrapolated past its data amplifies noise
      vertex[j] = Math.min(Math.max(rawVertex[j], tokenParabolas.minX(j)), tokenParabolas.maxX(j));
      if (Double.isFinite(vertex[j])) {
        usable++;
      }
      if (log10ParamsOut != null) {
        log10ParamsOut[j] = paramSums[j].solve(coef) && coef[2] > 0 ? paramSums[j].shift() - coef[1] / (2 * coef[2])
            : Double.NaN;
      }
    }
    return usable;
  }

  /** ln of subgroup g's parabola at each budget's vertex into {@code lnE} (NaN where unusable). */
  private void lossesAtVertex(int g, double[][] values) {
    double[] y = values == null ? runs.lossRow(g) : values[g];
    for (int j = 0; j < budgets.length; j++) {
      lnE[j] = Double.NaN;
      if (Double.isFinite(vertex[j]) && tokenParabolas.fit(j, y, coef)) {
        double u = vertex[j] - tokenParabolas.shift(j);
        double e = coef[0] + coef[1] * u + coef[2] * u * u;
        if (e > 0) {
          lnE[j] = Math.log(e);
        }
      }
    }
  }

  private void fitSubgroup(int g, double[][] values) {
    lossesAtVertex(g, values);
    System.arraycopy(lnE, 0, lnEOf[g], 0, lnE.length);
    line.reset();
    for (int j = 0; j < budgets.length; j++) {
      if (Double.isFinite(lnE[j])) {
        line.add(logBudgets[j], lnE[j], 1);
      }
    }
    if (line.count() < 2) {
      fittedAlpha[g] = Double.NaN;
      fittedBeta[g] = Double.NaN;
      return;
    }
    double slope = line.slope();
    fittedBeta[g] = -slope;
    fittedAlpha[g] = Math.exp(line.intercept());
  }
}
