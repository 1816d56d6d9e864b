package org.scalesweep.law;

import java.util.List;

/**
 * Loss → accuracy calibration (seed 003 Fig. 2 right, App. C): p(ℓ) = floor + (1 − floor)·σ(a − b·ln ℓ),
 * with σ the logistic function. The floor is chance accuracy (0.25 for four-way multiple choice);
 * b &gt; 0 makes accuracy rise as loss falls.
 */
public record SigmoidCalibration(double floor, double a, double b) implements UnivariateLaw, java.io.Serializable {
  public SigmoidCalibration {
    if (!(floor >= 0 && floor < 1)) {
      throw new IllegalArgumentException("floor must lie in [0, 1), got " + floor);
    }
    Checks.finite("a", a);
    Checks.finite("b", b);
  }

  @Override
  public double at(double loss) {
    return floor + (1 - floor) * logistic(a - b * Math.log(Checks.positive("loss", loss)));
  }

  /** The loss at which accuracy is halfway between the floor and 1: ln ℓ = a/b. */
  public double midpointLoss() {
    return Math.exp(a / b);
  }

  /** Numerically stable logistic function. */
  public static double logistic(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double ez = Math.exp(z);
    return ez / (1 + ez);
  }

  @Override
  public String name() {
    return "sigmoid-calibration";
  }

  @Override
  public String formula() {
    return "floor + (1-floor) * sigmoid(a - b*ln(loss))";
  }

  @Override
  public List<String> parameterNames() {
    return List.of("floor", "a", "b");
  }

  @Override
  public double[] parameters() {
    return new double[] {floor, a, b};
  }
}
