package org.scalesweep.fit;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Alg. 7.4/7.5) with a strong-Wolfe line search
 * (Alg. 3.5/3.6, cubic interpolation in the zoom). ojAlgo has no quasi-Newton optimiser, hence this.
 *
 * <p>Stopping rules are relative to the objective so that near-zero objectives (noiseless data)
 * are driven to their floor rather than stopped early: the function-change test compares against
 * max(|f|, {@code valueFloor}).
 */
public final class Lbfgs {
  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;

  private final int memory;
  private final int maxIterations;
  private final double gradientTolerance;
  private final double functionTolerance;
  private final double valueFloor;

  private Lbfgs(int memory, int maxIterations, double gradientTolerance, double functionTolerance, double valueFloor) {
    if (memory < 1) {
      throw new IllegalArgumentException("L-BFGS memory must be >= 1, got " + memory);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("L-BFGS maxIterations must be >= 1, got " + maxIterations);
    }
    if (!(gradientTolerance >= 0) || !(functionTolerance >= 0) || !(valueFloor >= 0)) {
      throw new IllegalArgumentException("L-BFGS tolerances must be >= 0, got gtol=" + gradientTolerance
          + " ftol=" + functionTolerance + " floor=" + valueFloor);
    }
    this.memory = memory;
    this.maxIterations = maxIterations;
    this.gradientTolerance = gradientTolerance;
    this.functionTolerance = functionTolerance;
    this.valueFloor = valueFloor;
  }

  /** Memory 10, 1,000 iterations, gradient tolerance 1e-12, relative function tolerance 1e-12. */
  public static Lbfgs defaults() {
    return new Lbfgs(10, 1000, 1e-12, 1e-12, 1e-300);
  }

  public Lbfgs withMaxIterations(int n) {
    return new Lbfgs(memory, n, gradientTolerance, functionTolerance, valueFloor);
  }

  public Lbfgs withTolerances(double gtol, double ftol) {
    return new Lbfgs(memory, maxIterations, gtol, ftol, valueFloor);
  }

  public Lbfgs withMemory(int m) {
    return new Lbfgs(m, maxIterations, gradientTolerance, functionTolerance, valueFloor);
  }

  public int maxIterations() {
    return maxIterations;
  }

  /** Minimises f from x0. Never throws on a bad objective; the result says why it stopped. */
  public OptimizationResult minimize(DifferentiableFunction f, double[] x0) {
    int n = f.dimension();
    if (x0.length != n) {
      throw new IllegalArgumentException("start has " + x0.length + " values, objective needs " + n);
    }
    double[] x = x0.clone();
    double[] g = new double[n];
    double fx = f.evaluate(x, g);
    int evals = 1;
    if (!Double.isFinite(fx) || !allFinite(g)) {
      return new OptimizationResult(x, fx, Double.NaN, 0, evals, Convergence.NON_FINITE);
    }
    double[][] s = new double[memory][n];
    double[][] y = new double[memory][n];
    double[] rho = new double[memory];
    double[] alpha = new double[memory];
    double[] d = new double[n];
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    int stored = 0;
    int head = 0;
    int iter = 0;
    Convergence why = Convergence.MAX_ITERATIONS;
    LineSearch ls = new LineSearch(f, n);

    while (iter < maxIterations) {
      double gnorm = normInf(g);
      if (gnorm <= gradientTolerance) {
        why = Convergence.GRADIENT;
        break;
      }
      // two-loop recursion: d = −H·g
      System.arraycopy(g, 0, d, 0, n);
      for (int k = 0; k < stored; k++) {
        int j = Math.floorMod(head - 1 - k, memory);
        alpha[j] = rho[j] * dot(s[j], d);
        axpy(-alpha[j], y[j], d);
      }
      double gammaScale = 1;
      if (stored > 0) {
        int j = Math.floorMod(head - 1, memory);
        gammaScale = dot(s[j], y[j]) / dot(y[j], y[j]);
      }
      for (int i = 0; i < n; i++) {
        d[i] *= gammaScale;
      }
      for (int k = stored - 1; k >= 0; k--) {
        int j = Math.floorMod(head - 1 - k, memory);
        double beta = rho[j] * dot(y[j], d);
        axpy(alpha[j] - beta, s[j], d);
      }
      for (int i = 0; i < n; i++) {
        d[i] = -d[i];
      }
      double slope = dot(g, d);
      if (!(slope < 0)) {
        // not a descent direction: restart from steepest descent
        stored = 0;
        for (int i = 0; i < n; i++) {
          d[i] = -g[i];
        }
        slope = dot(g, d);
      }
      double step0 = stored == 0 ? Math.min(1.0, 1.0 / Math.max(normInf(g), 1e-300)) : 1.0;
      double step = ls.search(x, fx, g, d, slope, step0, xNew, gNew);
      evals += ls.evaluations;
      iter++;
      if (step <= 0) {
        if (-slope <= 1e-14 * Math.max(Math.abs(fx), valueFloor)) {
          why = Convergence.FUNCTION_CHANGE; // no decrease is representable in double precision
          break;
        }
        if (stored > 0) {
          stored = 0; // retry with steepest descent before giving up
          continue;
        }
        why = Convergence.LINE_SEARCH_FAILED;
        break;
      }
      double fNew = ls.value;
      int j = head;
      double sy = 0;
      double maxStep = 0;
      for (int i = 0; i < n; i++) {
        s[j][i] = xNew[i] - x[i];
        y[j][i] = gNew[i] - g[i];
        sy += s[j][i] * y[j][i];
        maxStep = Math.max(maxStep, Math.abs(s[j][i]) / Math.max(1, Math.abs(x[i])));
      }
      if (sy > 1e-300) {
        rho[j] = 1 / sy;
        head = (head + 1) % memory;
        stored = Math.min(stored + 1, memory);
      }
      double change = fx - fNew;
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      if (change <= functionTolerance * Math.max(Math.max(Math.abs(fx), Math.abs(fx + change)), valueFloor)) {
        why = Convergence.FUNCTION_CHANGE;
        break;
      }
      if (maxStep < 1e-16) {
        why = Convergence.STEP;
        break;
      }
    }
    if (why == Convergence.MAX_ITERATIONS && normInf(g) <= gradientTolerance) {
      why = Convergence.GRADIENT;
    }
    return new OptimizationResult(x, fx, normInf(g), iter, evals, why);
  }

  /** Strong-Wolfe line search; returns the accepted step (0 on failure). */
  private static final class LineSearch {
    private final DifferentiableFunction f;
    private final double[] xt;
    private final double[] gt;
    double value;
    int evaluations;

    LineSearch(DifferentiableFunction f, int n) {
      this.f = f;
      this.xt = new double[n];
      this.gt = new double[n];
    }

    double search(double[] x, double f0, double[] g0, double[] d, double slope0, double step0,
        double[] xOut, double[] gOut) {
      evaluations = 0;
      double aPrev = 0;
      double fPrev = f0;
      double dPrev = slope0;
      double a = step0;
      for (int i = 0; i < 30; i++) {
        double fa = eval(x, d, a);
        double da = dot(gt, d);
        if (!Double.isFinite(fa) || !Double.isFinite(da)) {
          a = aPrev + 0.25 * (a - aPrev); // outside the domain: shrink toward the last good point
          continue;
        }
        if (fa > f0 + C1 * a * slope0 || (i > 0 && fa >= fPrev)) {
          return zoom(x, f0, slope0, d, aPrev, fPrev, dPrev, a, fa, da, xOut, gOut);
        }
        if (Math.abs(da) <= -C2 * slope0) {
          return accept(a, fa, xOut, gOut);
        }
        if (da >= 0) {
          return zoom(x, f0, slope0, d, a, fa, da, aPrev, fPrev, dPrev, xOut, gOut);
        }
        aPrev = a;
        fPrev = fa;
        dPrev = da;
        a = Math.min(a * 4, 1e10);
      }
      return 0;
    }

    private double zoom(double[] x, double f0, double slope0, double[] d, double lo, double fLo, double dLo,
        double hi, double fHi, double dHi, double[] xOut, double[] gOut) {
      double bestA = 0;
      double bestF = f0;
      for (int i = 0; i < 40; i++) {
        double a = cubicMin(lo, fLo, dLo, hi, fHi, dHi);
        double lower = Math.min(lo, hi);
        double upper = Math.max(lo, hi);
        double width = upper - lower;
        if (!(a > lower + 0.1 * width && a < upper - 0.1 * width)) {
          a = 0.5 * (lo + hi);
        }
        double fa = eval(x, d, a);
        double da = dot(gt, d);
        if (!Double.isFinite(fa) || !Double.isFinite(da)) {
          hi = a;
          fHi = Double.POSITIVE_INFINITY;
          dHi = Double.NaN;
          continue;
        }
        if (fa < bestF && fa <= f0 + C1 * a * slope0) {
          bestF = fa;
          bestA = a;
        }
        if (fa > f0 + C1 * a * slope0 || fa >= fLo) {
          hi = a;
          fHi = fa;
          dHi = da;
        } else {
          if (Math.abs(da) <= -C2 * slope0) {
            return accept(a, fa, xOut, gOut);
          }
          if (da * (hi - lo) >= 0) {
            hi = lo;
            fHi = fLo;
            dHi = dLo;
          }
          lo = a;
          fLo = fa;
          dLo = da;
        }
        if (Math.abs(hi - lo) <= 1e-16 * Math.max(1, Math.abs(lo))) {
          break;
        }
      }
      if (bestA > 0) {
        // sufficient decrease without the curvature condition: still a valid step
        double fa = eval(x, d, bestA);
        return accept(bestA, fa, xOut, gOut);
      }
      return 0;
    }

    private double accept(double a, double fa, double[] xOut, double[] gOut) {
      System.arraycopy(xt, 0, xOut, 0, xt.length);
      System.arraycopy(gt, 0, gOut, 0, gt.length);
      value = fa;
      return a;
    }

    private double eval(double[] x, double[] d, double a) {
      for (int i = 0; i < x.length; i++) {
        xt[i] = x[i] + a * d[i];
      }
      evaluations++;
      return f.evaluate(xt, gt);
    }

    /** Minimiser of the cubic through (a, fa, da), (b, fb, db); NaN when it does not exist. */
    private static double cubicMin(double a, double fa, double da, double b, double fb, double db) {
      if (!Double.isFinite(fb) || !Double.isFinite(db)) {
        return Double.NaN;
      }
      double d1 = da + db - 3 * (fa - fb) / (a - b);
      double disc = d1 * d1 - da * db;
      if (disc < 0) {
        return Double.NaN;
      }
      double d2 = Math.signum(b - a) * Math.sqrt(disc);
      return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  static double normInf(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  private static boolean allFinite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }
}
