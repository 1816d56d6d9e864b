package org.scalesweep.advice;

import java.util.Locale;
import org.scalesweep.boot.Keyed;

/** What a candidate's gain measures. */
public enum Objective implements Keyed {
  /**
   * Power of the sign test for the contrasts of interest: gain = Σ_c [min(P'_c, 0.99) − min(P_c, 0.99)]
   * over the contrasts that have not reached the target yet (by expected and by counted power), so a
   * contrast at the target buys nothing more and the plan stops once every contrast reaches it.
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
