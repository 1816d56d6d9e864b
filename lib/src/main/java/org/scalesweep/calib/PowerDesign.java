package org.scalesweep.calib;

/**
 * A study design whose power is asked for: how many configurations per budget and budgets, items
 * per subgroup and seed replicates per configuration.
 *
 * @param configsPerBudget configurations per IsoFLOP curve (≥ 3 for a parabola; a budget with fewer
 *     in the grid keeps all it has)
 * @param budgets budgets, spread evenly (by index) over the grid's budgets including both ends (≥ 2)
 * @param items items per subgroup (0: run-level losses only)
 * @param seeds seed replicates per configuration (≥ 1)
 */
public record PowerDesign(int configsPerBudget, int budgets, int items, int seeds) implements java.io.Serializable {
  public PowerDesign {
    if (configsPerBudget < 3) {
      throw new IllegalArgumentException("configurations per budget must be >= 3 (a parabola per IsoFLOP curve), got "
          + configsPerBudget);
    }
    if (budgets < 2) {
      throw new IllegalArgumentException("budgets must be >= 2 (E(F) is a line over budgets), got " + budgets);
    }
    if (items < 0) {
      throw new IllegalArgumentException("items per subgroup must be >= 0, got " + items);
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("seed replicates must be >= 1, got " + seeds);
    }
  }

  /** e.g. {@code 15 configs x 7 budgets x 200 items x 5 seeds} (no commas: it is a CSV cell). */
  public String label() {
    return configsPerBudget + " configs x " + budgets + " budgets x " + items + " items x " + seeds + " seeds";
  }
}
