package org.scalesweep.calib;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * A proportion k/n with its exact (Clopper–Pearson) two-sided interval: the bounds are Beta
 * quantiles, so the interval covers the true rate with probability at least {@code level} for every
 * n. Conservative, which is what a calibration claim ("the rate is 5%") should be held to.
 *
 * @param successes k
 * @param trials n
 * @param low lower bound (0 when k = 0)
 * @param high upper bound (1 when k = n)
 * @param level nominal coverage, e.g. 0.95
 */
public record BinomialInterval(long successes, long trials, double low, double high, double level)
    implements java.io.Serializable {

  public static BinomialInterval clopperPearson(long successes, long trials, double level) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("binomial interval needs 0 <= successes <= trials, got " + successes + " of "
          + trials);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), got " + level);
    }
    if (trials == 0) {
      return new BinomialInterval(0, 0, 0, 1, level);
    }
    double tail = (1 - level) / 2;
    double low = successes == 0 ? 0
        : BetaDistribution.of(successes, trials - successes + 1.0).inverseCumulativeProbability(tail);
    double high = successes == trials ? 1
        : BetaDistribution.of(successes + 1.0, trials - successes).inverseCumulativeProbability(1 - tail);
    return new BinomialInterval(successes, trials, low, high, level);
  }

  /** k/n (NaN when n = 0). */
  public double rate() {
    return trials == 0 ? Double.NaN : (double) successes / trials;
  }

  public boolean contains(double p) {
    return p >= low && p <= high;
  }
}
