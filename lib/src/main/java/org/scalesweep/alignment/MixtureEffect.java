package org.scalesweep.alignment;

/**
 * Effectiveness of one fixed alignment-data mixture across model sizes (seed 000, Experiment 5):
 * improvement = 1 − L(N, D = ratio·20·N)/L(N, D = 0).
 *
 * @param ratio alignment fraction of pretraining tokens
 * @param meanImprovement improvement averaged over the sizes
 * @param slopePerDecade least-squares slope of improvement on log10 N
 */
public record MixtureEffect(double ratio, double meanImprovement, double slopePerDecade) {
  /** Name fragment of the ratio without dots (config keys): 0.001 → "0p001". */
  public String key() {
    return java.math.BigDecimal.valueOf(ratio).stripTrailingZeros().toPlainString().replace('.', 'p');
  }
}
