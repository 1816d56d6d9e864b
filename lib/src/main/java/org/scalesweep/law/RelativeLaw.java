package org.scalesweep.law;

import java.util.List;

/**
 * G(F) = E_treatment/E_baseline = γ·F^Δβ with γ = α_t/α_b and Δβ = β_b − β_t (seed 003, §2).
 * Δβ &lt; 0: the treatment improves faster and the gap narrows; Δβ &gt; 0: it widens.
 */
public record RelativeLaw(double gamma, double deltaBeta) implements UnivariateLaw, java.io.Serializable {
  private static final double LN10 = Math.log(10);

  public RelativeLaw {
    Checks.positive("gamma", gamma);
    Checks.finite("deltaBeta", deltaBeta);
  }

  /** The relative law of two absolute power laws. */
  public static RelativeLaw of(PowerLaw baseline, PowerLaw treatment) {
    return new RelativeLaw(treatment.alpha() / baseline.alpha(), baseline.beta() - treatment.beta());
  }

  @Override
  public double at(double f) {
    return gamma * Math.pow(Checks.positive("F", f), deltaBeta);
  }

  /**
   * Change of the relative error per 10× scale, as seed 003 quotes it (positive when the gap
   * closes): −(10^Δβ − 1), ≈ −ln(10)·Δβ for small Δβ.
   */
  public double changePerDecade() {
    return -Math.expm1(deltaBeta * LN10);
  }

  /** Δβ that gives a seed-003 "change per 10× FLOPs" (positive when the gap closes). */
  public static double deltaBetaForChangePerDecade(double change) {
    if (!(change < 1)) {
      throw new IllegalArgumentException("change per decade must be < 1 (a fraction), got " + change);
    }
    return Math.log1p(-change) / LN10;
  }

  /**
   * Scale at which this relative curve crosses another: γ1·F^Δβ1 = γ2·F^Δβ2 ⇒
   * F× = (γ1/γ2)^(1/(Δβ2 − Δβ1)). NaN (never crossing) when the slopes are equal.
   */
  public double crossover(RelativeLaw other) {
    double ds = other.deltaBeta - deltaBeta;
    if (ds == 0) {
      return Double.NaN;
    }
    return Math.exp(Math.log(gamma / other.gamma) / ds);
  }

  @Override
  public String name() {
    return "relative";
  }

  @Override
  public String formula() {
    return "gamma * F^deltaBeta";
  }

  @Override
  public List<String> parameterNames() {
    return List.of("gamma", "deltaBeta");
  }

  @Override
  public double[] parameters() {
    return new double[] {gamma, deltaBeta};
  }
}
