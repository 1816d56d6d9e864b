package org.scalesweep.sim;

import org.scalesweep.law.SigmoidCalibration;

/**
 * A subgroup of an evaluation (an MMLU domain group, an ICE variety, a risk cluster …).
 *
 * @param name unique within its corpus
 * @param truth its noiseless loss
 * @param items number of evaluation items simulated individually; 0 for run-level values only
 * @param accuracy loss → accuracy map for item correctness, or null when accuracy is not simulated
 * @param questions for a rate metric (e.g. misalignment on 4,174 questions), the binomial sample size
 *     of each run's observed rate; 0 for a loss
 */
public record Subgroup(String name, SubgroupTruth truth, int items, SigmoidCalibration accuracy, int questions)
    implements java.io.Serializable {

  /** A loss subgroup (no binomial rate). */
  public Subgroup(String name, SubgroupTruth truth, int items, SigmoidCalibration accuracy) {
    this(name, truth, items, accuracy, 0);
  }

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
    if (questions < 0) {
      throw new IllegalArgumentException("subgroup " + name + " questions must be >= 0, got " + questions);
    }
    if (questions > 0 && items > 0) {
      throw new IllegalArgumentException("subgroup " + name + " is a binomial rate over " + questions
          + " questions; it cannot also simulate " + items + " items");
    }
  }
}
