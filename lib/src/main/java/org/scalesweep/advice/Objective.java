package org.scalesweep.advice;

import java.util.Locale;
import org.scalesweep.boot.Keyed;

/** What a candidate's gain measures. */
public enum Objective implements Keyed {
  /**
   * Power of the sign test for the contrasts of interest, each capped at the target: gain =
   * Σ_c [min(P'_c, target) − min(P_c, target)], so power beyond the target buys nothing and the plan
   * stops once every contrast reaches it.
   */
  POWER("power"),
  /** Δβ interval width: gain = Σ_c (W_c − W'_c), the summed reduction of the expected widths; the plan spends the whole budget. */
  WIDTH("width");

  private final String key;

  Objective(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** Parses {@code power} or {@code width}; the message lists the allowed values. */
  public static Objective parse(String s) {
    return Keyed.parse(Objective.class, s, "objective");
  }

  @Override
  public String toString() {
    return key.toLowerCase(Locale.ROOT);
  }
}
