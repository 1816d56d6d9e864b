package org.scalesweep.jobs.ingest;

import java.util.List;

/** How ingest assigns IsoFLOP budgets to runs that have no {@code budget} column. */
public enum BudgetRule {
  /**
   * Found from the data ({@code org.scalesweep.grid.BudgetGroups}): runs whose forward-pass compute
   * lies within {@code --budget-tolerance} of a neighbour's form one budget; C is the group's
   * geometric-mean logged compute and its nominal name (1e18, 3e18 …) is kept for display. The default.
   */
  DATA("data"),
  /** flops/3 rounded in log10 to a fixed grid of {@code --budget-grid} steps per decade. */
  GRID("grid");

  private final String key;

  BudgetRule(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The rule of a key (data, grid). */
  public static BudgetRule parse(String s) {
    for (BudgetRule r : values()) {
      if (r.key.equals(s)) {
        return r;
      }
    }
    throw new InvalidInputException("--budgets", List.of("--budgets '" + s + "' is not supported; allowed: data, grid"));
  }
}
