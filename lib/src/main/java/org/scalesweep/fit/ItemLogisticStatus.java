package org.scalesweep.fit;

/** How an {@link ItemLogisticFitter} fit ended. */
public enum ItemLogisticStatus {
  /**
   * The maximum likelihood estimate: the Newton decrement λ² = gᵀH⁻¹g (the squared gradient norm in
   * the metric of the inverse Fisher information) satisfies λ²/2 ≤ 1e-14·max(1, |ℓ|), and the last
   * accepted step changed the log-likelihood ℓ by at most 1e-12·max(1, |ℓ|) relative.
   */
  CONVERGED,
  /**
   * The iterations ran out (or no step halving raised the likelihood) before both criteria held:
   * the coefficients are the last accepted iterate, not the estimate.
   */
  NOT_CONVERGED,
  /**
   * The maximum likelihood estimate does not exist: every label is equal, or the labels are
   * (nearly) separated by ln loss, so the likelihood rises as the coefficients run off to infinity
   * (detected as fitted probabilities all saturated, Σ p(1 − p) ≤ 1e-6·n, when the iterations stop
   * without converging). The coefficients are the last iterate and mean nothing.
   */
  SEPARATED,
  /**
   * The information matrix is singular with unsaturated probabilities: the rows do not identify a
   * slope (e.g. every row has the same loss). The coefficients are the last iterate.
   */
  DEGENERATE
}
