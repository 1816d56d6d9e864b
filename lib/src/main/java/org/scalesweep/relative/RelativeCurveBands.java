package org.scalesweep.relative;

import org.scalesweep.boot.Interval;
import org.scalesweep.boot.Intervals;

/**
 * Pointwise bootstrap bands of every contrast's fitted relative curve G(F) = γ·F^Δβ: each resample
 * gives its own (γ*, Δβ*), hence a curve; the band at F is the percentile interval of the curves'
 * values there. Drawing γ* and Δβ* from the same resample keeps their (strong, negative)
 * correlation, which a band built from the two marginal intervals would lose.
 *
 * <p>The resamples are those of {@link RelativeBootstrap}: keyed, so the band is built from exactly
 * the draws behind the significance table's Δβ intervals.
 */
public final class RelativeCurveBands {
  private RelativeCurveBands() {}

  /**
   * Bands of each contrast of {@code boot} at {@code flops}.
   *
   * @param resamples number of resamples, indices [0, resamples)
   * @param block resamples evaluated together (the item schemes' matrix products)
   * @param level confidence level, e.g. 0.95
   * @return [contrast][point] intervals (NaN bounds where no resample was estimable)
   */
  public static Interval[][] of(RelativeBootstrap boot, int resamples, int block, double[] flops, double level) {
    return of(draws(boot, resamples, block), flops, level);
  }

  /**
   * Every contrast's bootstrap draws of (Δβ*, γ*), resample by resample: [contrast][0: Δβ, 1: γ][resample].
   * The bands and the parity sets ({@link Parity}) are both computed from them.
   *
   * @param resamples number of resamples, indices [0, resamples)
   * @param block resamples evaluated together (the item schemes' matrix products)
   */
  public static double[][][] draws(RelativeBootstrap boot, int resamples, int block) {
    if (resamples < 1 || block < 1) {
      throw new IllegalArgumentException("resamples and block must be >= 1, got " + resamples + ", " + block);
    }
    int contrasts = boot.statistic().contrasts().size();
    int per = RelativeScaling.PER_CONTRAST;
    double[][][] out = new double[contrasts][2][resamples];
    for (int first = 0; first < resamples; first += block) {
      int len = Math.min(block, resamples - first);
      double[][] vals = new double[len][boot.statistics()];
      boot.evaluate(first, len, vals);
      for (int j = 0; j < len; j++) {
        for (int c = 0; c < contrasts; c++) {
          out[c][0][first + j] = vals[j][c * per];
          out[c][1][first + j] = vals[j][c * per + 1];
        }
      }
    }
    return out;
  }

  /** Bands at {@code flops} from the draws of {@link #draws}: [contrast][point] percentile intervals. */
  public static Interval[][] of(double[][][] draws, double[] flops, double level) {
    Interval[][] out = new Interval[draws.length][flops.length];
    for (int c = 0; c < draws.length; c++) {
      double[] deltaBeta = draws[c][0];
      double[] gamma = draws[c][1];
      for (int k = 0; k < flops.length; k++) {
        double[] curve = new double[deltaBeta.length];
        for (int b = 0; b < curve.length; b++) {
          curve[b] = at(gamma[b], deltaBeta[b], flops[k]);
        }
        out[c][k] = Intervals.percentile(Intervals.sortedFinite(curve), level);
      }
    }
    return out;
  }

  /** γ·F^Δβ computed in logs (γ alone is F^−Δβ-sized and would over- or underflow); NaN if not estimable. */
  public static double at(double gamma, double deltaBeta, double flops) {
    if (!(gamma > 0) || !Double.isFinite(deltaBeta)) {
      return Double.NaN;
    }
    return Math.exp(Math.log(gamma) + deltaBeta * Math.log(flops));
  }
}
