package org.scalesweep.fit;

import java.util.Set;

/**
 * An allocation exponent: the slope of log10 X* on log10 C across IsoFLOP optima (X = N gives a,
 * X = D gives b; a + b = 1 when C = 6ND exactly).
 *
 * @param exponent the slope
 * @param intercept log10 X* at C = 1
 * @param rSquared fit quality across budgets
 * @param budgets budgets that contributed a usable optimum
 * @param flags TOO_FEW_POINTS when fewer than 2 budgets were usable
 */
public record Allocation(double exponent, double intercept, double rSquared, int budgets, Set<FitFlag> flags) {
  public Allocation {
    flags = Set.copyOf(flags);
  }

  /** X* predicted at compute C. */
  public double optimumAt(double compute) {
    return Math.pow(10, intercept + exponent * Math.log10(compute));
  }
}
