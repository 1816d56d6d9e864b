package org.scalesweep.relative;

import org.scalesweep.fit.QuadraticSums;

/**
 * The per-budget parabolas of loss in log10 D under one resample's run weights, for every subgroup.
 *
 * <p>The weight moments Σw·u^k (k = 0…4), the support and identification of each budget's parabola
 * depend on the weights only, so {@link #weigh} computes them once per resample and every subgroup
 * then costs three multiply-adds per run with positive weight ({@link #fit}). Runs with zero weight
 * are dropped from the active lists rather than skipped by a branch in every subgroup's loop.
 * Each sum is formed with the same expressions, in the same run order, as {@link QuadraticSums#add},
 * so the values are identical to summing through it. Not thread-safe.
 */
final class BudgetParabolas {
  private final int[][] runsOf;
  private final double[] x;
  private final double[] u;
  private final double[] u2;
  private final double[] shift;
  private final int[][] active;
  private final int[] activeCount;
  private final double[] ww;
  private final double[] wu;
  private final double[] wu2;
  private final double[][] s;
  private final double[] t = new double[3];
  private final boolean[] identified;
  /** Whether a budget's runs all have different x: then ≥ 3 active runs identify its parabola. */
  private final boolean[] distinctX;
  private final double[] minX;
  private final double[] maxX;

  /**
   * @param budgetOf budget index of each run
   * @param x log10 D of each run
   * @param shift the parabola's centring per budget
   */
  BudgetParabolas(int[] budgetOf, double[] x, double[] shift) {
    int budgets = shift.length;
    int n = x.length;
    int[] count = new int[budgets];
    for (int b : budgetOf) {
      count[b]++;
    }
    runsOf = new int[budgets][];
    active = new int[budgets][];
    for (int j = 0; j < budgets; j++) {
      runsOf[j] = new int[count[j]];
      active[j] = new int[count[j]];
    }
    int[] fill = new int[budgets];
    this.x = x.clone();
    u = new double[n];
    u2 = new double[n];
    for (int r = 0; r < n; r++) {
      int j = budgetOf[r];
      runsOf[j][fill[j]++] = r;
      u[r] = x[r] - shift[j];
      u2[r] = u[r] * u[r];
    }
    this.shift = shift.clone();
    activeCount = new int[budgets];
    ww = new double[n];
    wu = new double[n];
    wu2 = new double[n];
    s = new double[budgets][5];
    identified = new boolean[budgets];
    distinctX = new boolean[budgets];
    for (int j = 0; j < budgets; j++) {
      distinctX[j] = java.util.Arrays.stream(runsOf[j]).mapToDouble(r -> x[r]).distinct().count() == runsOf[j].length;
    }
    minX = new double[budgets];
    maxX = new double[budgets];
  }

  /** Takes a resample's run weights (null = all 1): moments, support and identification per budget. */
  void weigh(double[] w) {
    for (int j = 0; j < runsOf.length; j++) {
      double[] sj = s[j];
      java.util.Arrays.fill(sj, 0);
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      double first = Double.NaN;
      double second = Double.NaN;
      boolean three = false;
      int na = 0;
      for (int r : runsOf[j]) {
        double wr = w == null ? 1 : w[r];
        if (wr == 0) {
          continue;
        }
        active[j][na++] = r;
        double ur = u[r];
        double ur2 = u2[r];
        ww[r] = wr;
        wu[r] = wr * ur;
        wu2[r] = wr * ur2;
        sj[0] += wr;
        sj[1] += wu[r];
        sj[2] += wu2[r];
        sj[3] += wu2[r] * ur;
        sj[4] += wu2[r] * ur2;
        double xr = x[r];
        // x = log10 D is finite and positive: plain comparisons equal Math.min/max, without their NaN/−0 checks
        lo = xr < lo ? xr : lo;
        hi = xr > hi ? xr : hi;
        if (distinctX[j]) {
          continue; // identification follows from the count below
        }
        if (Double.isNaN(first)) {
          first = xr;
        } else if (xr != first && Double.isNaN(second)) {
          second = xr;
        } else if (xr != first && xr != second) {
          three = true;
        }
      }
      activeCount[j] = na;
      identified[j] = distinctX[j] ? na >= 3 : three;
      minX[j] = lo;
      maxX[j] = hi;
    }
  }

  /**
   * Coefficients (c0, c1, c2) in u = x − shift(j) of budget j's parabola through values y (one per
   * run) under the weighed resample; false when not identified or singular.
   */
  boolean fit(int j, double[] y, double[] coef) {
    if (!identified[j]) {
      return false;
    }
    double t0 = 0;
    double t1 = 0;
    double t2 = 0;
    int[] act = active[j];
    for (int k = 0, na = activeCount[j]; k < na; k++) {
      int r = act[k];
      double yr = y[r];
      t0 += ww[r] * yr;
      t1 += wu[r] * yr;
      t2 += wu2[r] * yr;
    }
    t[0] = t0;
    t[1] = t1;
    t[2] = t2;
    return QuadraticSums.solve(s[j], t, coef);
  }

  /**
   * The variance factor of budget j's parabola at u (= x − shift(j)): a·M⁻¹·a with a = (1, u, u²)
   * and M the weighted moment matrix, so Var(parabola(u)) = σ²·factor for independent errors of
   * variance σ²/w; NaN when not identified or singular.
   */
  double predictionFactor(int j, double u) {
    double[] a = {1, u, u * u};
    double[] c = new double[3];
    if (!identified[j] || !QuadraticSums.solve(s[j], a, c)) {
      return Double.NaN;
    }
    return a[0] * c[0] + a[1] * c[1] + a[2] * c[2];
  }

  double shift(int j) {
    return shift[j];
  }

  double minX(int j) {
    return minX[j];
  }

  double maxX(int j) {
    return maxX[j];
  }
}
