package org.scalesweep.fit;

import java.util.EnumSet;
import org.scalesweep.law.OffsetPowerLaw;

/**
 * E + A·x^−α fitted like Approach 3: summed Huber loss of log-space residuals
 * r = LSE(a − α·ln x, e) − ln y from a grid of starts (α ∈ {0, 0.5, …, 2}, e ∈ {−1, …, 1} plus
 * starts below the smallest observation, a ∈ {0, 5, …, 50}), L-BFGS, then an LM polish.
 */
public final class OffsetPowerLawFitter {
  private final RobustLoss loss;

  private OffsetPowerLawFitter(RobustLoss loss) {
    this.loss = loss;
  }

  /** Huber δ = 1e-3. */
  public static OffsetPowerLawFitter defaults() {
    return new OffsetPowerLawFitter(RobustLoss.huber(1e-3));
  }

  public static OffsetPowerLawFitter withLoss(RobustLoss loss) {
    return new OffsetPowerLawFitter(loss);
  }

  public Fit<OffsetPowerLaw> fit(double[] x, double[] y, double[] weights) {
    return fit(x, y, weights, null);
  }

  /** Refit from one start (a bootstrap resample warm-started at the full-sample optimum). */
  public Fit<OffsetPowerLaw> refit(OffsetPowerLaw start, double[] x, double[] y, double[] weights) {
    if (!(start.a() > 0 && start.e() > 0)) {
      throw new IllegalArgumentException("a warm start needs A, E > 0: " + start.describe());
    }
    return fit(x, y, weights, new double[] {Math.log(start.a()), Math.log(start.e()), start.alpha()});
  }

  private Fit<OffsetPowerLaw> fit(double[] x, double[] y, double[] weights, double[] warm) {
    Data.sameLength("offset power-law fit", x.length, y);
    Data.atLeast("offset power-law fit (3 parameters)", x.length, 3);
    Data.positive("x", x);
    Data.positive("y", y);
    Data.weights(weights, x.length);
    int active = Data.positiveWeights(weights, x.length);
    if (active < 3) {
      return Fit.failed(FitFlag.TOO_FEW_POINTS, active, "offset power law needs 3 points with positive weight, got " + active);
    }
    if (Data.distinct(x, weights) < 3) {
      return Fit.failed(FitFlag.DEGENERATE, active, "offset power law needs 3 distinct x, got " + Data.distinct(x, weights));
    }
    double minY = Double.POSITIVE_INFINITY;
    for (int i = 0; i < y.length; i++) {
      if (Data.weight(weights, i) > 0) {
        minY = Math.min(minY, y[i]);
      }
    }
    double[] logE = {-1, -0.5, 0, 0.5, 1, Math.log(minY) - 0.1, Math.log(minY) - 1, Math.log(minY) - 3};
    double[] alphas = {0, 0.5, 1, 1.5, 2};
    double[] as = new double[11];
    for (int i = 0; i < as.length; i++) {
      as[i] = 5 * i;
    }
    int total = warm != null ? 1 : logE.length * alphas.length * as.length;
    java.util.function.IntFunction<double[]> start = warm != null ? i -> warm.clone() : i ->
        new double[] {as[i % as.length], logE[(i / as.length) % logE.length], alphas[i / (as.length * logE.length)]};
    Residuals model = new Residuals(x, y);
    int[] ids = java.util.stream.IntStream.range(0, total).toArray();
    MultiStart.Outcome out = MultiStart.run(model, weights, loss, ids, start, Lbfgs.defaults(),
        LevenbergMarquardt.defaults(), 1);
    if (out == null) {
      return Fit.failed(FitFlag.NOT_CONVERGED, active, "objective not finite at any start");
    }
    double[] p = out.best().point();
    OffsetPowerLaw law;
    try {
      law = new OffsetPowerLaw(Math.exp(p[1]), Math.exp(p[0]), p[2]);
    } catch (IllegalArgumentException e) {
      return Fit.failed(FitFlag.NOT_CONVERGED, active, "optimum not finite: " + e.getMessage());
    }
    EnumSet<FitFlag> flags = EnumSet.noneOf(FitFlag.class);
    StringBuilder note = new StringBuilder();
    if (!out.anyConverged()) {
      flags.add(FitFlag.NOT_CONVERGED);
      note.append("no start converged; ");
    }
    if (!(law.alpha() > 0) || law.alpha() > JointLawFitter.EXPONENT_LIMIT) {
      flags.add(FitFlag.BOUNDARY);
      note.append("exponent outside (0, ").append(JointLawFitter.EXPONENT_LIMIT).append("]; ");
    }
    if (law.e() < JointLawFitter.FLOOR_COLLAPSE * minY) {
      flags.add(FitFlag.BOUNDARY);
      note.append("irreducible term collapsed to 0; ");
    }
    double r2 = Data.rSquared(y, MultiStart.predictionsFromLogResiduals(model, p, y), weights);
    return new Fit<>(law, out.best().value(), out.anyConverged(), out.lbfgsIterations(), flags, active, r2,
        out.tried(), out.converged(), note.toString().strip());
  }

  /** r = LSE(a − α·ln x, e) − ln y with parameters (a, e, α). */
  private static final class Residuals implements ResidualModel {
    private final double[] lnX;
    private final double[] lnY;

    Residuals(double[] x, double[] y) {
      lnX = new double[x.length];
      lnY = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        lnX[i] = Math.log(x[i]);
        lnY[i] = Math.log(y[i]);
      }
    }

    @Override
    public int parameters() {
      return 3;
    }

    @Override
    public int size() {
      return lnY.length;
    }

    @Override
    public void evaluate(double[] p, double[] r, double[][] jac) {
      for (int i = 0; i < lnY.length; i++) {
        double t1 = p[0] - p[2] * lnX[i];
        double m = Math.max(t1, p[1]);
        double e1 = Math.exp(t1 - m);
        double e2 = Math.exp(p[1] - m);
        double sum = e1 + e2;
        r[i] = m + Math.log(sum) - lnY[i];
        if (jac != null) {
          jac[i][0] = e1 / sum;
          jac[i][1] = e2 / sum;
          jac[i][2] = -e1 / sum * lnX[i];
        }
      }
    }
  }
}
