package org.scalesweep.boot;


/** The block a cluster resample draws as a unit. */
public enum ClusterBy implements Keyed {
  /**
   * The architecture (width, depth) across every budget it was trained at, with all seeds: the
   * published relative-scaling analysis's choice and ScaleSweep's default.
   */
  ARCHITECTURE("architecture"),
  /** One run configuration (architecture at one budget) with all its seeds. */
  CONFIGURATION("configuration");

  private final String key;

  ClusterBy(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** Parses the configuration spelling; the message lists the allowed values. */
  public static ClusterBy parse(String s) {
    return Keyed.parse(ClusterBy.class, s, "cluster unit");
  }
}
