package org.scalesweep.boot;

/**
 * What a bootstrap says about one statistic.
 *
 * @param estimate full-sample value
 * @param standardError standard deviation of the finite resamples
 * @param percentile percentile interval
 * @param bca BCa interval (percentile when no jackknife was given)
 * @param expanded expanded percentile interval (percentile when the units leave no degrees of freedom)
 * @param pValue two-sided sign p-value (over the valid resamples; failures counted in {@link #failed()}, see {@link SignTest})
 * @param resamples resamples drawn
 * @param valid resamples with a finite value
 */
public record BootstrapSummary(double estimate, double standardError, Interval percentile, Interval bca,
    Interval expanded, double pValue, int resamples, int valid) implements java.io.Serializable {

  /**
   * Summarises resampled values of a statistic.
   *
   * @param estimate the full-sample value
   * @param resampled one value per resample (NaN for a resample where it was not estimable)
   * @param jackknife leave-one-unit-out values for BCa (one per resampling unit), or null
   * @param level interval level, e.g. 0.95
   * @param parameters fitted parameters behind the statistic, for the expanded interval's degrees of
   *     freedom (units − parameters, the units counted by the jackknife)
   */
  public static BootstrapSummary of(double estimate, double[] resampled, double[] jackknife, double level,
      int parameters) {
    return of(estimate, resampled, jackknife, level, jackknife == null ? 0 : jackknife.length, parameters);
  }

  /** As above, with the resampling units given (when there is no jackknife). */
  public static BootstrapSummary of(double estimate, double[] resampled, double[] jackknife, double level, int units,
      int parameters) {
    double[] sorted = Intervals.sortedFinite(resampled);
    return new BootstrapSummary(estimate, Intervals.standardError(sorted), Intervals.percentile(sorted, level),
        Intervals.bca(sorted, estimate, jackknife, level), Intervals.expanded(sorted, level, units, parameters),
        SignTest.pValue(resampled), resampled.length, sorted.length);
  }

  /** Without a small-sample correction (expanded falls back to percentile). */
  public static BootstrapSummary of(double estimate, double[] resampled, double[] jackknife, double level) {
    return of(estimate, resampled, jackknife, level, 0, 1);
  }

  /**
   * Below this fraction of estimable (finite) resamples a bootstrap is unstable: its intervals rest
   * on the resamples that happened to be estimable, which are not a random subset.
   */
  public static final double MIN_VALID_FRACTION = 0.9;

  /** Whether fewer than {@link #MIN_VALID_FRACTION} of the resamples were estimable. */
  public static boolean unstable(int valid, int resamples) {
    return valid < MIN_VALID_FRACTION * resamples;
  }

  /** Whether fewer than {@link #MIN_VALID_FRACTION} of this bootstrap's resamples were estimable. */
  public boolean unstable() {
    return unstable(valid, resamples);
  }

  /** Resamples that failed (no finite value): left out of p and the intervals, reported (see {@link SignTest}). */
  public int failed() {
    return resamples - valid;
  }

  /** The interval of a method. */
  public Interval interval(IntervalMethod method) {
    return switch (method) {
      case BCA -> bca;
      case EXPANDED -> expanded;
      case PERCENTILE -> percentile;
    };
  }
}
