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
  WIDTH("width"),
  /**
   * The overall law's compute-optimal allocation exponents a and b (N* ∝ F^a, D* ∝ F^b), estimated
   * on every replicate sweep as the fit stage estimates them (Approach 2 on the overall loss): gain
   * = (W_a + W_b) − (W'_a + W'_b), the reduction of their interval widths W = 2·z·sd over the
   * replicates ({@link SimulatedDesign#allocationWidth}); the contrasts of interest play no part.
   * The analytical screen has no model of these exponents and ranks by its Δβ width instead (both
   * are slopes over log F carried by the budgets' vertices); simulation decides. The plan spends the
   * whole budget.
   */
  ALLOCATION("allocation");

  private final String key;

  Objective(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** Parses {@code power}, {@code width} or {@code allocation}; the message lists the allowed values. */
  public static Objective parse(String s) {
    return Keyed.parse(Objective.class, s, "objective");
  }

  @Override
  public String toString() {
    return key.toLowerCase(Locale.ROOT);
  }
}
