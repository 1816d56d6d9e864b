package org.scalesweep.fit;

/**
 * The inner problem of variable projection for Approach 3: for fixed exponents (α, β), the minimum
 * over (a, b, e) = (ln A, ln B, ln E) of the summed robust loss of the log-space residuals
 * ln(A·N^−α + B·D^−β + E) − ln L. The law is linear in (A, B, E), so a non-negative least-squares fit
 * of the relative residuals (A·u + B·v + E)/L − 1 (u = N^−α, v = D^−β), solved exactly by trying every
 * active set of the three coefficients, starts Levenberg–Marquardt on the robust objective in the
 * three log coefficients (3×3 normal equations, no general QR). Not thread-safe (buffers are reused); one instance per thread.
 */
final class ExponentProfile {
  /** A coefficient the non-negative fit sets to 0 starts at this fraction of the smallest loss. */
  private static final double COLLAPSED = 1e-6;
  /** Relative objective change at which the inner search stops (see {@link #innerMinimum}). */
  private static final double INNER_TOLERANCE = 1e-10;
  private static final int INNER_ITERATIONS = 100;

  private final JointLawResiduals model;
  private final double[] weights;
  private final RobustLoss loss;
  private final double[][] cols;
  private final double[] start = new double[3];

  ExponentProfile(JointLawResiduals model, double[] weights, RobustLoss loss) {
    this.model = model;
    this.weights = weights;
    this.loss = loss;
    this.cols = new double[3][model.size()];
  }

  /**
   * The profiled optimum at (α, β): the point (a, b, e, α, β) and its objective in
   * {@link OptimizationResult#value()}; the value is not finite when no start could be formed.
   */
  OptimizationResult at(double alpha, double beta) {
    double[] lnN = model.lnN();
    double[] lnD = model.lnD();
    double[] lnL = model.lnL();
    int m = lnL.length;
    double minLogRatio0 = Double.POSITIVE_INFINITY;
    double minLogRatio1 = Double.POSITIVE_INFINITY;
    double minLogL = Double.POSITIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      double invL = Math.exp(-lnL[i]);
      cols[0][i] = Math.exp(-alpha * lnN[i] - lnL[i]);
      cols[1][i] = Math.exp(-beta * lnD[i] - lnL[i]);
      cols[2][i] = invL;
      if (Data.weight(weights, i) > 0) {
        minLogRatio0 = Math.min(minLogRatio0, lnL[i] + alpha * lnN[i]);
        minLogRatio1 = Math.min(minLogRatio1, lnL[i] + beta * lnD[i]);
        minLogL = Math.min(minLogL, lnL[i]);
      }
    }
    double[] c = nonNegativeLeastSquares();
    double logFloor = Math.log(COLLAPSED);
    // a coefficient the linear fit drops starts where its term is COLLAPSED of the smallest loss
    start[0] = c != null && c[0] > 0 ? Math.log(c[0]) : logFloor + minLogRatio0;
    start[1] = c != null && c[1] > 0 ? Math.log(c[1]) : logFloor + minLogRatio1;
    start[2] = c != null && c[2] > 0 ? Math.log(c[2]) : logFloor + minLogL;
    return innerMinimum(alpha, beta);
  }

  /**
   * Levenberg–Marquardt on (a, b, e) from {@link #start}: each step solves the 3×3 damped normal
   * equations (JᵀΩJ + λ·diag(JᵀΩJ))·δ = −g with the IRLS weights Ω = w·ψ(r)/r and the exact gradient
   * g, and is kept only when the objective decreases. The terms A·u and B·v are built from the
   * column buffers (u·A/L, v·B/L), so an evaluation costs one logarithm per point. Stops when the
   * objective changes by less than {@link #INNER_TOLERANCE} relative twice in a row: the result only
   * starts the five-parameter search, which converges it fully.
   */
  private OptimizationResult innerMinimum(double alpha, double beta) {
    double[] x = start.clone();
    double f = innerValue(x, null, null);
    if (!Double.isFinite(f)) {
      return new OptimizationResult(new double[] {x[0], x[1], x[2], alpha, beta}, f, Double.NaN, 0, 1,
          Convergence.NON_FINITE);
    }
    double[][] h = new double[3][3];
    double[] g = new double[3];
    double[] xTry = new double[3];
    double[] step = new double[3];
    double lambda = 1e-6;
    int iter = 0;
    int evals = 1;
    int small = 0;
    Convergence why = Convergence.MAX_ITERATIONS;
    while (iter < INNER_ITERATIONS) {
      iter++;
      innerValue(x, h, g);
      evals++;
      if (Lbfgs.normInf(g) == 0) {
        why = Convergence.GRADIENT;
        break;
      }
      boolean accepted = false;
      while (lambda < 1e20) {
        if (!dampedSolve(h, g, lambda, step)) {
          lambda *= 10;
          continue;
        }
        for (int j = 0; j < 3; j++) {
          xTry[j] = x[j] + step[j];
        }
        double fTry = innerValue(xTry, null, null);
        evals++;
        if (fTry < f) {
          small = f - fTry <= INNER_TOLERANCE * f ? small + 1 : 0;
          System.arraycopy(xTry, 0, x, 0, 3);
          f = fTry;
          lambda = Math.max(lambda / 10, 1e-15);
          accepted = true;
          break;
        }
        lambda *= 10;
      }
      if (!accepted) {
        why = Convergence.STEP;
        break;
      }
      if (small >= 2) {
        why = Convergence.FUNCTION_CHANGE;
        break;
      }
    }
    return new OptimizationResult(new double[] {x[0], x[1], x[2], alpha, beta}, f, Lbfgs.normInf(g), iter, evals,
        why);
  }

  /**
   * The objective at (a, b, e); when {@code h} is not null also the IRLS normal matrix JᵀΩJ and the
   * gradient g (J: the shares A·u/pred, B·v/pred, E/pred of each point's prediction).
   */
  private double innerValue(double[] x, double[][] h, double[] g) {
    double ca = Math.exp(x[0]);
    double cb = Math.exp(x[1]);
    double ce = Math.exp(x[2]);
    if (h != null) {
      for (double[] row : h) {
        java.util.Arrays.fill(row, 0);
      }
      java.util.Arrays.fill(g, 0);
    }
    double f = 0;
    for (int i = 0; i < cols[0].length; i++) {
      double w = Data.weight(weights, i);
      if (w == 0) {
        continue;
      }
      double t0 = ca * cols[0][i];
      double t1 = cb * cols[1][i];
      double t2 = ce * cols[2][i];
      double rel = t0 + t1 + t2; // prediction / L
      double r = Math.log(rel);
      f += w * loss.rho(r);
      if (h != null) {
        double j0 = t0 / rel;
        double j1 = t1 / rel;
        double j2 = t2 / rel;
        double om = w * loss.weight(r);
        double ps = w * loss.psi(r);
        g[0] += ps * j0;
        g[1] += ps * j1;
        g[2] += ps * j2;
        h[0][0] += om * j0 * j0;
        h[0][1] += om * j0 * j1;
        h[0][2] += om * j0 * j2;
        h[1][1] += om * j1 * j1;
        h[1][2] += om * j1 * j2;
        h[2][2] += om * j2 * j2;
      }
    }
    return f;
  }

  /** (H + λ·diag(H))·step = −g for symmetric H (upper triangle) by Cholesky; false if not positive definite. */
  private static boolean dampedSolve(double[][] h, double[] g, double lambda, double[] step) {
    double[][] l = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j <= i; j++) {
        double hij = j == i ? h[i][i] * (1 + lambda) + 1e-300 : h[j][i];
        double s = hij;
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 0)) {
            return false;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] y = new double[3];
    for (int i = 0; i < 3; i++) {
      double s = -g[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    for (int i = 2; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < 3; k++) {
        s -= l[k][i] * step[k];
      }
      step[i] = s / l[i][i];
    }
    for (double v : step) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * min Σ w·(Σ_j c_j·col_j − 1)² over c ≥ 0 by its normal equations on every active set (7 of them),
   * columns scaled to unit norm; null when no active set gives a finite, non-negative solution.
   */
  private double[] nonNegativeLeastSquares() {
    int m = cols[0].length;
    double[][] g = new double[3][3];
    double[] h = new double[3];
    for (int i = 0; i < m; i++) {
      double w = Data.weight(weights, i);
      if (w == 0) {
        continue;
      }
      for (int j = 0; j < 3; j++) {
        double wc = w * cols[j][i];
        h[j] += wc;
        for (int k = j; k < 3; k++) {
          g[j][k] += wc * cols[k][i];
        }
      }
    }
    double[] scale = new double[3];
    for (int j = 0; j < 3; j++) {
      scale[j] = g[j][j] > 0 && Double.isFinite(g[j][j]) ? 1 / Math.sqrt(g[j][j]) : 0;
    }
    double[][] gs = new double[3][3];
    double[] hs = new double[3];
    for (int j = 0; j < 3; j++) {
      hs[j] = h[j] * scale[j];
      for (int k = j; k < 3; k++) {
        gs[j][k] = g[j][k] * scale[j] * scale[k];
        gs[k][j] = gs[j][k];
      }
    }
    double[] best = null;
    double bestSse = Double.POSITIVE_INFINITY;
    for (int set = 1; set < 8; set++) {
      double[] x = solveSubset(gs, hs, set, scale);
      if (x == null) {
        continue;
      }
      // Σw(c·col − 1)² − Σw = cᵀGc − 2hᵀc in the scaled coordinates
      double sse = 0;
      for (int j = 0; j < 3; j++) {
        double xs = scale[j] == 0 ? 0 : x[j] / scale[j];
        sse -= 2 * hs[j] * xs;
        for (int k = 0; k < 3; k++) {
          double ks = scale[k] == 0 ? 0 : x[k] / scale[k];
          sse += xs * gs[j][k] * ks;
        }
      }
      if (sse < bestSse) {
        bestSse = sse;
        best = x;
      }
    }
    return best;
  }

  /** Solution on the active set {@code set} (bit j = coefficient j), unscaled; null if singular or negative. */
  private static double[] solveSubset(double[][] gs, double[] hs, int set, double[] scale) {
    int[] idx = new int[3];
    int k = 0;
    for (int j = 0; j < 3; j++) {
      if ((set & (1 << j)) != 0) {
        if (scale[j] == 0) {
          return null;
        }
        idx[k++] = j;
      }
    }
    double[][] a = new double[k][k + 1];
    for (int r = 0; r < k; r++) {
      for (int s = 0; s < k; s++) {
        a[r][s] = gs[idx[r]][idx[s]];
      }
      a[r][k] = hs[idx[r]];
    }
    // Gaussian elimination with partial pivoting; unit diagonal after scaling, so 1e-12 means collinear
    for (int col = 0; col < k; col++) {
      int piv = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      if (Math.abs(a[piv][col]) < 1e-12) {
        return null;
      }
      double[] tmp = a[piv];
      a[piv] = a[col];
      a[col] = tmp;
      for (int r = col + 1; r < k; r++) {
        double f = a[r][col] / a[col][col];
        for (int s = col; s <= k; s++) {
          a[r][s] -= f * a[col][s];
        }
      }
    }
    double[] y = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double s = a[r][k];
      for (int c = r + 1; c < k; c++) {
        s -= a[r][c] * y[c];
      }
      y[r] = s / a[r][r];
    }
    double[] x = new double[3];
    for (int r = 0; r < k; r++) {
      if (!(y[r] >= 0) || !Double.isFinite(y[r])) {
        return null;
      }
      x[idx[r]] = y[r] * scale[idx[r]];
    }
    return x;
  }
}
