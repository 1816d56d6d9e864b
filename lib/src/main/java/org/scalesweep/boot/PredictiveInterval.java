package org.scalesweep.boot;

import org.scalesweep.sim.KeyedRandom;
import org.scalesweep.sim.Keys;

/**
 * Predictive interval of a new observation: resample b's prediction times exp of a residual drawn
 * (keyed by b) from the full fit's log residuals. The bootstrap spread carries the uncertainty of
 * the fit, the residual the noise of one observation; without it the interval would only cover the
 * mean.
 */
public final class PredictiveInterval {
  private PredictiveInterval() {}

  /**
   * @param predictions resample b's prediction at the point (NaN where the resample had no fit)
   * @param logResiduals log residuals of the full fit (non-empty)
   * @param key key of the point, so points draw independent residuals
   */
  public static Interval of(double[] predictions, double[] logResiduals, long key, double level) {
    if (logResiduals.length == 0) {
      throw new IllegalArgumentException("a predictive interval needs at least one residual");
    }
    double[] v = new double[predictions.length];
    for (int b = 0; b < predictions.length; b++) {
      int k = (int) Math.min(logResiduals.length - 1,
          Math.floor(KeyedRandom.uniform(Keys.of(key, b)) * logResiduals.length));
      v[b] = predictions[b] * Math.exp(logResiduals[k]);
    }
    return Intervals.percentile(Intervals.sortedFinite(v), level);
  }
}
