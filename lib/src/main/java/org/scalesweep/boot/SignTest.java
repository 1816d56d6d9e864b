package org.scalesweep.boot;

/**
 * The bootstrap sign test of seed 003: interpret Δβ only when its sign is significant.
 * p = min(1, 2·min((1 + #{Δβ* ≤ 0})/(B + 1), (1 + #{Δβ* ≥ 0})/(B + 1))) over the B finite
 * resamples. The statistic (p), the threshold (α) and the decision are kept apart.
 */
public final class SignTest {
  private SignTest() {}

  /** Two-sided sign p-value; NaN when no resample is finite. */
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

  /** The decision at significance level α: p &lt; α. */
  public static boolean significant(double pValue, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("significance level must lie in (0, 1), got " + alpha);
    }
    return pValue < alpha;
  }
}
