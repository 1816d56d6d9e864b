package org.scalesweep.boot;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a resample's unit weights are drawn. */
public enum WeightKind {
  /**
   * Independent Poisson(1) per unit: each weight is computable alone from its key, which is what
   * lets resamples and units be spread over tasks freely. The default.
   */
  POISSON("poisson"),
  /**
   * Multinomial(K; 1/K, …) over the K units: the classical bootstrap, drawn sequentially from one
   * keyed stream per resample, so a resample's weights are computed together.
   */
  MULTINOMIAL("multinomial");

  private final String key;

  WeightKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static WeightKind parse(String s) {
    for (WeightKind v : values()) {
      if (v.key.equalsIgnoreCase(s == null ? "" : s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown bootstrap weights '" + s + "'; allowed: "
        + Arrays.stream(values()).map(WeightKind::key).collect(Collectors.joining(", ")));
  }
}
