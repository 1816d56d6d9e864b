package org.scalesweep.posttraining;

/**
 * Eq. 2-style truth of one HHH metric under one post-training technique: error rate
 * e = b·(L_pre/L_ref)^κ·(C_ref/C_pt)^γ, where L_pre is the pretraining loss of the base model.
 * κ is how strongly the metric tracks pretraining loss; γ how it scales with post-training compute.
 *
 * @param metric helpful, harmless or honest
 * @param technique sft or rlhf
 */
public record HhhTruth(String metric, String technique, double b, double kappa, double gamma)
    implements java.io.Serializable {
  public HhhTruth {
    if (!(b > 0 && b < 1)) {
      throw new IllegalArgumentException("HHH truth " + metric + "/" + technique + ": b = " + b + " must lie in (0, 1)");
    }
  }

  public double errorRate(double lossRatio, double computeRatio) {
    return Math.min(1, b * Math.pow(lossRatio, kappa) * Math.pow(computeRatio, gamma));
  }
}
