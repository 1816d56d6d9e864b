package org.scalesweep.advice;

import java.util.List;
import java.util.Set;
import org.scalesweep.grid.GridRules;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;

/**
 * One configuration of an ingested suite, as trained: its run id, its configuration for the
 * advisor (the measured N, D and budget; the architecture the grid rules would give it, see
 * {@link #asTrained}), and its measured losses per seed.
 *
 * @param runId the suite's run_id
 * @param config the configuration (params, tokens and budget as measured)
 * @param architecture whether {@code config}'s width, depth, heads, batch and steps come from the suite or the
 *     grid rules (false: none could be given; then its width is a negative placeholder and the rest 0)
 * @param overall ln of the overall loss per seed, in seed order
 * @param baseline ln of the baseline subgroup's loss per seed (NaN where that seed lacks it)
 */
public record TrainedConfig(String runId, ModelConfig config, boolean architecture, double[] overall,
    double[] baseline) implements java.io.Serializable {
  public TrainedConfig {
    if (overall.length == 0 || overall.length != baseline.length) {
      throw new IllegalArgumentException("run " + runId + " needs one overall and one baseline loss per seed, got "
          + overall.length + " and " + baseline.length);
    }
    overall = overall.clone();
    baseline = baseline.clone();
  }

  /** Seed replicates. */
  public int seeds() {
    return overall.length;
  }

  /** Mean overall loss over the seeds (ℓ̄, as the fit stage averages replicates). */
  public double meanLoss() {
    double s = 0;
    for (double v : overall) {
      s += Math.exp(v);
    }
    return s / overall.length;
  }

  /**
   * The configuration of a trained run for the advisor. The measured budget, N and D are kept. Its
   * architecture: the suite's width and depth when it states them (the rest from the grid rules'
   * configuration of that width when they lay one out); otherwise the grid rules' configuration of
   * the budget whose N is nearest the run's in log (|ln N − ln N_rules|), among the widths not
   * {@code taken} by another run of the budget. When the rules lay out nothing free, the width is
   * −(1 + taken.size()) (no architecture, a distinct placeholder) and the rest 0.
   */
  public static TrainedConfig asTrained(String runId, double budget, long params, long tokens, Integer width,
      Integer depth, GridRules rules, Set<Integer> taken, double[] overall, double[] baseline) {
    List<ModelConfig> grid = IsoFlopGrid.configurations(budget, rules);
    ModelConfig arch = null;
    if (width != null && depth != null) {
      arch = grid.stream().filter(c -> c.width() == width).findFirst().orElse(null);
      if (arch == null) {
        ModelConfig c = new ModelConfig(budget, width, depth, width / rules.headSize(), rules.ffnMultiplier() * width,
            0, 0, tokens, params, budget / tokens, 0, 0);
        return new TrainedConfig(runId, c, true, overall, baseline);
      }
    } else {
      double best = Double.POSITIVE_INFINITY;
      for (ModelConfig c : grid) {
        double dist = Math.abs(Math.log(c.params()) - Math.log(params));
        if (!taken.contains(c.width()) && dist < best) {
          best = dist;
          arch = c;
        }
      }
    }
    if (arch == null) {
      ModelConfig c = new ModelConfig(budget, -(1 + taken.size()), 0, 0, 0, 0, 0, tokens, params, budget / tokens, 0, 0);
      return new TrainedConfig(runId, c, false, overall, baseline);
    }
    ModelConfig c = new ModelConfig(budget, arch.width(), width != null && depth != null ? depth : arch.depth(),
        arch.heads(), arch.ffn(), arch.batch(), arch.steps(), tokens, params, budget / tokens, arch.learningRate(),
        arch.beta2());
    return new TrainedConfig(runId, c, true, overall, baseline);
  }
}
