package org.scalesweep.fit;

/**
 * What one pass over item rows (x = ln loss, y ∈ {0, 1}) gives the exact item-level logistic fit at
 * fixed coefficients (a, b) of p = σ(a − b·x): the log-likelihood, its gradient and the Fisher
 * information (the negative Hessian). With z = a − b·x, r = y − p and w = p(1 − p):
 * ℓ = Σ [y·z − ln(1 + e<sup>z</sup>)], ∂ℓ/∂a = Σ r, ∂ℓ/∂b = −Σ r·x, and −∂²ℓ = [[Σ w, −Σ w·x],
 * [−Σ w·x, Σ w·x²]]. Built by {@link LogisticSumsAccumulator}.
 *
 * @param items rows summed
 * @param positives rows with y = 1
 * @param logLikelihood ℓ (NaN when a term was out of range, see {@link FixedPointSum})
 * @param sumR Σ (y − p)
 * @param sumRX Σ (y − p)·x
 * @param sumW Σ p(1 − p)
 * @param sumWX Σ p(1 − p)·x
 * @param sumWXX Σ p(1 − p)·x²
 */
public record LogisticSums(long items, long positives, double logLikelihood, double sumR, double sumRX, double sumW,
    double sumWX, double sumWXX) {

  /** ∂ℓ/∂a. */
  public double gradientA() {
    return sumR;
  }

  /** ∂ℓ/∂b. */
  public double gradientB() {
    return -sumRX;
  }

  /** Whether every sum is finite. */
  public boolean finite() {
    return Double.isFinite(logLikelihood) && Double.isFinite(sumR) && Double.isFinite(sumRX) && Double.isFinite(sumW)
        && Double.isFinite(sumWX) && Double.isFinite(sumWXX);
  }
}
