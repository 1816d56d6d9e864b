package org.scalesweep.advice;

import org.scalesweep.calib.BinomialInterval;

/**
 * What R simulated replicate sweeps of one design gave: the spread of Δβ̂ (at effect 0; every
 * effect shifts it exactly, see {@code PowerStudy}), the mean interval width, and per effect the
 * replicates that declared the true sign.
 *
 * @param replicates replicate sweeps
 * @param meanEstimate mean Δβ̂ at effect 0
 * @param variance Monte Carlo variance of Δβ̂ (R − 1 denominator)
 * @param meanWidth mean width of the Δβ interval (percentile, the study's level)
 * @param correct per effect, replicates significant with the true sign
 * @param failed replicates whose interval or test could not be formed (not finite); left out of the moments
 * @param allocationVariance Monte Carlo variances {Var(â), Var(b̂)} of the overall law's allocation
 *     exponents (Approach 2 on each replicate sweep; R − 1 denominator)
 * @param allocationFailed replicates whose Approach 2 gave no exponent (left out of those variances)
 */
public record SimulatedDesign(int replicates, double meanEstimate, double variance, double meanWidth, long[] correct,
    int failed, double[] allocationVariance, int allocationFailed) implements java.io.Serializable {
  public SimulatedDesign {
    correct = correct.clone();
    allocationVariance = allocationVariance.clone();
  }

  /**
   * Width of the level interval of the allocation exponents, a and b summed: 2·z·(sd(â) + sd(b̂)),
   * z = Φ⁻¹((1 + level)/2), with sd their spread over the replicate sweeps (what a calibrated interval's
   * width would be).
   */
  public double allocationWidth(double level) {
    double z = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
        .inverseSurvivalProbability((1 - level) / 2);
    return 2 * z * (Math.sqrt(allocationVariance[0]) + Math.sqrt(allocationVariance[1]));
  }

  /** Width of the level interval of one exponent (0: a, 1: b), 2·z·sd. */
  public double allocationWidth(int exponent, double level) {
    double z = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
        .inverseSurvivalProbability((1 - level) / 2);
    return 2 * z * Math.sqrt(allocationVariance[exponent]);
  }

  /** Variance over the finite values (R − 1 denominator); NaN with fewer than 2. */
  static double variance(double[] v) {
    double sum = 0;
    int n = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        sum += x;
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double m = sum / n;
    double ss = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        ss += (x - m) * (x - m);
      }
    }
    return ss / (n - 1);
  }

  /** As {@link #of(double[], double[], boolean[][])} with each replicate's allocation exponents â and b̂ (NaN: failed). */
  public static SimulatedDesign of(double[] estimates, double[] widths, boolean[][] correctSign, double[] a,
      double[] b) {
    SimulatedDesign d = of(estimates, widths, correctSign);
    int failedAlloc = 0;
    for (int r = 0; r < a.length; r++) {
      failedAlloc += Double.isFinite(a[r]) && Double.isFinite(b[r]) ? 0 : 1;
    }
    return new SimulatedDesign(d.replicates(), d.meanEstimate(), d.variance(), d.meanWidth(), d.correct(), d.failed(),
        new double[] {variance(a), variance(b)}, failedAlloc);
  }

  /** Aggregates replicate values: estimates, widths, and per replicate and effect whether the sign was declared. */
  public static SimulatedDesign of(double[] estimates, double[] widths, boolean[][] correctSign) {
    int n = estimates.length;
    int ok = 0;
    double sum = 0;
    double width = 0;
    for (int r = 0; r < n; r++) {
      if (Double.isFinite(estimates[r]) && Double.isFinite(widths[r])) {
        ok++;
        sum += estimates[r];
        width += widths[r];
      }
    }
    double mean = ok > 0 ? sum / ok : Double.NaN;
    double ss = 0;
    for (int r = 0; r < n; r++) {
      if (Double.isFinite(estimates[r]) && Double.isFinite(widths[r])) {
        ss += (estimates[r] - mean) * (estimates[r] - mean);
      }
    }
    int effects = n == 0 ? 0 : correctSign[0].length;
    long[] correct = new long[effects];
    for (boolean[] row : correctSign) {
      for (int e = 0; e < effects; e++) {
        correct[e] += row[e] ? 1 : 0;
      }
    }
    return new SimulatedDesign(n, mean, ok > 1 ? ss / (ok - 1) : Double.NaN, ok > 0 ? width / ok : Double.NaN, correct,
        n - ok, new double[] {Double.NaN, Double.NaN}, n);
  }

  /** The counted power of effect e with its exact interval. */
  public BinomialInterval power(int e, double level) {
    return BinomialInterval.clopperPearson(correct[e], replicates, level);
  }

  /** Power of an effect from the simulated spread and width (smooth; see {@link GainModel#power(double, double, int, double, double)}). */
  public double expectedPower(double effect, int df, double alpha, double level) {
    return GainModel.power(Math.sqrt(variance), GainModel.standardErrorOfWidth(meanWidth, df, level), df, effect, alpha);
  }
}
