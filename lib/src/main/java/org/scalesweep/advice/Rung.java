package org.scalesweep.advice;

import java.util.Comparator;
import java.util.List;
import org.scalesweep.grid.ModelConfig;

/**
 * One IsoFLOP curve of a design: its configurations, each trained with the same number of seed
 * replicates.
 *
 * @param budget forward-FLOP budget of the curve
 * @param configs configurations of the curve, each of this budget, distinct widths, in width order
 * @param seeds seed replicates per configuration (≥ 1)
 */
public record Rung(double budget, List<ModelConfig> configs, int seeds) implements java.io.Serializable {
  public Rung {
    if (configs == null || configs.isEmpty()) {
      throw new IllegalArgumentException("a rung at budget " + budget + " needs at least one configuration");
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("seed replicates per configuration must be >= 1, got " + seeds);
    }
    for (ModelConfig c : configs) {
      if (c.budget() != budget) {
        throw new IllegalArgumentException("configuration " + c.id() + " is not on the rung's budget " + budget);
      }
    }
    configs = configs.stream().sorted(Comparator.comparingInt(ModelConfig::width)).toList();
    if (configs.stream().mapToInt(ModelConfig::width).distinct().count() != configs.size()) {
      throw new IllegalArgumentException("a rung lists each width once; budget " + budget + " has "
          + configs.stream().map(ModelConfig::id).toList());
    }
  }

  /** Training FLOPs of the rung (6ND per run, every seed). */
  public double trainingFlops() {
    return seeds * configs.stream().mapToDouble(ModelConfig::sixND).sum();
  }

  /** Training runs: configurations × seeds. */
  public int runs() {
    return configs.size() * seeds;
  }

  /** Whether the rung trains a configuration of this width. */
  public boolean has(int width) {
    return configs.stream().anyMatch(c -> c.width() == width);
  }
}
