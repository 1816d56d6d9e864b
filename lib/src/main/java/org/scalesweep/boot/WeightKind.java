package org.scalesweep.boot;


/** How a resample's unit weights are drawn. */
public enum WeightKind implements Keyed {
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

  @Override
  public String key() {
    return key;
  }

  /** Parses the configuration spelling; the message lists the allowed values. */
  public static WeightKind parse(String s) {
    return Keyed.parse(WeightKind.class, s, "bootstrap weights");
  }
}
