package org.scalesweep.relative;

import org.scalesweep.law.RelativeLaw;

/**
 * Relative scaling of one contrast along the compute-optimal frontier.
 *
 * @param contrast baseline and treatment
 * @param deltaBeta Δβ = β_b − β_t (NaN when not estimable)
 * @param gamma γ = α_t/α_b
 * @param betaBaseline β of the baseline's E(F)
 * @param betaTreatment β of the treatment's E(F)
 */
public record ContrastEstimate(Contrast contrast, double deltaBeta, double gamma, double betaBaseline,
    double betaTreatment) {

  public boolean valid() {
    return Double.isFinite(deltaBeta) && Double.isFinite(gamma) && gamma > 0;
  }

  /** The relative law G(F) = γ·F^Δβ; only when {@link #valid()}. */
  public RelativeLaw law() {
    return new RelativeLaw(gamma, deltaBeta);
  }
}
