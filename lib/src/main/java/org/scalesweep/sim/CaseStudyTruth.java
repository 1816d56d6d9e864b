package org.scalesweep.sim;

import java.util.ArrayList;
import java.util.List;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.SigmoidCalibration;

/**
 * The truths of one case study on one corpus, as configured: a baseline subgroup stated against
 * the corpus's overall loss and treatments stated against the baseline, each by γ (ratio at
 * F_ref) and Δβ, or by an anchor value at a given training compute instead of γ.
 *
 * <p>A subgroup's loss is L_s(F) = γ_s·(F/F_ref)^(Δβ_s)·L(F) with the overall loss L: the
 * baseline's γ and Δβ are taken as configured, a treatment's multiply onto the baseline's (γ_b·γ_t,
 * Δβ_b + Δβ_t), so a treatment's configured Δβ is the true Δβ of its contrast.
 *
 * @param corpus the corpus name
 * @param overall the corpus's overall law (its compute-optimal loss is the frontier)
 * @param baseline name of the baseline subgroup
 * @param referenceCompute F_ref at which γ is stated
 * @param anchorCompute training FLOPs (6ND) of the anchor, or NaN when no subgroup is anchored
 * @param accuracy loss → accuracy map of item-level subgroups, or null
 * @param questions questions of a rate metric (0: none)
 * @param subgroups every subgroup, in config order
 */
public record CaseStudyTruth(String corpus, JointLaw overall, String baseline, double referenceCompute,
    double anchorCompute, SigmoidCalibration accuracy, int questions, List<Spec> subgroups) {

  /** Name of the overall-loss subgroup that defines each corpus's compute-optimal frontier. */
  public static final String OVERALL = "overall";

  /**
   * One subgroup's configured truth on this corpus.
   *
   * @param gamma configured γ (ignored when anchored)
   * @param deltaBeta configured Δβ
   * @param items items simulated individually (0: run-level only)
   * @param anchor value at anchor-compute instead of γ, or null
   * @param law the subgroup's own joint law (a non-proportional truth), or null: relative to the overall law
   */
  public record Spec(String name, double gamma, double deltaBeta, int items, Double anchor, JointLaw law) {
    /** A subgroup relative to the overall law (no law of its own). */
    public Spec(String name, double gamma, double deltaBeta, int items, Double anchor) {
      this(name, gamma, deltaBeta, items, anchor, null);
    }
  }

  public CaseStudyTruth {
    subgroups = List.copyOf(subgroups);
  }

  /** Forward FLOPs of the anchor (budgets count forward passes: about a third of 6ND). */
  public double anchorForwardFlops() {
    return anchorCompute / 3;
  }

  /** The spec of a subgroup by name. */
  public Spec subgroup(String name) {
    return subgroups.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no subgroup '" + name + "' in case study of baseline " + baseline));
  }

  /**
   * γ of a subgroup: configured, or solved from its anchor so the truth passes through the anchor
   * value at anchor-compute (baseline: against the overall loss at its optimum there; treatment:
   * against the baseline's anchor).
   */
  public double gamma(Spec s) {
    if (s.anchor() == null) {
      return s.gamma();
    }
    double fa = anchorForwardFlops() / referenceCompute;
    if (s.name().equals(baseline)) {
      double loss = overall.optimalLoss(anchorCompute);
      return s.anchor() / (loss * Math.pow(fa, s.deltaBeta()));
    }
    double vb = subgroup(baseline).anchor();
    return s.anchor() / vb / Math.pow(fa, s.deltaBeta());
  }

  /** True Δβ of a contrast: the treatment's configured Δβ. */
  public double deltaBeta(String treatment) {
    return subgroup(treatment).deltaBeta();
  }

  /**
   * True log10 crossover compute of two treatments: where γ_a·(F/F_ref)^(Δβ_a) = γ_b·(F/F_ref)^(Δβ_b),
   * i.e. log10 F = log10 F_ref + log10(γ_a/γ_b)/(Δβ_b − Δβ_a); NaN for parallel curves.
   */
  public double log10Crossover(String t1, String t2) {
    Spec a = subgroup(t1);
    Spec b = subgroup(t2);
    double ds = b.deltaBeta() - a.deltaBeta();
    if (ds == 0) {
      return Double.NaN;
    }
    return Math.log10(referenceCompute) + Math.log10(gamma(a) / gamma(b)) / ds;
  }

  /**
   * The simulator's truth: the overall law plus every subgroup, relative to it or, where a subgroup
   * has a joint law of its own, absolute.
   */
  public CorpusTruth corpusTruth() {
    Spec base = subgroup(baseline);
    double gb = gamma(base);
    double db = base.deltaBeta();
    List<Subgroup> list = new ArrayList<>();
    list.add(new Subgroup(OVERALL, new SubgroupTruth.Absolute(overall), 0, null));
    for (Spec s : subgroups) {
      if (s.law() != null) {
        list.add(new Subgroup(s.name(), new SubgroupTruth.Absolute(s.law()), s.items(), accuracy, questions));
        continue;
      }
      double g = s.name().equals(baseline) ? gb : gb * gamma(s);
      double d = s.name().equals(baseline) ? db : db + s.deltaBeta();
      list.add(new Subgroup(s.name(), new SubgroupTruth.Relative(OVERALL, g, d, referenceCompute), s.items(),
          accuracy, questions));
    }
    return new CorpusTruth(corpus, list);
  }
}
