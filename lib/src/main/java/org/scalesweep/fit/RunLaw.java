package org.scalesweep.fit;

import java.util.Arrays;
import java.util.List;

/**
 * The laws a table of runs can be fitted with: the joint law on every run (Approach 3), or a law of
 * compute along the compute-optimal frontier (power αC^−β, offset power E + A·C^−α).
 */
public enum RunLaw {
  CHINCHILLA("chinchilla", List.of("E", "A", "alpha", "B", "beta")),
  POWER("power", List.of("alpha", "beta")),
  OFFSET_POWER("offset-power", List.of("E", "A", "alpha"));

  private final String key;
  private final List<String> parameters;

  RunLaw(String key, List<String> parameters) {
    this.key = key;
    this.parameters = parameters;
  }

  public String key() {
    return key;
  }

  /** Parameter names in the order of the law's {@code parameters()}. */
  public List<String> parameters() {
    return parameters;
  }

  /** True when the law is fitted to frontier points (one per budget) rather than to runs. */
  public boolean alongFrontier() {
    return this != CHINCHILLA;
  }

  public static RunLaw parse(String s) {
    return Arrays.stream(values()).filter(v -> v.key.equals(s)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("law '" + s + "' is not supported; allowed: chinchilla, power, "
            + "offset-power"));
  }
}
