package org.scalesweep.grid;

/**
 * IsoFLOP budgets of runs that do not state one: a run's training FLOPs C map to the forward-pass
 * budget C/3 (the grid's unit, see {@link ComputeAccounting}) rounded in log10 to a grid of
 * {@code stepsPerDecade} points per decade. Runs of one IsoFLOP sweep share a nominal budget to
 * within a few percent, so they land on one grid point; a sweep whose FLOPs spread wider than a grid
 * step must state its budgets instead.
 */
public final class BudgetGrid {
  private final int stepsPerDecade;

  public BudgetGrid(int stepsPerDecade) {
    if (stepsPerDecade < 1 || stepsPerDecade > 1000) {
      throw new IllegalArgumentException("budget grid needs 1..1000 steps per decade, got " + stepsPerDecade);
    }
    this.stepsPerDecade = stepsPerDecade;
  }

  public int stepsPerDecade() {
    return stepsPerDecade;
  }

  /** The forward-pass budget of a run that spent {@code trainingFlops}. */
  public double budgetOf(double trainingFlops) {
    if (!(trainingFlops > 0) || Double.isInfinite(trainingFlops)) {
      throw new IllegalArgumentException("training FLOPs must be positive and finite, got " + trainingFlops);
    }
    double step = Math.rint(Math.log10(trainingFlops / 3.0) * stepsPerDecade);
    // 10^(k/s) computed from the integer k, so equal grid points are bit-identical doubles
    return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6e", Math.pow(10, step / stepsPerDecade)));
  }

  /** Relative deviation of stated training FLOPs from 6ND: |C − 6ND| / 6ND. */
  public static double sixNDDeviation(double params, double tokens, double trainingFlops) {
    double six = ComputeAccounting.sixND(params, tokens);
    return Math.abs(trainingFlops - six) / six;
  }
}
