package org.scalesweep.calib;

import java.util.ArrayList;
import java.util.List;
import org.scalesweep.relative.Contrast;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/**
 * The true Δβ of a contrast under a corpus truth, and truths with chosen Δβ (the null truth sets
 * every contrast to 0, everything else unchanged). Only relative truths fix Δβ exactly: the
 * treatment either relative to the baseline, or both relative to the same absolute subgroup (then
 * Δβ is the difference of their exponents, whatever their γ and F_ref).
 */
public final class ContrastTruths {
  private ContrastTruths() {}

  /** The contrast's true Δβ = β_b − β_t. */
  public static double deltaBeta(CorpusTruth truth, Contrast c) {
    SubgroupTruth.Relative t = relative(truth, c.treatment(), c);
    if (t.baseline().equals(c.baseline())) {
      return t.deltaBeta();
    }
    return t.deltaBeta() - baselineExponent(truth, c, t.baseline());
  }

  /** The truth with the contrast's Δβ set to {@code deltaBeta}; other subgroups unchanged. */
  public static CorpusTruth withDeltaBeta(CorpusTruth truth, Contrast c, double deltaBeta) {
    SubgroupTruth.Relative t = relative(truth, c.treatment(), c);
    double exponent = t.baseline().equals(c.baseline()) ? deltaBeta
        : baselineExponent(truth, c, t.baseline()) + deltaBeta;
    List<Subgroup> list = new ArrayList<>(truth.subgroups());
    int i = truth.indexOf(c.treatment());
    Subgroup s = list.get(i);
    list.set(i, new Subgroup(s.name(), new SubgroupTruth.Relative(t.baseline(), t.gamma(), exponent, t.computeRef()),
        s.items(), s.accuracy(), s.questions()));
    return new CorpusTruth(truth.corpus(), list);
  }

  /**
   * Whether the truth fixes the contrast's Δβ exactly (a proportional truth: the treatment relative
   * to the baseline, or both relative to one absolute subgroup). When it does not (e.g. the
   * treatment has its own joint law), the Δβ the estimator targets is the slope of the noiseless
   * sweep (see {@code SimulatedCorpus.noiseless}).
   */
  public static boolean isFixed(CorpusTruth truth, Contrast c) {
    try {
      deltaBeta(truth, c);
      return true;
    } catch (IllegalArgumentException e) {
      if (truth.indexOf(c.treatment()) < 0 || truth.indexOf(c.baseline()) < 0) {
        throw e;
      }
      return false;
    }
  }

  /**
   * The truth with the contrast made proportional with Δβ = 0: the treatment becomes the baseline's
   * curve times {@code gamma} (through the baseline's own reference when the baseline is relative).
   * For contrasts whose Δβ is not fixed (see {@link #isFixed}); other subgroups unchanged.
   */
  public static CorpusTruth proportionalNull(CorpusTruth truth, Contrast c, double gamma) {
    int i = truth.indexOf(c.treatment());
    int b = truth.indexOf(c.baseline());
    if (i < 0 || b < 0) {
      throw new IllegalArgumentException("contrast " + c.label() + ": corpus " + truth.corpus()
          + " lacks its baseline or treatment");
    }
    SubgroupTruth base = truth.subgroups().get(b).truth();
    SubgroupTruth.Relative nulled = base instanceof SubgroupTruth.Relative r
        ? new SubgroupTruth.Relative(r.baseline(), r.gamma() * gamma, r.deltaBeta(), r.computeRef())
        : new SubgroupTruth.Relative(c.baseline(), gamma, 0, 1);
    List<Subgroup> list = new ArrayList<>(truth.subgroups());
    Subgroup s = list.get(i);
    list.set(i, new Subgroup(s.name(), nulled, s.items(), s.accuracy(), s.questions()));
    return new CorpusTruth(truth.corpus(), list);
  }

  /** The null truth: every contrast's Δβ = 0. */
  public static CorpusTruth nulled(CorpusTruth truth, List<Contrast> contrasts) {
    CorpusTruth out = truth;
    for (Contrast c : contrasts) {
      out = withDeltaBeta(out, c, 0);
    }
    return out;
  }

  /** Exponent of the baseline against the treatment's reference subgroup (0 when it is that subgroup). */
  private static double baselineExponent(CorpusTruth truth, Contrast c, String reference) {
    if (truth.indexOf(c.baseline()) < 0) {
      throw new IllegalArgumentException("contrast " + c.label() + ": corpus " + truth.corpus() + " has no subgroup '"
          + c.baseline() + "'");
    }
    SubgroupTruth b = truth.subgroups().get(truth.indexOf(c.baseline())).truth();
    if (b instanceof SubgroupTruth.Relative r && r.baseline().equals(reference)) {
      return r.deltaBeta();
    }
    if (c.baseline().equals(reference)) {
      return 0;
    }
    throw new IllegalArgumentException("contrast " + c.label() + " on corpus " + truth.corpus()
        + ": baseline and treatment are not relative to a common subgroup, so the true delta-beta is not fixed");
  }

  private static SubgroupTruth.Relative relative(CorpusTruth truth, String name, Contrast c) {
    int i = truth.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("contrast " + c.label() + ": corpus " + truth.corpus() + " has no subgroup '"
          + name + "'");
    }
    if (!(truth.subgroups().get(i).truth() instanceof SubgroupTruth.Relative r)) {
      throw new IllegalArgumentException("contrast " + c.label() + " on corpus " + truth.corpus() + ": treatment '"
          + name + "' has an absolute truth, so its true delta-beta is not fixed; give it a relative truth");
    }
    return r;
  }
}
