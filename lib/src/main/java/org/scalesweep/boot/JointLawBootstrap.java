package org.scalesweep.boot;

import org.scalesweep.fit.Fit;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.law.JointLaw;

/**
 * Bootstrap of an Approach 3 joint-law fit: resample b reweights units (a point, a run replicate,
 * or a configuration with all its seeds) with keyed weights and refits warm-started at the
 * full-sample optimum, which is what makes thousands of refits affordable. A warm-started refit that
 * has no estimate or does not converge (the tail draws of a weakly identified law, where the
 * full-sample optimum is a poor start) is retried once with the fitter's own screened start grid
 * ({@link JointLawFitter#fit}, the search the full sample got); only when that fails too is the
 * resample a failure (NaN, counted in failed_resamples and left out of the intervals). Dropping the
 * warm-start failures instead would drop exactly the resamples farthest from the estimate and
 * narrow the intervals.
 */
public final class JointLawBootstrap {
  /** Statistics per resample: E, A, α, B, β, then the allocation exponents a = β/(α+β), b = α/(α+β). */
  public static final String[] STATISTICS = {"E", "A", "alpha", "B", "beta", "a", "b"};

  private final JointLawFitter fitter;
  private final JointLaw start;
  private final double[] n;
  private final double[] d;
  private final double[] loss;
  private final long[] unitOfPoint;
  private final Resampler resampler;
  private final long scopeKey;

  /**
   * @param full the full-sample fit (its estimate is the warm start)
   * @param unitOfPoint resampling unit key of each point (points of a unit share its weight)
   */
  public JointLawBootstrap(JointLawFitter fitter, Fit<JointLaw> full, double[] n, double[] d, double[] loss,
      long[] unitOfPoint, Resampler resampler, long scopeKey) {
    if (!full.hasEstimate()) {
      throw new IllegalArgumentException("cannot bootstrap a fit without an estimate: " + full.note());
    }
    if (unitOfPoint.length != n.length) {
      throw new IllegalArgumentException("unit keys for " + unitOfPoint.length + " of " + n.length + " points");
    }
    this.fitter = fitter;
    this.start = full.law();
    this.n = n.clone();
    this.d = d.clone();
    this.loss = loss.clone();
    this.unitOfPoint = unitOfPoint.clone();
    this.resampler = resampler;
    this.scopeKey = scopeKey;
  }

  /** The statistics of a law, in {@link #STATISTICS} order. */
  public static double[] statistics(JointLaw law) {
    return new double[] {law.e(), law.a(), law.alpha(), law.b(), law.beta(), law.allocationExponentN(),
        law.allocationExponentD()};
  }

  /**
   * Resample b's statistics: the warm-started refit, or when it fails the refit from the screened
   * start grid; NaN when both have no estimate or are not converged.
   */
  public double[] resample(long b) {
    double[] w = new double[n.length];
    resampler.runWeights(scopeKey, unitOfPoint, b, w);
    Fit<JointLaw> fit = fitter.refit(start, n, d, loss, w);
    if (!usable(fit)) {
      fit = fitter.fit(n, d, loss, w);
    }
    if (!usable(fit)) {
      double[] nan = new double[STATISTICS.length];
      java.util.Arrays.fill(nan, Double.NaN);
      return nan;
    }
    return statistics(fit.law());
  }

  private static boolean usable(Fit<JointLaw> fit) {
    return fit.hasEstimate() && fit.converged();
  }

  /** Resamples [from, to) as rows. */
  public double[][] resamples(long from, long to) {
    double[][] out = new double[(int) (to - from)][];
    for (long b = from; b < to; b++) {
      out[(int) (b - from)] = resample(b);
    }
    return out;
  }
}
