package org.scalesweep.relative;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which contrasts a case study estimates (config key {@code case-studies.*.contrast}). */
public enum Pairing {
  /**
   * Every treatment subgroup against the baseline subgroup on the same models of each sweep: the
   * two share the run noise, which cancels in their ratio ({@link RelativeScaling}).
   */
  PAIRED,
  /**
   * Every subgroup between separately trained sweeps (corpora, or recipes / conditions of ingested
   * runs): each sweep's frontier and E(F) fitted on its own runs, no shared noise
   * ({@link UnpairedScaling}).
   */
  UNPAIRED,
  /** Both of the above. */
  BOTH;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean paired() {
    return this != UNPAIRED;
  }

  public boolean unpaired() {
    return this != PAIRED;
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Pairing::key).toList();
  }

  public static Pairing of(String key) {
    for (Pairing p : values()) {
      if (p.key().equals(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException("contrast = '" + key + "' is not known; allowed: " + keys());
  }
}
