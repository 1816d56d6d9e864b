package org.scalesweep.alignment;

import org.scalesweep.law.PostTrainingLaw;

/**
 * The ground truth of seed 000: the alignment-loss law and its post-training extension (Eq. 2).
 * D = 0 is evaluated at one token, the seed's convention.
 */
public record AlignmentTruth(PostTrainingLaw law) implements java.io.Serializable {
  public static AlignmentTruth seed000() {
    return new AlignmentTruth(PostTrainingLaw.SEED_000_TRUTH);
  }

  /** Noiseless alignment loss of a design point. */
  public double loss(DesignPoint p) {
    double d = Math.max(p.tokens(), 1);
    if (p.experiment() == Experiment.POST_TRAINING) {
      return law.at(p.params(), p.tokens(), p.postTrainingCompute());
    }
    return law.align().at(p.params(), d);
  }
}
