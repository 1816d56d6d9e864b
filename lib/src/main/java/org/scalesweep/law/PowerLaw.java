package org.scalesweep.law;

import java.util.List;

/** E(F) = α·F^−β: absolute error against a scale F (seed 003, §2). */
public record PowerLaw(double alpha, double beta) implements UnivariateLaw, java.io.Serializable {
  public PowerLaw {
    Checks.finite("alpha", alpha);
    Checks.finite("beta", beta);
  }

  /** From the intercept and slope of ln E = c + s·ln F: α = e^c, β = −s. */
  public static PowerLaw fromLogLinear(double intercept, double slope) {
    return new PowerLaw(Math.exp(intercept), -slope);
  }

  @Override
  public double at(double f) {
    return alpha * Math.pow(Checks.positive("F", f), -beta);
  }

  @Override
  public String name() {
    return "power";
  }

  @Override
  public String formula() {
    return "alpha * F^-beta";
  }

  @Override
  public List<String> parameterNames() {
    return List.of("alpha", "beta");
  }

  @Override
  public double[] parameters() {
    return new double[] {alpha, beta};
  }
}
