package org.scalesweep.fit;

/**
 * Levenberg–Marquardt for Σ w_i·ρ(r_i(x)) with a robust loss, by iteratively reweighted steps:
 * each step solves the damped weighted least-squares problem
 * [√Ω·J; √λ·D]·δ ≈ [−√Ω·r; 0] with Ω = w·ψ(r)/r by Householder QR ({@link LinearSolve}: ojAlgo's by
 * default), so its gradient is exact, and is
 * accepted only when the true objective decreases. With the squared loss this is classic LM with
 * Marquardt's diagonal scaling. Used to polish L-BFGS optima to machine precision.
 */
public final class LevenbergMarquardt {
  private final int maxIterations;
  private final double functionTolerance;
  private final LinearSolve solve;

  private LevenbergMarquardt(int maxIterations, double functionTolerance, LinearSolve solve) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("LM maxIterations must be >= 1, got " + maxIterations);
    }
    if (solve == null) {
      throw new IllegalArgumentException("LM linear solve must be one of GENERAL_QR, IN_PLACE_QR, got null");
    }
    this.maxIterations = maxIterations;
    this.functionTolerance = functionTolerance;
    this.solve = solve;
  }

  /** 200 iterations, relative function tolerance 1e-15, steps by {@link LinearSolve#GENERAL_QR}. */
  public static LevenbergMarquardt defaults() {
    return new LevenbergMarquardt(200, 1e-15, LinearSolve.GENERAL_QR);
  }

  public LevenbergMarquardt withMaxIterations(int n) {
    return new LevenbergMarquardt(n, functionTolerance, solve);
  }

  /** The same iteration with another solve of each step's linear system. */
  public LevenbergMarquardt withLinearSolve(LinearSolve s) {
    return new LevenbergMarquardt(maxIterations, functionTolerance, s);
  }

  public LinearSolve linearSolve() {
    return solve;
  }

  public OptimizationResult minimize(ResidualModel model, double[] weights, RobustLoss loss, double[] x0) {
    int n = model.size();
    int p = model.parameters();
    if (x0.length != p) {
      throw new IllegalArgumentException("start has " + x0.length + " values, model needs " + p);
    }
    double[] x = x0.clone();
    double[] r = new double[n];
    double[][] jac = new double[n][p];
    double[] rTry = new double[n];
    double[][] jacTry = new double[n][p];
    double[] xTry = new double[p];
    double[][] a = new double[n + p][p];
    double[] rhs = new double[n + p];
    double[] grad = new double[p];
    InPlaceQr qr = solve == LinearSolve.IN_PLACE_QR ? new InPlaceQr(n + p, p) : null;
    double[] stepBuf = new double[p];

    model.evaluate(x, r, jac);
    double f = objective(r, weights, loss);
    int evals = 1;
    if (!Double.isFinite(f)) {
      return new OptimizationResult(x, f, Double.NaN, 0, evals, Convergence.NON_FINITE);
    }
    double lambda = -1;
    int iter = 0;
    int smallSteps = 0;
    Convergence why = Convergence.MAX_ITERATIONS;
    while (iter < maxIterations) {
      iter++;
      double[] colScale = new double[p];
      java.util.Arrays.fill(grad, 0);
      for (int i = 0; i < n; i++) {
        double w = weights == null ? 1 : weights[i];
        double om = w * loss.weight(r[i]);
        double so = Math.sqrt(om);
        for (int j = 0; j < p; j++) {
          a[i][j] = so * jac[i][j];
          colScale[j] += om * jac[i][j] * jac[i][j];
          grad[j] += w * loss.psi(r[i]) * jac[i][j];
        }
        rhs[i] = -so * r[i];
      }
      if (Lbfgs.normInf(grad) == 0) {
        why = Convergence.GRADIENT;
        break;
      }
      double maxScale = 0;
      for (int j = 0; j < p; j++) {
        colScale[j] = Math.max(colScale[j], 1e-30);
        maxScale = Math.max(maxScale, colScale[j]);
      }
      if (lambda < 0) {
        lambda = 1e-6;
      }
      boolean accepted = false;
      while (lambda < 1e20) {
        for (int j = 0; j < p; j++) {
          java.util.Arrays.fill(a[n + j], 0);
          a[n + j][j] = Math.sqrt(lambda * colScale[j]);
          rhs[n + j] = 0;
        }
        double[] step = qr == null ? LeastSquares.solve(a, rhs) : qr.solve(a, rhs, stepBuf) ? stepBuf : null;
        if (step == null) {
          lambda *= 10;
          continue;
        }
        double maxRel = 0;
        for (int j = 0; j < p; j++) {
          xTry[j] = x[j] + step[j];
          maxRel = Math.max(maxRel, Math.abs(step[j]) / Math.max(1e-12, Math.abs(x[j])));
        }
        // the trial's Jacobian too: an accepted trial is the next point, evaluated once (a model's
        // residuals do not depend on whether its Jacobian is asked for)
        model.evaluate(xTry, rTry, jacTry);
        evals++;
        double fTry = objective(rTry, weights, loss);
        if (Double.isFinite(fTry) && fTry < f) {
          double decrease = f - fTry;
          System.arraycopy(xTry, 0, x, 0, p);
          f = fTry;
          double[] rSwap = r;
          r = rTry;
          rTry = rSwap;
          double[][] jSwap = jac;
          jac = jacTry;
          jacTry = jSwap;
          lambda = Math.max(lambda / 10, 1e-15);
          accepted = true;
          smallSteps = (decrease <= functionTolerance * Math.max(f, 1e-300) || maxRel < 1e-15) ? smallSteps + 1 : 0;
          break;
        }
        if (maxRel < 1e-16) {
          break; // the step no longer changes x: nothing left to gain
        }
        lambda *= 10;
      }
      if (!accepted) {
        why = Convergence.STEP;
        break;
      }
      if (smallSteps >= 2) {
        why = Convergence.FUNCTION_CHANGE;
        break;
      }
    }
    // gradient at the final point
    java.util.Arrays.fill(grad, 0);
    for (int i = 0; i < n; i++) {
      double w = weights == null ? 1 : weights[i];
      for (int j = 0; j < p; j++) {
        grad[j] += w * loss.psi(r[i]) * jac[i][j];
      }
    }
    return new OptimizationResult(x, f, Lbfgs.normInf(grad), iter, evals, why);
  }

  /** Σ w_i·ρ(r_i), zero-weight points skipped. */
  static double objective(double[] r, double[] weights, RobustLoss loss) {
    double f = 0;
    for (int i = 0; i < r.length; i++) {
      double w = weights == null ? 1 : weights[i];
      if (w != 0) {
        f += w * loss.rho(r[i]);
      }
    }
    return f;
  }
}
