package org.scalesweep.published;

import org.scalesweep.fit.SampleMoments;
import org.scalesweep.sim.CaseStudyTruth;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/**
 * The quantities published statements speak of, computed from a relative-scaling preset's noiseless
 * truth (no simulation, no fit). Conventions follow seed 003: a gap is the relative loss of a
 * treatment against its baseline in percent, negative when the treatment is worse; a change per 10×
 * compute is positive when the gap closes.
 */
public final class TruthQuantities {
  /** Training FLOPs per forward FLOP: budgets count forward passes, training costs about three times that. */
  public static final double TRAINING_PER_FORWARD = 3.0;

  private TruthQuantities() {}

  /**
   * Gap of a treatment to its baseline at forward FLOPs F: −(G(F) − 1)·100 with the true relative
   * law G(F) = γ·(F/F_ref)^Δβ; e.g. γ = 1.29 at F_ref reads "−29%".
   */
  public static double gapPercent(CaseStudyTruth t, String treatment, double forwardFlops) {
    CaseStudyTruth.Spec s = t.subgroup(treatment);
    double g = t.gamma(s) * Math.pow(forwardFlops / t.referenceCompute(), s.deltaBeta());
    return -(g - 1) * 100;
  }

  /** Change of the gap per 10× compute in percent, −(10^Δβ − 1)·100: positive when the gap closes. */
  public static double changePer10xPercent(double deltaBeta) {
    return -(Math.pow(10, deltaBeta) - 1) * 100;
  }

  /** True crossover of two treatments in forward FLOPs (NaN for parallel curves). */
  public static double crossover(CaseStudyTruth t, String a, String b) {
    return Math.pow(10, t.log10Crossover(a, b));
  }

  /**
   * Noiseless loss of a subgroup at the compute-optimal model of forward FLOPs F: the overall law's
   * optimum at training compute 3F times the subgroup's relative law there.
   */
  public static double frontierLoss(CaseStudyTruth t, String subgroup, double forwardFlops) {
    double overall = t.overall().optimalLoss(TRAINING_PER_FORWARD * forwardFlops);
    if (subgroup.equals(CaseStudyTruth.OVERALL)) {
      return overall;
    }
    for (Subgroup s : t.corpusTruth().subgroups()) {
      if (s.name().equals(subgroup)) {
        if (s.truth() instanceof SubgroupTruth.Relative r) {
          return overall * r.gamma() * Math.pow(forwardFlops / r.computeRef(), r.deltaBeta());
        }
        throw new IllegalArgumentException("subgroup '" + subgroup + "' of corpus " + t.corpus()
            + " has a law of its own; its frontier loss is not a relative law of the overall loss");
      }
    }
    throw new IllegalArgumentException("no subgroup '" + subgroup + "' on corpus " + t.corpus());
  }

  /**
   * Absolute trend of a likelihood in percentage points per decade of compute, where the loss is
   * −ln(likelihood) (seed 003's AI-risk clusters): 100·(e^{−L(F₂)} − e^{−L(F₁)}) / log10(F₂/F₁) along
   * the frontier, the secant over the budgets.
   */
  public static double likelihoodPointsPerDecade(CaseStudyTruth t, String subgroup, double f1, double f2) {
    double p1 = Math.exp(-frontierLoss(t, subgroup, f1));
    double p2 = Math.exp(-frontierLoss(t, subgroup, f2));
    return 100 * (p2 - p1) / Math.log10(f2 / f1);
  }

  /** Pearson's correlation of two equally long samples (NaN when either is constant). */
  public static double pearson(double[] x, double[] y) {
    return moments(x, y).correlation();
  }

  /** Least-squares slope of y on x. */
  public static double olsSlope(double[] x, double[] y) {
    return moments(x, y).slope();
  }

  private static SampleMoments moments(double[] x, double[] y) {
    if (x.length != y.length || x.length < 3) {
      throw new IllegalArgumentException("need two samples of equal length >= 3, got " + x.length + " and " + y.length);
    }
    return SampleMoments.of(x, y);
  }
}
