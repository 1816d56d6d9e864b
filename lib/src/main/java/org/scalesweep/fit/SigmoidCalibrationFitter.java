package org.scalesweep.fit;

import java.util.EnumSet;
import org.scalesweep.law.SigmoidCalibration;

/**
 * Loss → accuracy calibration p(ℓ) = floor + (1 − floor)·σ(a − b·ln ℓ) with a known floor (chance
 * accuracy), by binomial maximum likelihood on aggregated counts: −Σ k·ln p + (n − k)·ln(1 − p),
 * minimised with L-BFGS from a small grid of starts.
 */
public final class SigmoidCalibrationFitter {
  private SigmoidCalibrationFitter() {}

  /**
   * @param loss mean loss of each aggregate (e.g. one run on one subgroup), positive
   * @param correct correct answers per aggregate
   * @param trials questions per aggregate, ≥ correct
   * @param floor chance accuracy in [0, 1)
   */
  public static Fit<SigmoidCalibration> fit(double[] loss, double[] correct, double[] trials, double floor) {
    Data.sameLength("sigmoid calibration", loss.length, correct, trials);
    Data.atLeast("sigmoid calibration (2 parameters)", loss.length, 2);
    Data.positive("loss", loss);
    Data.positive("trials", trials);
    for (int i = 0; i < loss.length; i++) {
      if (!(correct[i] >= 0 && correct[i] <= trials[i])) {
        throw new IllegalArgumentException("correct[" + i + "] = " + correct[i] + " must lie in [0, trials[" + i
            + "] = " + trials[i] + "]");
      }
    }
    if (!(floor >= 0 && floor < 1)) {
      throw new IllegalArgumentException("calibration floor must lie in [0, 1), got " + floor);
    }
    if (Data.distinct(loss, null) < 2) {
      return Fit.failed(FitFlag.DEGENERATE, loss.length, "all losses are equal: no slope");
    }
    DifferentiableFunction nll = new DifferentiableFunction() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public double evaluate(double[] x, double[] g) {
        double f = 0;
        double ga = 0;
        double gb = 0;
        for (int i = 0; i < loss.length; i++) {
          double lnL = Math.log(loss[i]);
          double s = SigmoidCalibration.logistic(x[0] - x[1] * lnL);
          double p = floor + (1 - floor) * s;
          double q = 1 - p;
          if (!(p > 0 && q > 0)) {
            p = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
            q = 1 - p;
          }
          double k = correct[i];
          double n = trials[i];
          f -= k * Math.log(p) + (n - k) * Math.log(q);
          double dp = (1 - floor) * s * (1 - s);
          double dfdp = -k / p + (n - k) / q;
          ga += dfdp * dp;
          gb += dfdp * dp * -lnL;
        }
        if (g != null) {
          g[0] = ga;
          g[1] = gb;
        }
        return f;
      }
    };
    OptimizationResult best = null;
    int converged = 0;
    int tried = 0;
    for (double a0 : new double[] {-2, 0, 2}) {
      for (double b0 : new double[] {0.5, 2, 5}) {
        OptimizationResult r = Lbfgs.defaults().minimize(nll, new double[] {a0, b0});
        tried++;
        if (r.converged()) {
          converged++;
        }
        if (Double.isFinite(r.value()) && (best == null || (r.converged() && !best.converged())
            || (r.converged() == best.converged() && r.value() < best.value()))) {
          best = r;
        }
      }
    }
    if (best == null) {
      return Fit.failed(FitFlag.NOT_CONVERGED, loss.length, "likelihood not finite at any start");
    }
    double[] x = best.point();
    SigmoidCalibration law = new SigmoidCalibration(floor, x[0], x[1]);
    EnumSet<FitFlag> flags = EnumSet.noneOf(FitFlag.class);
    if (!best.converged()) {
      flags.add(FitFlag.NOT_CONVERGED);
    }
    double[] acc = new double[loss.length];
    double[] pred = new double[loss.length];
    for (int i = 0; i < loss.length; i++) {
      acc[i] = correct[i] / trials[i];
      pred[i] = law.at(loss[i]);
    }
    return new Fit<>(law, best.value(), best.converged(), best.iterations(), flags, loss.length,
        Data.rSquared(acc, pred, trials), tried, converged, best.converged() ? "" : "did not converge");
  }
}
