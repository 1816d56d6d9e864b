package org.scalesweep.fit;

import java.util.EnumSet;
import org.scalesweep.law.PowerLaw;

/**
 * E(F) = α·F^−β by weighted OLS of ln E on ln F: closed form from {@link LineSums}, so a bootstrap
 * resample is one weighted pass.
 */
public final class PowerLawFitter {
  private PowerLawFitter() {}

  /**
   * Fits α, β.
   *
   * @param scale F, positive
   * @param error E, positive
   * @param weights non-negative weights, or null for equal weights
   * @throws IllegalArgumentException on non-positive or non-finite inputs, or fewer than 2 points
   */
  public static Fit<PowerLaw> fit(double[] scale, double[] error, double[] weights) {
    Data.sameLength("power-law fit", scale.length, error);
    Data.atLeast("power-law fit", scale.length, 2);
    Data.positive("scale", scale);
    Data.positive("error", error);
    Data.weights(weights, scale.length);
    LineSums sums = new LineSums(Math.log(scale[0]));
    for (int i = 0; i < scale.length; i++) {
      sums.add(Math.log(scale[i]), Math.log(error[i]), Data.weight(weights, i));
    }
    return fromSums(sums);
  }

  /** The fit from accumulated sums of (ln F, ln E). */
  public static Fit<PowerLaw> fromSums(LineSums sums) {
    int n = sums.count();
    if (n < 2) {
      return Fit.failed(FitFlag.TOO_FEW_POINTS, n, "power law needs 2 points with positive weight, got " + n);
    }
    double slope = sums.slope();
    if (Double.isNaN(slope)) {
      return Fit.failed(FitFlag.DEGENERATE, n, "all scales are equal: no slope");
    }
    PowerLaw law = PowerLaw.fromLogLinear(sums.intercept(), slope);
    EnumSet<FitFlag> flags = EnumSet.noneOf(FitFlag.class);
    String note = "";
    if (n == 2) {
      flags.add(FitFlag.TOO_FEW_POINTS);
      note = "two points: exact line, no residual degrees of freedom";
    }
    return new Fit<>(law, sums.residualSumOfSquares(), true, 0, flags, n, sums.rSquared(), 1, 1, note);
  }
}
