package org.scalesweep.law;

import java.util.List;

/**
 * ScaleRL's saturating compute → reward curve (seed 004): R(C) = R0 + (A − R0)/(1 + (C_mid/C)^B).
 * A is the asymptote, B the efficiency exponent, C_mid the compute at half the total gain.
 */
public record ScaleRlSigmoid(double r0, double asymptote, double exponent, double cMid) implements UnivariateLaw, java.io.Serializable {
  public ScaleRlSigmoid {
    Checks.finite("R0", r0);
    Checks.finite("A", asymptote);
    Checks.positive("B", exponent);
    Checks.positive("C_mid", cMid);
  }

  @Override
  public double at(double compute) {
    Checks.positive("C", compute);
    return r0 + (asymptote - r0) / (1 + Math.pow(cMid / compute, exponent));
  }

  @Override
  public String name() {
    return "scalerl-sigmoid";
  }

  @Override
  public String formula() {
    return "R0 + (A - R0) / (1 + (C_mid/C)^B)";
  }

  @Override
  public List<String> parameterNames() {
    return List.of("R0", "A", "B", "C_mid");
  }

  @Override
  public double[] parameters() {
    return new double[] {r0, asymptote, exponent, cMid};
  }
}
