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
 */
public record SimulatedDesign(int replicates, double meanEstimate, double variance, double meanWidth, long[] correct,
    int failed) implements java.io.Serializable {
  public SimulatedDesign {
    correct = correct.clone();
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
        n - ok);
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
