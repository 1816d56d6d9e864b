package org.scalesweep.boot;

/**
 * The bootstrap sign test of seed 003: interpret Δβ only when its sign is significant.
 * p = min(1, 2·min((1 + #{Δβ* ≤ 0})/(V + 1), (1 + #{Δβ* ≥ 0})/(V + 1))) over the V valid (finite)
 * resamples. The failure rule: a failed resample is left out of p and of the intervals, and is
 * counted ({@link BootstrapSummary#failed()}, column {@code failed_resamples}); above 10% failures the
 * estimate is flagged unstable ({@link BootstrapSummary#unstable()}) and its p is not to be read.
 * Counting failures on both sides of 0 instead (the worst case) was tried and rejected: with 23 of
 * 400 resamples failing, the shipped example's Δβ = −0.0202 [−0.0209, −0.0191] got p = 0.12. The
 * statistic (p), the threshold (α) and the decision are kept apart.
 */
public final class SignTest {
  private SignTest() {}

  /** Two-sided sign p-value over the finite resamples (failures left out and counted elsewhere); NaN when none is. */
  public static double pValue(double[] resampled) {
    long nonPositive = 0;
    long nonNegative = 0;
    long b = 0;
    for (double v : resampled) {
      if (!Double.isFinite(v)) {
        continue;
      }
      b++;
      if (v <= 0) {
        nonPositive++;
      }
      if (v >= 0) {
        nonNegative++;
      }
    }
    if (b == 0) {
      return Double.NaN;
    }
    double pLow = (1.0 + nonPositive) / (b + 1.0);
    double pHigh = (1.0 + nonNegative) / (b + 1.0);
    return Math.min(1, 2 * Math.min(pLow, pHigh));
  }

  /**
   * The exact size of this test at level α with B resamples and none failing, when the statistic
   * is continuous and its null is exactly pivotal: the rank k = #{Δβ* ≤ 0} is then uniform on
   * {0, …, B}, p = min(1, 2(1 + min(k, B − k))/(B + 1)), and the size is the share of k with p &lt; α,
   * i.e. 2m/(B + 1) with m = ⌈α(B + 1)/2⌉ − 1 (4.98% at B = 200, α = 0.05; 4.998% at B = 2000). The
   * benchmark a calibrated test's false-positive rate is compared with. Computed by counting with
   * the same arithmetic as {@link #pValue}.
   */
  public static double exactSize(int resamples, double alpha) {
    if (resamples < 1) {
      throw new IllegalArgumentException("exact size needs at least 1 resample, got " + resamples);
    }
    long reject = 0;
    for (int k = 0; k <= resamples; k++) {
      double p = Math.min(1, 2 * ((1.0 + Math.min(k, resamples - k)) / (resamples + 1.0)));
      if (significant(p, alpha)) {
        reject++;
      }
    }
    return (double) reject / (resamples + 1);
  }

  /** The decision at significance level α: p &lt; α. */
  public static boolean significant(double pValue, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("significance level must lie in (0, 1), got " + alpha);
    }
    return pValue < alpha;
  }
}
