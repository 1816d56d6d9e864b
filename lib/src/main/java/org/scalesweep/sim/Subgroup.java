package org.scalesweep.sim;

import org.scalesweep.law.SigmoidCalibration;

/**
 * A subgroup of an evaluation (an MMLU domain group, an ICE variety, a risk cluster …).
 *
 * @param name unique within its corpus
 * @param truth its noiseless loss
 * @param items number of evaluation items simulated individually; 0 for run-level values only
 * @param accuracy loss → accuracy map for item correctness, or null when accuracy is not simulated
 */
public record Subgroup(String name, SubgroupTruth truth, int items, SigmoidCalibration accuracy) implements java.io.Serializable {
  public Subgroup {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("subgroup name must be non-empty, got '" + name + "'");
    }
    if (truth == null) {
      throw new IllegalArgumentException("subgroup " + name + " has no truth");
    }
    if (items < 0) {
      throw new IllegalArgumentException("subgroup " + name + " items must be >= 0, got " + items);
    }
  }
}
