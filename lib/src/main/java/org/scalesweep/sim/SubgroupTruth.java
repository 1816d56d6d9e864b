package org.scalesweep.sim;

import org.scalesweep.law.JointLaw;

/**
 * The noiseless loss of one subgroup as a function of a run's size: either its own joint law, or
 * a known relative law against a baseline subgroup.
 */
public sealed interface SubgroupTruth extends java.io.Serializable permits SubgroupTruth.Absolute, SubgroupTruth.Relative {

  /** Loss of the subgroup at N params, D tokens, compute F, given the baseline's loss there. */
  double loss(double params, double tokens, double compute, double baselineLoss);

  /** Its own joint law: L = E + A/N^α + B/D^β. */
  record Absolute(JointLaw law) implements SubgroupTruth {
    public Absolute {
      if (law == null) {
        throw new IllegalArgumentException("absolute truth needs a joint law, got null");
      }
    }

    @Override
    public double loss(double params, double tokens, double compute, double baselineLoss) {
      return law.at(params, tokens);
    }
  }

  /**
   * L_t = L_b·γ·(F/F_ref)^Δβ: the treatment's ratio to the baseline is exactly the relative law
   * γ·(F/F_ref)^Δβ at every run, so Δβ = β_b − β_t holds for any power-law fit along shared points.
   *
   * @param baseline name of the baseline subgroup (which must have an absolute truth)
   * @param gamma ratio at F = F_ref
   * @param deltaBeta Δβ, positive when the treatment's gap widens with compute
   * @param computeRef F_ref
   */
  record Relative(String baseline, double gamma, double deltaBeta, double computeRef) implements SubgroupTruth {
    public Relative {
      if (baseline == null || baseline.isBlank()) {
        throw new IllegalArgumentException("relative truth needs a baseline subgroup name, got '" + baseline + "'");
      }
      if (!(gamma > 0) || Double.isInfinite(gamma)) {
        throw new IllegalArgumentException("relative truth gamma must be positive and finite, got " + gamma);
      }
      if (!Double.isFinite(deltaBeta) || Math.abs(deltaBeta) > 1) {
        throw new IllegalArgumentException("relative truth delta_beta must lie in [-1, 1], got " + deltaBeta);
      }
      if (!(computeRef > 0) || Double.isInfinite(computeRef)) {
        throw new IllegalArgumentException("relative truth compute_ref must be positive, got " + computeRef);
      }
    }

    @Override
    public double loss(double params, double tokens, double compute, double baselineLoss) {
      return baselineLoss * gamma * Math.pow(compute / computeRef, deltaBeta);
    }
  }
}
