package org.scalesweep.relative;

import java.util.Arrays;
import org.scalesweep.fit.QuadraticSums;

/**
 * Fitted values and leverage-corrected residuals of every subgroup's IsoFLOP parabolas (loss on
 * log10 tokens, one parabola per budget: the curves the frontier and E(F) are read from), for the
 * wild scheme: a resample's loss is ŷ + s·e/√(1 − h) with s the run's cluster sign. The HC2
 * correction undoes the shrinkage of residuals by the fit (Σh = 3 per budget), which otherwise makes
 * the wild bootstrap see too little noise. A budget needs 4 runs: with 3 the parabola interpolates
 * them and leaves no residual, and the scheme would see no noise there at all.
 */
final class WildResiduals {
  private static final double MIN_FREEDOM = 1e-9;

  private final double[][] fitted;
  private final double[][] residual;

  WildResiduals(CorpusRuns runs) {
    int n = runs.runs();
    int groups = runs.subgroups().size();
    double[] budgets = runs.distinctBudgets();
    int[] budgetOf = new int[n];
    double[] x = new double[n];
    double[] shift = new double[budgets.length];
    int[] count = new int[budgets.length];
    for (int r = 0; r < n; r++) {
      budgetOf[r] = Arrays.binarySearch(budgets, runs.budgetAt(r));
      x[r] = Math.log10(runs.tokensAt(r));
      shift[budgetOf[r]] += x[r];
      count[budgetOf[r]]++;
    }
    for (int j = 0; j < budgets.length; j++) {
      if (count[j] < 4) {
        throw new IllegalArgumentException("the wild scheme needs at least 4 runs on every IsoFLOP curve; corpus "
            + runs.corpus() + " has " + count[j] + " at budget " + budgets[j] + " (a parabola through 3 leaves no "
            + "residual to resample); use scheme 'cluster' or add configurations");
      }
      shift[j] /= count[j];
    }
    double[] leverage = leverages(x, budgetOf, shift);
    fitted = new double[groups][n];
    residual = new double[groups][n];
    double[] coef = new double[3];
    for (int g = 0; g < groups; g++) {
      double[] y = runs.lossRow(g);
      for (int j = 0; j < budgets.length; j++) {
        QuadraticSums sums = sums(x, y, budgetOf, j, shift[j]);
        boolean ok = sums.solve(coef);
        for (int r = 0; r < n; r++) {
          if (budgetOf[r] != j) {
            continue;
          }
          double u = x[r] - shift[j];
          double free = 1 - leverage[r];
          fitted[g][r] = ok ? coef[0] + coef[1] * u + coef[2] * u * u : y[r];
          residual[g][r] = ok && free > MIN_FREEDOM ? (y[r] - fitted[g][r]) / Math.sqrt(free) : 0;
        }
      }
    }
  }

  /** Resampled losses [subgroup][run] for per-run signs. */
  void resample(double[] signs, double[][] out) {
    for (int g = 0; g < fitted.length; g++) {
      double[] f = fitted[g];
      double[] e = residual[g];
      double[] o = out[g];
      for (int r = 0; r < f.length; r++) {
        o[r] = f[r] + signs[r] * e[r];
      }
    }
  }

  /** h_rr of each run in its budget's parabola: the fitted value at r of a unit response at r. */
  private static double[] leverages(double[] x, int[] budgetOf, double[] shift) {
    double[] h = new double[x.length];
    double[] unit = new double[x.length];
    double[] coef = new double[3];
    for (int r = 0; r < x.length; r++) {
      unit[r] = 1;
      QuadraticSums sums = sums(x, unit, budgetOf, budgetOf[r], shift[budgetOf[r]]);
      double u = x[r] - shift[budgetOf[r]];
      h[r] = sums.solve(coef) ? coef[0] + coef[1] * u + coef[2] * u * u : 1;
      unit[r] = 0;
    }
    return h;
  }

  private static QuadraticSums sums(double[] x, double[] y, int[] budgetOf, int budget, double shift) {
    QuadraticSums s = new QuadraticSums(shift);
    for (int r = 0; r < x.length; r++) {
      if (budgetOf[r] == budget) {
        s.add(x[r], y[r], 1);
      }
    }
    return s;
  }
}
