package org.scalesweep.fit;

import org.scalesweep.law.SigmoidCalibration;

/**
 * The exact item-level maximum likelihood fit of p = σ(a − b·ln loss) ({@link ItemLogisticFitter}).
 *
 * @param a intercept
 * @param b slope on −ln loss (positive when accuracy rises as loss falls)
 * @param seA standard error of a from the inverse Fisher information at (a, b) (NaN when singular)
 * @param seB standard error of b, likewise
 * @param logLikelihood ℓ at (a, b)
 * @param items rows
 * @param positives rows with y = 1
 * @param iterations Newton steps accepted
 * @param passes passes over the data (one per iterate evaluated, step halvings included)
 * @param status how the fit ended; only {@link ItemLogisticStatus#CONVERGED} is an estimate to use as is
 * @param note why, when not converged ("" otherwise)
 */
public record ItemLogisticFit(double a, double b, double seA, double seB, double logLikelihood, long items,
    long positives, int iterations, int passes, ItemLogisticStatus status, String note) {

  public ItemLogisticFit {
    note = note == null ? "" : note;
  }

  /** Whether the fit is the maximum likelihood estimate. */
  public boolean converged() {
    return status == ItemLogisticStatus.CONVERGED;
  }

  /** The curve (floor 0), or null when a coefficient is not finite. */
  public SigmoidCalibration law() {
    return Double.isFinite(a) && Double.isFinite(b) ? new SigmoidCalibration(0, a, b) : null;
  }
}
