package org.scalesweep.calib;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A rate pooled over the contrasts of R replicates with its Monte Carlo interval computed over
 * WHOLE replicates: the contrasts of one replicate share its baseline (and its noise draws), so
 * they are not independent trials and a binomial interval over contrast-replicates is too narrow.
 * The rate is the ratio estimator p = Σk_r / Σn_r over replicates r (k_r events among n_r contrasts),
 * its variance the cluster-robust (linearization) one, R/(R − 1)·Σ(k_r − p·n_r)² / (Σn_r)², and the
 * interval p ± z·se, clipped to [0, 1].
 *
 * @param events Σk_r
 * @param trials Σn_r
 * @param replicates R
 * @param rate p
 * @param standardError cluster-robust standard error of p
 * @param low lower bound
 * @param high upper bound
 * @param level nominal coverage of the interval
 */
public record ReplicateRate(long events, long trials, int replicates, double rate, double standardError, double low,
    double high, double level) implements java.io.Serializable {

  /** From per-replicate events and trials (same length, one entry per replicate). */
  public static ReplicateRate of(long[] events, long[] trials, double level) {
    if (events.length != trials.length) {
      throw new IllegalArgumentException("replicate rate needs one event count per trial count, got " + events.length
          + " and " + trials.length);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), got " + level);
    }
    long k = 0;
    long n = 0;
    for (int r = 0; r < events.length; r++) {
      if (events[r] < 0 || events[r] > trials[r]) {
        throw new IllegalArgumentException("replicate " + r + " has " + events[r] + " events in " + trials[r]
            + " trials");
      }
      k += events[r];
      n += trials[r];
    }
    int reps = events.length;
    if (n == 0 || reps < 2) {
      return new ReplicateRate(k, n, reps, n == 0 ? Double.NaN : (double) k / n, Double.NaN, 0, 1, level);
    }
    double p = (double) k / n;
    double ss = 0;
    for (int r = 0; r < reps; r++) {
      double e = events[r] - p * trials[r];
      ss += e * e;
    }
    double se = Math.sqrt(reps / (reps - 1.0) * ss) / n;
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
    return new ReplicateRate(k, n, reps, p, se, Math.max(0, p - z * se), Math.min(1, p + z * se), level);
  }

  public boolean contains(double x) {
    return x >= low && x <= high;
  }
}
