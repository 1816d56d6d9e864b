package org.scalesweep.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * IsoFLOP budgets found from the runs' logged compute: runs whose forward-pass compute (training
 * FLOPs / 3, the grid's unit, see {@link ComputeAccounting}) lies within a relative tolerance of its
 * neighbour's form one group (single linkage on sorted log compute); the group's budget C is the
 * geometric mean of its runs' compute, and its nominal name is C rounded to one significant digit
 * (1e18, 3e18, 6e18 …) when that is within the tolerance of C, else C to three digits.
 *
 * <p>A sweep is planned on nominal budgets and every run spends its budget to within a few percent,
 * so gaps inside a group are small and gaps between budgets are large (3e18 → 6e18 is a factor 2).
 * The fixed log grid ({@link BudgetGrid}) instead cuts at fixed points, so it can move a nominal 3e18
 * to 3.16e18 or split one sweep at a rounding edge.
 */
public final class BudgetGroups {
  /** Default relative tolerance between neighbouring runs of one group. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  private final double tolerance;

  public BudgetGroups(double tolerance) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("budget tolerance must lie in (0, 1), got " + tolerance);
    }
    this.tolerance = tolerance;
  }

  public double tolerance() {
    return tolerance;
  }

  /**
   * One found budget.
   *
   * @param compute C, geometric mean of the group's forward-pass compute
   * @param nominal the budget's display name, e.g. {@code 3e18}
   * @param low smallest forward-pass compute in the group
   * @param high largest forward-pass compute in the group
   * @param runs runs (distinct compute values counted with multiplicity) in the group
   */
  public record Group(double compute, String nominal, double low, double high, int runs) {}

  /** The groups, in compute order, and the group index of every run. */
  public record Result(List<Group> groups, int[] groupOfRun) {
    /** The budget C of run i. */
    public double budgetOf(int i) {
      return groups.get(groupOfRun[i]).compute();
    }
  }

  /** Groups runs by their training FLOPs (each positive and finite). */
  public Result group(double[] trainingFlops) {
    int n = trainingFlops.length;
    Integer[] order = new Integer[n];
    double[] logC = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(trainingFlops[i] > 0) || Double.isInfinite(trainingFlops[i])) {
        throw new IllegalArgumentException("training FLOPs must be positive and finite, got " + trainingFlops[i]);
      }
      order[i] = i;
      logC[i] = Math.log(trainingFlops[i] / 3.0);
    }
    Arrays.sort(order, (a, b) -> Double.compare(logC[a], logC[b]));
    double gap = Math.log1p(tolerance);
    int[] groupOf = new int[n];
    List<Group> groups = new ArrayList<>();
    int start = 0;
    for (int k = 1; k <= n; k++) {
      if (k == n || logC[order[k]] - logC[order[k - 1]] > gap) {
        double sum = 0;
        for (int j = start; j < k; j++) {
          sum += logC[order[j]];
          groupOf[order[j]] = groups.size();
        }
        // seven significant digits, so a group of equal runs gets their value back exactly
        double c = Double.parseDouble(String.format(Locale.ROOT, "%.6e", Math.exp(sum / (k - start))));
        groups.add(new Group(c, nominal(c), Math.exp(logC[order[start]]), Math.exp(logC[order[k - 1]]), k - start));
        start = k;
      }
    }
    return new Result(List.copyOf(groups), groupOf);
  }

  /** C to one significant digit when within the tolerance, else to three: {@code 1e18}, {@code 3e18}, {@code 4.37e18}. */
  String nominal(double c) {
    int exp = (int) Math.floor(Math.log10(c));
    double mantissa = c / Math.pow(10, exp);
    long one = Math.round(mantissa);
    if (one == 10) {
      one = 1;
      exp++;
    }
    double rounded = one * Math.pow(10, exp);
    if (Math.abs(rounded - c) / c <= tolerance) {
      return one + "e" + exp;
    }
    String[] p = String.format(Locale.ROOT, "%.2e", c).split("e");
    return p[0].replaceAll("0+$", "").replaceAll("\\.$", "") + "e" + Integer.parseInt(p[1]);
  }
}
