package org.scalesweep.advice;

/**
 * A design the advisor simulated, with what it expects of it.
 *
 * @param plan {@code base}, {@code candidate} (one addition to the base), {@code advisor} (a step of
 *     the greedy plan), {@code uniform-seeds} or {@code uniform-configs} (a uniform extension)
 * @param step step of the plan or rung of the uniform ladder (0 for base and candidates)
 * @param candidate what was added (null for base and uniform extensions)
 * @param design the design simulated
 * @param flops FLOPs of this addition (a step's or a candidate's; a uniform extension's over the base)
 * @param cumulativeFlops FLOPs added to the base so far
 * @param simulated what R replicate sweeps gave
 * @param expectedPower per contrast, the power from the simulated spread and width
 * @param expectedWidth expected Δβ interval width (simulated mean)
 * @param analyticPower per contrast, the analytical screen's power (calibrated on the previous design)
 * @param analyticWidth the screen's width
 * @param gainPerFlop simulated gain over the design it extends, per FLOP (NaN for base and uniform)
 * @param rank rank among the candidates by gain per FLOP (1 = best; 0 elsewhere)
 */
public record Scored(String plan, int step, Candidate candidate, AdviceDesign design, double flops,
    double cumulativeFlops, SimulatedDesign simulated, double[] expectedPower, double expectedWidth,
    double[] analyticPower, double analyticWidth, double gainPerFlop, int rank) implements java.io.Serializable {

  /** This row with another rank. */
  public Scored ranked(int r) {
    return new Scored(plan, step, candidate, design, flops, cumulativeFlops, simulated, expectedPower, expectedWidth,
        analyticPower, analyticWidth, gainPerFlop, r);
  }
}
