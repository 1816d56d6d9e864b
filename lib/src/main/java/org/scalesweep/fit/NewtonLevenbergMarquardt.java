package org.scalesweep.fit;

import java.util.Arrays;

/**
 * Levenberg–Marquardt for Σ w_i·ρ(r_i(x)) on the loss's own curvature: each step solves
 * (Jᵀ·diag(w·ρ''(r))·J + λ·diag(Jᵀ·Ω·J))·δ = −g, g = Jᵀ·(w·ψ(r)), Ω = w·ψ(r)/r, and is accepted
 * only when the true objective decreases (then λ /= 10, else λ *= 10).
 *
 * <p>Why not {@link LevenbergMarquardt}'s IRLS steps: under Huber's loss with most residuals beyond
 * δ (Approach 3's log residuals of a few percent against δ = 1e-3) the objective is nearly a sum of
 * absolute values; IRLS models each outlying point's linear piece as a parabola of curvature δ/|r|,
 * converges linearly and from a bootstrap warm start needs about 100 steps. ρ'' is 0 on the linear
 * pieces, so the model is the Gauss–Newton model of the piece the current residual signs select
 * (Huber's own Newton method for M-estimates): from a start near the optimum it takes about 20 steps,
 * mostly while the set of points inside ±δ settles. Its curvature alone can be singular (fewer
 * points inside ±δ than parameters), hence damping on the IRLS diagonal, which never is.
 *
 * <p>Stops like {@link LevenbergMarquardt}: two accepted steps in a row that lower the objective by at
 * most {@code 1e-15} relative ({@link Convergence#FUNCTION_CHANGE}), no acceptable step left
 * ({@link Convergence#STEP}), a zero gradient, or the iteration cap ({@link Convergence#MAX_ITERATIONS}).
 * A caller that needs an optimum must check the result ({@link JointLawFitter}'s warm refit checks
 * convergence and the gradient and otherwise falls back to L-BFGS).
 */
final class NewtonLevenbergMarquardt {
  private static final double FUNCTION_TOLERANCE = 1e-15;
  private final int maxIterations;

  NewtonLevenbergMarquardt(int maxIterations) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("Newton LM maxIterations must be >= 1, got " + maxIterations);
    }
    this.maxIterations = maxIterations;
  }

  int maxIterations() {
    return maxIterations;
  }

  OptimizationResult minimize(ResidualModel model, double[] weights, RobustLoss loss, double[] x0) {
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
    double[][] h = new double[p][p];
    double[][] m = new double[p][p];
    double[] grad = new double[p];
    double[] diag = new double[p];
    double[] step = new double[p];

    model.evaluate(x, r, jac);
    double f = LevenbergMarquardt.objective(r, weights, loss);
    int evals = 1;
    if (!Double.isFinite(f)) {
      return new OptimizationResult(x, f, Double.NaN, 0, evals, Convergence.NON_FINITE);
    }
    double lambda = 1e-6;
    int iter = 0;
    int smallSteps = 0;
    Convergence why = Convergence.MAX_ITERATIONS;
    while (iter < maxIterations) {
      iter++;
      for (double[] row : h) {
        Arrays.fill(row, 0);
      }
      Arrays.fill(grad, 0);
      Arrays.fill(diag, 0);
      for (int i = 0; i < n; i++) {
        double w = weights == null ? 1 : weights[i];
        if (w == 0) {
          continue;
        }
        double[] ji = jac[i];
        double ps = w * loss.psi(r[i]);
        double om = w * loss.weight(r[i]);
        double c = w * loss.curvature(r[i]);
        for (int j = 0; j < p; j++) {
          grad[j] += ps * ji[j];
          diag[j] += om * ji[j] * ji[j];
        }
        if (c != 0) {
          for (int j = 0; j < p; j++) {
            double cj = c * ji[j];
            for (int k = 0; k <= j; k++) {
              h[j][k] += cj * ji[k];
            }
          }
        }
      }
      if (Lbfgs.normInf(grad) == 0) {
        why = Convergence.GRADIENT;
        break;
      }
      for (int j = 0; j < p; j++) {
        diag[j] = Math.max(diag[j], 1e-30);
      }
      boolean accepted = false;
      while (lambda < 1e20) {
        for (int j = 0; j < p; j++) {
          for (int k = 0; k <= j; k++) {
            m[j][k] = h[j][k];
          }
          m[j][j] += lambda * diag[j];
        }
        if (!choleskySolve(m, grad, step, p)) {
          lambda *= 10;
          continue;
        }
        double maxRel = 0;
        for (int j = 0; j < p; j++) {
          xTry[j] = x[j] + step[j];
          maxRel = Math.max(maxRel, Math.abs(step[j]) / Math.max(1e-12, Math.abs(x[j])));
        }
        model.evaluate(xTry, rTry, jacTry);
        evals++;
        double fTry = LevenbergMarquardt.objective(rTry, weights, loss);
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
          smallSteps = (decrease <= FUNCTION_TOLERANCE * Math.max(f, 1e-300) || maxRel < 1e-15) ? smallSteps + 1 : 0;
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
    Arrays.fill(grad, 0);
    for (int i = 0; i < n; i++) {
      double w = weights == null ? 1 : weights[i];
      if (w != 0) {
        double ps = w * loss.psi(r[i]);
        for (int j = 0; j < p; j++) {
          grad[j] += ps * jac[i][j];
        }
      }
    }
    return new OptimizationResult(x, f, Lbfgs.normInf(grad), iter, evals, why);
  }

  /**
   * Solves m·s = −g for symmetric m given by its lower triangle (overwritten by its Cholesky factor);
   * false when m is not numerically positive definite.
   */
  private static boolean choleskySolve(double[][] m, double[] g, double[] s, int p) {
    for (int j = 0; j < p; j++) {
      double d = m[j][j];
      for (int k = 0; k < j; k++) {
        d -= m[j][k] * m[j][k];
      }
      if (!(d > 0)) {
        return false;
      }
      double l = Math.sqrt(d);
      m[j][j] = l;
      for (int i = j + 1; i < p; i++) {
        double v = m[i][j];
        for (int k = 0; k < j; k++) {
          v -= m[i][k] * m[j][k];
        }
        m[i][j] = v / l;
      }
    }
    for (int i = 0; i < p; i++) {
      double v = -g[i];
      for (int k = 0; k < i; k++) {
        v -= m[i][k] * s[k];
      }
      s[i] = v / m[i][i];
    }
    for (int i = p - 1; i >= 0; i--) {
      double v = s[i];
      for (int k = i + 1; k < p; k++) {
        v -= m[k][i] * s[k];
      }
      s[i] = v / m[i][i];
    }
    for (int j = 0; j < p; j++) {
      if (!Double.isFinite(s[j])) {
        return false;
      }
    }
    return true;
  }
}
