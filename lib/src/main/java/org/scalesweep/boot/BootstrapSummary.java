package org.scalesweep.boot;

/**
 * What a bootstrap says about one statistic.
 *
 * @param estimate full-sample value
 * @param standardError standard deviation of the finite resamples
 * @param percentile percentile interval
 * @param bca BCa interval (percentile when no jackknife was given)
 * @param pValue two-sided sign p-value
 * @param resamples resamples drawn
 * @param valid resamples with a finite value
 */
public record BootstrapSummary(double estimate, double standardError, Interval percentile, Interval bca,
    double pValue, int resamples, int valid) {

  /**
   * Summarises resampled values of a statistic.
   *
   * @param estimate the full-sample value
   * @param resampled one value per resample (NaN for a resample where it was not estimable)
   * @param jackknife leave-one-unit-out values for BCa, or null
   * @param level interval level, e.g. 0.95
   */
  public static BootstrapSummary of(double estimate, double[] resampled, double[] jackknife, double level) {
    double[] sorted = Intervals.sortedFinite(resampled);
    return new BootstrapSummary(estimate, Intervals.standardError(sorted), Intervals.percentile(sorted, level),
        Intervals.bca(sorted, estimate, jackknife, level), SignTest.pValue(sorted), resampled.length, sorted.length);
  }

  /** The interval of a method. */
  public Interval interval(IntervalMethod method) {
    return method == IntervalMethod.BCA ? bca : percentile;
  }
}
