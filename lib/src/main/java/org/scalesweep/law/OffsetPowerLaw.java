package org.scalesweep.law;

import java.util.List;

/**
 * E + A·x^−α: a power law with an irreducible floor (Kaplan L(N), L(D), L(C) with offset; GPT-4's
 * L(C) = a·C^b + c with a=A, b=−α, c=E).
 */
public record OffsetPowerLaw(double e, double a, double alpha) implements UnivariateLaw, java.io.Serializable {
  public OffsetPowerLaw {
    Checks.finite("E", e);
    Checks.finite("A", a);
    Checks.finite("alpha", alpha);
  }

  @Override
  public double at(double x) {
    return e + a * Math.pow(Checks.positive("x", x), -alpha);
  }

  /** The reducible part A·x^−α. */
  public double reducible(double x) {
    return a * Math.pow(Checks.positive("x", x), -alpha);
  }

  @Override
  public String name() {
    return "offset-power";
  }

  @Override
  public String formula() {
    return "E + A * x^-alpha";
  }

  @Override
  public List<String> parameterNames() {
    return List.of("E", "A", "alpha");
  }

  @Override
  public double[] parameters() {
    return new double[] {e, a, alpha};
  }
}
