package org.scalesweep.boot;


/** How a bootstrap interval is formed from the resample distribution. */
public enum IntervalMethod implements Keyed {
  /** Quantiles α/2 and 1 − α/2 of the resampled statistic. Simple; under-covers with few units. */
  PERCENTILE("percentile"),
  /**
   * Bias-corrected and accelerated (Efron 1987): percentile levels shifted by the median bias z0
   * and skewness-driven acceleration a from a leave-one-cluster-out jackknife. Second-order
   * accurate.
   */
  BCA("bca"),
  /**
   * Expanded percentile (Hesterberg 2015, generalised to p fitted parameters): the percentile
   * interval at tail Φ(−√(n/(n−p))·t_{n−p, 1−α/2}) instead of α/2, with n the resampling units. A
   * small-sample correction: the bootstrap's spread is biased low by about (n−p)/n and its
   * quantiles are normal-like where Student's t is due.
   */
  EXPANDED("expanded");

  private final String key;

  IntervalMethod(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** Parses the configuration spelling; the message lists the allowed values. */
  public static IntervalMethod parse(String s) {
    return Keyed.parse(IntervalMethod.class, s, "interval method");
  }
}
