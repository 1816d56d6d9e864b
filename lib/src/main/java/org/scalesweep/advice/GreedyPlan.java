package org.scalesweep.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.scalesweep.grid.ModelConfig;

/**
 * The advisor's plan: starting from a design, add at each step the candidate with the largest
 * expected gain per FLOP (analytical model) among those that fit the remaining budget, until the
 * objective is met (every contrast at the target power) or no candidate gains anything or fits.
 * Ties go to the earlier candidate in {@link Candidates#of}'s order, so the plan is a pure function
 * of its inputs.
 *
 * @param candidates candidate generator
 * @param model calibrated analytical model
 * @param loss noiseless loss of a configuration (orders the narrow / wide candidates)
 * @param effects Δβ of each contrast of interest
 * @param objective what a gain measures
 * @param target power every contrast should reach
 * @param evaluationSubgroups subgroups whose items an item candidate adds (its evaluation cost)
 * @param tokensPerItem tokens of one item (its evaluation cost)
 */
public record GreedyPlan(Candidates candidates, GainModel model, ToDoubleFunction<ModelConfig> loss, double[] effects,
    Objective objective, double target, int evaluationSubgroups, int tokensPerItem) {
  public GreedyPlan {
    effects = effects.clone();
    if (effects.length == 0) {
      throw new IllegalArgumentException("a plan needs at least one contrast of interest");
    }
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException("target power " + target + " is out of range; allowed: (0, 1)");
    }
  }

  /** One step of the plan. */
  public record Step(int step, CandidateGain choice, double cumulativeFlops) {}

  /** Expected power per contrast of a design. */
  public double[] power(AdviceDesign d) {
    double[] p = new double[effects.length];
    for (int c = 0; c < effects.length; c++) {
      p[c] = model.power(d, effects[c]);
    }
    return p;
  }

  /** Expected interval width per contrast of a design. */
  public double[] width(AdviceDesign d) {
    double w = model.width(d);
    double[] out = new double[effects.length];
    java.util.Arrays.fill(out, w);
    return out;
  }

  /** FLOPs of a design: training plus the evaluation of its items. */
  public double cost(AdviceDesign d) {
    return d.trainingFlops() + d.evaluationFlops(evaluationSubgroups, tokensPerItem);
  }

  /** What each candidate would do to a design, in the generator's order. */
  public List<CandidateGain> gains(AdviceDesign d) {
    double[] p0 = power(d);
    double[] w0 = width(d);
    double c0 = cost(d);
    List<CandidateGain> out = new ArrayList<>();
    for (Candidate c : candidates.of(d, loss)) {
      AdviceDesign next = c.applyTo(d);
      double[] p = power(next);
      double[] w = width(next);
      out.add(new CandidateGain(c, next, cost(next) - c0, p, w, gain(p0, w0, p, w)));
    }
    return out;
  }

  /** Power counted as gained up to this (not the target: simulated power reaches a target with some noise). */
  public static final double POWER_CAP = 0.99;

  /** Gain of moving from (p0, w0) to (p, w) under the objective, over the contrasts below the target at p0. */
  double gain(double[] p0, double[] w0, double[] p, double[] w) {
    boolean[] open = new boolean[p0.length];
    for (int c = 0; c < p0.length; c++) {
      open[c] = p0[c] < target;
    }
    return gain(objective, p0, w0, p, w, open);
  }

  /**
   * Gain of moving from (p0, w0) to (p, w): under {@link Objective#POWER} the power gained (up to
   * {@link #POWER_CAP}) summed over the {@code open} contrasts (those not yet at the target), under
   * {@link Objective#WIDTH} the interval width removed, summed over every contrast; under
   * {@link Objective#ALLOCATION} the width removed from whatever widths are given (the advisor passes
   * the allocation exponents' simulated widths; the screen, which has no model of them, its Δβ widths).
   */
  public static double gain(Objective objective, double[] p0, double[] w0, double[] p, double[] w, boolean[] open) {
    double g = 0;
    for (int c = 0; c < p.length; c++) {
      if (objective == Objective.POWER) {
        g += open[c] ? Math.min(p[c], POWER_CAP) - Math.min(p0[c], POWER_CAP) : 0;
      } else {
        g += Double.isFinite(w0[c]) && Double.isFinite(w[c]) ? w0[c] - w[c] : 0;
      }
    }
    return g;
  }

  /** Whether every contrast reaches the target power on a design. */
  public boolean reached(AdviceDesign d) {
    for (double p : power(d)) {
      if (p < target) {
        return false;
      }
    }
    return true;
  }

  /** The greedy plan from {@code base}, spending at most {@code budgetFlops}. */
  public List<Step> plan(AdviceDesign base, double budgetFlops) {
    if (!(budgetFlops >= 0)) {
      throw new IllegalArgumentException("--budget-flops must be >= 0, got " + budgetFlops);
    }
    List<Step> steps = new ArrayList<>();
    AdviceDesign d = base;
    double spent = 0;
    while (!(objective == Objective.POWER && reached(d))) {
      CandidateGain best = null;
      for (CandidateGain g : gains(d)) {
        if (g.flops() > 0 && spent + g.flops() <= budgetFlops && g.gain() > 0
            && (best == null || g.gainPerFlop() > best.gainPerFlop())) {
          best = g;
        }
      }
      if (best == null) {
        break;
      }
      spent += best.flops();
      d = best.design();
      steps.add(new Step(steps.size() + 1, best, spent));
    }
    return steps;
  }
}
