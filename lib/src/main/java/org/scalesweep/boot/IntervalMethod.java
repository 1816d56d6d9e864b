package org.scalesweep.boot;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a bootstrap interval is formed from the resample distribution. */
public enum IntervalMethod {
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

  public String key() {
    return key;
  }

  public static IntervalMethod parse(String s) {
    for (IntervalMethod v : values()) {
      if (v.key.equalsIgnoreCase(s == null ? "" : s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown interval method '" + s + "'; allowed: "
        + Arrays.stream(values()).map(IntervalMethod::key).collect(Collectors.joining(", ")));
  }
}
