package org.scalesweep.advice;

/**
 * A candidate's expected effect on a design, by the analytical model.
 *
 * @param candidate the candidate
 * @param design the design with the candidate added
 * @param flops FLOPs it costs (training; evaluation for items)
 * @param power expected power per contrast of interest on the extended design
 * @param width expected Δβ interval width per contrast on the extended design
 * @param gain gain under the objective (see {@link Objective})
 */
public record CandidateGain(Candidate candidate, AdviceDesign design, double flops, double[] power, double[] width,
    double gain) {

  /** gain / FLOPs (0 when the candidate costs nothing: it adds nothing). */
  public double gainPerFlop() {
    return flops > 0 ? gain / flops : 0;
  }
}
