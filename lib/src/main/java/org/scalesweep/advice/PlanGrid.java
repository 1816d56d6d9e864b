package org.scalesweep.advice;

import java.util.ArrayList;
import java.util.List;
import org.scalesweep.grid.GridRules;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;

/** The runs a plan adds to a design, and the check that the extended design is a valid grid. */
public final class PlanGrid {
  private PlanGrid() {}

  /**
   * One training run to submit.
   *
   * @param config its configuration
   * @param seed its seed replicate index (0-based; the design already had seeds below it)
   */
  public record Run(ModelConfig config, int seed) {}

  /** Runs of {@code extended} that {@code base} does not have, in budget, width, seed order. */
  public static List<Run> added(AdviceDesign base, AdviceDesign extended) {
    List<Run> out = new ArrayList<>();
    for (Rung r : extended.rungs()) {
      Rung old = base.rung(r.budget());
      for (ModelConfig c : r.configs()) {
        int from = old != null && old.has(c.width()) ? old.seeds() : 0;
        for (int k = from; k < r.seeds(); k++) {
          out.add(new Run(c, k));
        }
      }
    }
    return out;
  }

  /**
   * What makes a design not a valid grid under the rules (empty when it is one): every configuration
   * must be exactly the one {@link IsoFlopGrid} lays out for its budget and width (width step, depth,
   * heads, batch, steps and tokens within the budget tolerance), and every rung needs at least
   * {@link Candidates#MIN_CONFIGS} configurations for its parabola.
   */
  public static List<String> problems(AdviceDesign d, GridRules rules) {
    return problems(d, rules, List.of());
  }

  /**
   * As {@link #problems(AdviceDesign, GridRules)}, where the configurations an ingested suite
   * trained ({@code trained}, as {@link TrainedConfig#asTrained} gives them) are valid as they are: a
   * suite's own runs need not follow the rules, the runs a plan adds must.
   */
  public static List<String> problems(AdviceDesign d, GridRules rules, List<ModelConfig> trained) {
    List<String> out = new ArrayList<>();
    for (Rung r : d.rungs()) {
      List<ModelConfig> allowed = IsoFlopGrid.configurations(r.budget(), rules);
      for (ModelConfig c : r.configs()) {
        if (!allowed.contains(c) && !trained.contains(c)) {
          out.add(c.id() + " is not a configuration the grid rules lay out at budget " + r.budget());
        }
      }
      if (r.configs().size() < Candidates.MIN_CONFIGS) {
        out.add("budget " + r.budget() + " has " + r.configs().size() + " configurations; a parabola needs "
            + Candidates.MIN_CONFIGS);
      }
    }
    return out;
  }
}
