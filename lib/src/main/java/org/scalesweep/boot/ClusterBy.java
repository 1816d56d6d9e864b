package org.scalesweep.boot;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The block a cluster resample draws as a unit. */
public enum ClusterBy {
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

  public String key() {
    return key;
  }

  public static ClusterBy parse(String s) {
    for (ClusterBy v : values()) {
      if (v.key.equalsIgnoreCase(s == null ? "" : s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown cluster unit '" + s + "'; allowed: "
        + Arrays.stream(values()).map(ClusterBy::key).collect(Collectors.joining(", ")));
  }
}
