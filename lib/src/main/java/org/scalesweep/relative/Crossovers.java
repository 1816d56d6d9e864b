package org.scalesweep.relative;

/** Where two treatments' relative curves against the same baseline cross. */
public final class Crossovers {
  private Crossovers() {}

  /**
   * log10 of the crossover compute F× = (γ1/γ2)^(1/(Δβ2 − Δβ1)) of two contrasts with the same
   * baseline; NaN when either is not estimable or the slopes are equal.
   */
  public static double log10Crossover(double gamma1, double deltaBeta1, double gamma2, double deltaBeta2) {
    double ds = deltaBeta2 - deltaBeta1;
    if (!(gamma1 > 0 && gamma2 > 0) || !Double.isFinite(ds) || ds == 0) {
      return Double.NaN;
    }
    return Math.log10(gamma1 / gamma2) / ds;
  }

  /** a = log10(γ1/γ2), the crossover's numerator (NaN unless both γ are positive). */
  public static double numerator(double gamma1, double gamma2) {
    return gamma1 > 0 && gamma2 > 0 ? Math.log10(gamma1 / gamma2) : Double.NaN;
  }

  /** Crossover of two estimates; they must share a baseline. */
  public static double log10Crossover(ContrastEstimate a, ContrastEstimate b) {
    if (!a.contrast().baseline().equals(b.contrast().baseline())) {
      throw new IllegalArgumentException("crossover needs a common baseline, got '" + a.contrast().baseline()
          + "' and '" + b.contrast().baseline() + "'");
    }
    return log10Crossover(a.gamma(), a.deltaBeta(), b.gamma(), b.deltaBeta());
  }
}
