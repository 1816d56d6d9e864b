package org.scalesweep.fit;

import java.util.EnumSet;
import java.util.stream.IntStream;
import org.scalesweep.law.ScaleRlSigmoid;

/**
 * ScaleRL's sigmoid R(C) = R0 + (A − R0)/(1 + (C_mid/C)^B) by least squares on rewards, with
 * parameters (R0, A, ln B, ln C_mid) so B and C_mid stay positive; multi-start over B and C_mid,
 * L-BFGS, then an LM polish.
 */
public final class ScaleRlFitter {
  private ScaleRlFitter() {}

  public static Fit<ScaleRlSigmoid> fit(double[] compute, double[] reward, double[] weights) {
    return fit(compute, reward, weights, Double.NaN);
  }

  /**
   * Fits with the initial reward R0 known (measured on the model before RL) when {@code r0} is
   * finite, which leaves A, B and C_mid to the data; NaN fits R0 too.
   */
  public static Fit<ScaleRlSigmoid> fit(double[] compute, double[] reward, double[] weights, double r0) {
    Data.sameLength("ScaleRL sigmoid fit", compute.length, reward);
    Data.atLeast("ScaleRL sigmoid fit (4 parameters)", compute.length, 4);
    Data.positive("compute", compute);
    Data.finite("reward", reward);
    Data.weights(weights, compute.length);
    if (Data.distinct(compute, weights) < 4) {
      return Fit.failed(FitFlag.DEGENERATE, compute.length, "needs 4 distinct compute values");
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double minR = Double.POSITIVE_INFINITY;
    double maxR = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < compute.length; i++) {
      lo = Math.min(lo, Math.log(compute[i]));
      hi = Math.max(hi, Math.log(compute[i]));
      minR = Math.min(minR, reward[i]);
      maxR = Math.max(maxR, reward[i]);
    }
    double[] lnB = {Math.log(0.5), 0, Math.log(2), Math.log(4)};
    double[] lnMid = new double[5];
    for (int k = 0; k < 5; k++) {
      lnMid[k] = lo + (hi - lo) * (k + 0.5) / 4.0;
    }
    double span = maxR - minR;
    double[] asym = {maxR, maxR + 0.5 * span, maxR + 2 * span};
    boolean fixedR0 = Double.isFinite(r0);
    double r0Start = fixedR0 ? r0 : minR;
    int total = lnB.length * lnMid.length * asym.length;
    java.util.function.IntFunction<double[]> start = i -> new double[] {r0Start, asym[i % asym.length],
        lnB[(i / asym.length) % lnB.length], lnMid[i / (asym.length * lnB.length)]};
    ResidualModel model = new ResidualModel() {
      @Override
      public int parameters() {
        return 4;
      }

      @Override
      public int size() {
        return compute.length;
      }

      @Override
      public void evaluate(double[] p, double[] r, double[][] jac) {
        double b = Math.exp(p[2]);
        for (int i = 0; i < compute.length; i++) {
          double z = b * (p[3] - Math.log(compute[i])); // ln (C_mid/C)^B
          double s = 1 / (1 + Math.exp(z));
          r[i] = p[0] + (p[1] - p[0]) * s - reward[i];
          if (jac != null) {
            double ds = -s * (1 - s); // d s / d z
            jac[i][0] = fixedR0 ? 0 : 1 - s; // a known R0 never moves
            jac[i][1] = s;
            jac[i][2] = (p[1] - p[0]) * ds * z;
            jac[i][3] = (p[1] - p[0]) * ds * b;
          }
        }
      }
    };
    MultiStart.Outcome out = MultiStart.run(model, weights, RobustLoss.squared(), IntStream.range(0, total).toArray(),
        start, Lbfgs.defaults(), LevenbergMarquardt.defaults(), 1);
    if (out == null) {
      return Fit.failed(FitFlag.NOT_CONVERGED, compute.length, "objective not finite at any start");
    }
    double[] p = out.best().point();
    ScaleRlSigmoid law;
    try {
      law = new ScaleRlSigmoid(p[0], p[1], Math.exp(p[2]), Math.exp(p[3]));
    } catch (IllegalArgumentException e) {
      return Fit.failed(FitFlag.NOT_CONVERGED, compute.length, "optimum not finite: " + e.getMessage());
    }
    EnumSet<FitFlag> flags = EnumSet.noneOf(FitFlag.class);
    String note = "";
    if (!out.anyConverged()) {
      flags.add(FitFlag.NOT_CONVERGED);
      note = "no start converged";
    }
    if (Math.log(law.cMid()) > hi + Math.log(100)) {
      flags.add(FitFlag.EXTRAPOLATED);
      note = (note + " C_mid beyond 100x the largest compute observed").strip();
    }
    double[] pred = new double[compute.length];
    for (int i = 0; i < compute.length; i++) {
      pred[i] = law.at(compute[i]);
    }
    return new Fit<>(law, out.best().value(), out.anyConverged(), out.lbfgsIterations(), flags, compute.length,
        Data.rSquared(reward, pred, weights), out.tried(), out.converged(), note);
  }
}
