package org.scalesweep.fit;

/**
 * How Approach 2 fits each IsoFLOP parabola of loss in log10 size.
 *
 * <p>Chosen by measurement on a simulated 85-configuration IsoFLOP suite (lognormal run noise 1%,
 * 7 budgets; docs/CALIBRATION.md): least squares and the scale-aware Huber give allocation exponents
 * of the same spread, and least squares is what Hoffmann et al. (2022) fitted, so it is the default.
 */
public enum ParabolaLoss {
  /** Weighted least squares (Hoffmann et al. 2022, Approach 2): closed form, one pass. */
  LEAST_SQUARES,
  /**
   * Huber's loss on relative residuals with δ = 1.345·σ̂, σ̂ the normalised median absolute
   * deviation (1.4826·MAD) of the least-squares residuals: δ follows the residual scale, so only
   * runs several σ off are down-weighted (a fixed δ far below the noise turns the fit into least
   * absolute deviations). Iteratively reweighted least squares, at most
   * {@link Approach2#MAX_REWEIGHTINGS} passes; a curve that has not settled by then is flagged
   * {@link FitFlag#NOT_CONVERGED}.
   */
  SCALE_AWARE_HUBER
}
