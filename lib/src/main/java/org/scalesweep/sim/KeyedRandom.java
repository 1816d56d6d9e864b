package org.scalesweep.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Draws from keyed streams (see {@link Keys}): every method is a pure function of its key.
 */
public final class KeyedRandom {
  private static final double TWO_POW_53 = 0x1.0p-53;

  private KeyedRandom() {}

  /** Uniform on the open interval (0, 1). */
  public static double uniform(long key) {
    return ((Keys.mix(key) >>> 11) + 0.5) * TWO_POW_53;
  }

  /** Standard normal (Commons RNG's ziggurat on a SplitMix64 seeded by the key). */
  public static double gaussian(long key) {
    return ZigguratSampler.NormalizedGaussian.of(stream(key)).sample();
  }

  /** A sequential stream for draws that belong together (e.g. one multinomial resample). */
  public static UniformRandomProvider stream(long key) {
    return new SplitMix64(Keys.mix(key));
  }

  /** Bernoulli(p). */
  public static boolean bernoulli(long key, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("Bernoulli probability must lie in [0, 1], got " + p);
    }
    return uniform(key) < p;
  }

  /** Binomial(n, p) count. */
  public static int binomial(long key, int n, double p) {
    if (n < 0) {
      throw new IllegalArgumentException("binomial trials must be >= 0, got " + n);
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("binomial probability must lie in [0, 1], got " + p);
    }
    return BinomialDistribution.of(n, p).createSampler(stream(key)).sample();
  }
}
