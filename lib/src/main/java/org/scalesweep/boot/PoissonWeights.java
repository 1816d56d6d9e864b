package org.scalesweep.boot;

import org.scalesweep.sim.Keys;

/**
 * Poisson(1) bootstrap weights by inversion of one keyed 64-bit mix: the weight of a unit in a
 * resample is a pure function of (seed, unit, resample), so any task computes the same weight.
 * Poisson(1) weights make every scheme a weighted refit and approximate the multinomial bootstrap
 * as the number of units grows.
 */
public final class PoissonWeights {
  /** P(K ≤ k) for K ~ Poisson(1), k = 0…19, scaled to unsigned 53-bit integers. */
  private static final long[] CDF = new long[20];
  private static final long C0;
  private static final long C1;
  private static final long C2;
  private static final long C3;

  static {
    double p = Math.exp(-1);
    double c = 0;
    for (int k = 0; k < CDF.length; k++) {
      c += p;
      CDF[k] = (long) Math.min(Math.scalb(c, 53), Math.scalb(1.0, 53));
      p /= (k + 1);
    }
    C0 = CDF[0];
    C1 = CDF[1];
    C2 = CDF[2];
    C3 = CDF[3];
  }

  private PoissonWeights() {}

  /** Poisson(1) draw keyed by {@code key} (already mixed or not: it is mixed again). */
  public static int draw(long key) {
    return invert(Keys.mix(key) >>> 11);
  }

  /**
   * Inversion of u, uniform on [0, 2^53). The first four comparisons are branch-free (they decide
   * 98% of draws; a data-dependent loop mispredicts about once per draw); the tail is the loop.
   */
  static int invert(long u) {
    int k = (u >= C0 ? 1 : 0) + (u >= C1 ? 1 : 0) + (u >= C2 ? 1 : 0) + (u >= C3 ? 1 : 0);
    if (k < 4) {
      return k;
    }
    while (k < CDF.length - 1 && u >= CDF[k]) {
      k++;
    }
    return k;
  }
}
