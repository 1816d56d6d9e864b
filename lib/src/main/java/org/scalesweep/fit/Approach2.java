package org.scalesweep.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;

/**
 * Chinchilla Approach 2: for each IsoFLOP budget, a parabola of loss in log10 of the swept size
 * (tokens or parameters) gives the optimum; the slope of log10 optimum on log10 budget gives the
 * allocation exponent. Under the joint law the exponents are a = β/(α+β) for N* and α/(α+β) for
 * D*, up to the error of approximating each IsoFLOP curve by a parabola.
 *
 * <p>Each parabola is fitted by weighted least squares (Hoffmann et al. 2022) or by the
 * scale-aware Huber loss of {@link ParabolaLoss}; each optimum carries a delta-method standard
 * error. Optima outside the sampled sizes are flagged {@link FitFlag#EXTRAPOLATED} and left out
 * of the allocation slope ({@link IsoFlopOptimum#interior()}).
 */
public final class Approach2 {
  /** Most reweighting passes of the scale-aware Huber fit; a curve still moving then is NOT_CONVERGED. */
  public static final int MAX_REWEIGHTINGS = 100;
  /** Huber's tuning constant in units of the residual scale (95% efficiency under normal noise). */
  public static final double HUBER_K = 1.345;

  private final ParabolaLoss method;
  private final double fixedDelta;

  private Approach2(ParabolaLoss loss, double fixedDelta) {
    if (!(fixedDelta >= 0)) {
      throw new IllegalArgumentException("Approach 2 Huber delta must be >= 0, got " + fixedDelta);
    }
    this.method = loss;
    this.fixedDelta = fixedDelta;
  }

  /** The default: least-squares parabolas (see {@link ParabolaLoss} for why). */
  public static Approach2 defaults() {
    return of(ParabolaLoss.LEAST_SQUARES);
  }

  /** Parabolas fitted with the given loss. */
  public static Approach2 of(ParabolaLoss loss) {
    return new Approach2(loss, 0);
  }

  /** Plain weighted least-squares parabolas. */
  public static Approach2 leastSquares() {
    return of(ParabolaLoss.LEAST_SQUARES);
  }

  /** Huber with a fixed δ on relative residuals (0: least squares); for comparisons only. */
  public static Approach2 huber(double delta) {
    return new Approach2(delta > 0 ? ParabolaLoss.SCALE_AWARE_HUBER : ParabolaLoss.LEAST_SQUARES, delta);
  }

  public ParabolaLoss method() {
    return method;
  }

  /** The complete Approach 2 result. */
  public record Result(List<IsoFlopOptimum> paramsOptima, List<IsoFlopOptimum> tokensOptima, Allocation params,
      Allocation tokens) {}

  /** Optima in N and in D per budget, and both allocation exponents. */
  public Result fit(double[] budget, double[] params, double[] tokens, double[] loss, double[] weights) {
    List<IsoFlopOptimum> byN = optima(budget, params, loss, weights);
    List<IsoFlopOptimum> byD = optima(budget, tokens, loss, weights);
    return new Result(byN, byD, allocation(byN), allocation(byD));
  }

  /** One optimum per distinct budget, in budget order. */
  public List<IsoFlopOptimum> optima(double[] budget, double[] size, double[] loss, double[] weights) {
    Data.sameLength("Approach 2", budget.length, size, loss);
    Data.atLeast("Approach 2", budget.length, 3);
    Data.positive("budget", budget);
    Data.positive("size", size);
    Data.positive("loss", loss);
    Data.weights(weights, budget.length);
    TreeMap<Double, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < budget.length; i++) {
      groups.computeIfAbsent(budget[i], k -> new ArrayList<>()).add(i);
    }
    List<IsoFlopOptimum> out = new ArrayList<>();
    for (var e : groups.entrySet()) {
      out.add(optimum(e.getKey(), e.getValue(), size, loss, weights));
    }
    return List.copyOf(out);
  }

  private IsoFlopOptimum optimum(double c, List<Integer> idx, double[] size, double[] loss, double[] weights) {
    int m = idx.size();
    double[] x = new double[m];
    double[] y = new double[m];
    double[] w = new double[m];
    double mean = 0;
    for (int k = 0; k < m; k++) {
      int i = idx.get(k);
      x[k] = Math.log10(size[i]);
      y[k] = loss[i];
      w[k] = Data.weight(weights, i);
      mean += x[k];
    }
    mean /= m;
    double[] h = new double[m];
    Arrays.fill(h, 1);
    QuadraticSums sums = new QuadraticSums(mean);
    EnumSet<FitFlag> flags = EnumSet.noneOf(FitFlag.class);
    Parabola p = solve(sums, x, y, w, h);
    if (p != null && method == ParabolaLoss.SCALE_AWARE_HUBER) {
      double delta = fixedDelta > 0 ? fixedDelta : HUBER_K * residualScale(p, x, y, w);
      if (delta > 0) {
        RobustLoss huber = RobustLoss.huber(delta);
        boolean stable = false;
        for (int iter = 0; iter < MAX_REWEIGHTINGS && !stable && p != null; iter++) {
          for (int k = 0; k < m; k++) {
            h[k] = huber.weight((y[k] - p.at(x[k])) / y[k]);
          }
          Parabola next = solve(sums, x, y, w, h);
          stable = next != null && Math.abs(next.vertex() - p.vertex()) < 1e-12
              && Math.abs(next.c0() - p.c0()) < 1e-14;
          p = next;
        }
        if (!stable && p != null) {
          flags.add(FitFlag.NOT_CONVERGED);
        }
      }
    }
    if (p == null) {
      flags.add(FitFlag.TOO_FEW_POINTS);
      return new IsoFlopOptimum(c, Double.NaN, Double.NaN, Double.NaN, sums.count(), flags);
    }
    if (!p.convex()) {
      flags.add(FitFlag.NOT_CONVEX);
      return new IsoFlopOptimum(c, Double.NaN, Double.NaN, p.c2(), sums.count(), flags);
    }
    double v = p.vertex();
    if (v < sums.minX() || v > sums.maxX()) {
      flags.add(FitFlag.EXTRAPOLATED);
    }
    return new IsoFlopOptimum(c, v, p.at(v), p.c2(), sums.count(), flags, vertexError(p, x, y, w, h));
  }

  private static Parabola solve(QuadraticSums sums, double[] x, double[] y, double[] w, double[] h) {
    sums.reset();
    for (int k = 0; k < x.length; k++) {
      sums.add(x[k], y[k], w[k] * h[k]);
    }
    return Parabola.of(sums);
  }

  /** 1.4826·median |relative residual| over points with positive weight. */
  private static double residualScale(Parabola p, double[] x, double[] y, double[] w) {
    double[] r = new double[x.length];
    int n = 0;
    for (int k = 0; k < x.length; k++) {
      if (w[k] > 0) {
        r[n++] = Math.abs((y[k] - p.at(x[k])) / y[k]);
      }
    }
    if (n == 0) {
      return 0;
    }
    double[] a = Arrays.copyOf(r, n);
    Arrays.sort(a);
    double med = n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    return 1.4826 * med;
  }

  /**
   * Delta-method standard error of the vertex x* = shift − c1/(2·c2): the gradient of x* in
   * (c1, c2) against σ̂²·(XᵀWX)⁻¹, σ̂² = Σw·r²/(n − 3) with n the points of positive weight and
   * W the total weights (resample × robust). NaN with fewer than 4 points.
   */
  private static double vertexError(Parabola p, double[] x, double[] y, double[] w, double[] h) {
    double[][] a = new double[3][3];
    double rss = 0;
    double sw = 0;
    int n = 0;
    for (int k = 0; k < x.length; k++) {
      double wk = w[k] * h[k];
      if (wk <= 0) {
        continue;
      }
      double u = x[k] - p.shift();
      double[] f = {1, u, u * u};
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          a[i][j] += wk * f[i] * f[j];
        }
      }
      double r = y[k] - p.at(x[k]);
      rss += wk * r * r;
      sw += wk;
      n++;
    }
    if (n <= 3 || sw <= 0) {
      return Double.NaN;
    }
    // weights are frequency weights (Poisson counts, robust weights ≤ 1): scale σ̂² by the weight total
    double sigma2 = rss / (sw * (n - 3.0) / n);
    double[][] inv = inverse3(a);
    if (inv == null) {
      return Double.NaN;
    }
    double g1 = -1 / (2 * p.c2());
    double g2 = p.c1() / (2 * p.c2() * p.c2());
    double var = sigma2 * (g1 * g1 * inv[1][1] + 2 * g1 * g2 * inv[1][2] + g2 * g2 * inv[2][2]);
    return var >= 0 ? Math.sqrt(var) : Double.NaN;
  }

  private static double[][] inverse3(double[][] m) {
    double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    if (!(Math.abs(det) > 0)) {
      return null;
    }
    double[][] r = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        int i1 = (j + 1) % 3;
        int i2 = (j + 2) % 3;
        int j1 = (i + 1) % 3;
        int j2 = (i + 2) % 3;
        r[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / det;
      }
    }
    return r;
  }

  /**
   * Slope of log10 optimum on log10 budget over the interior optima (usable, inside the sampled
   * sizes). Budgets left out because their optimum is extrapolated flag the allocation
   * {@link FitFlag#EXTRAPOLATED}; a budget whose curve did not converge flags it NOT_CONVERGED.
   */
  public static Allocation allocation(List<IsoFlopOptimum> optima) {
    LineSums sums = new LineSums(optima.isEmpty() ? 0 : Math.log10(optima.get(0).budget()));
    EnumSet<FitFlag> flags = EnumSet.noneOf(FitFlag.class);
    for (IsoFlopOptimum o : optima) {
      if (o.interior()) {
        sums.add(Math.log10(o.budget()), o.log10Optimum(), 1);
      }
      if (o.usable() && o.flags().contains(FitFlag.EXTRAPOLATED)) {
        flags.add(FitFlag.EXTRAPOLATED);
      }
      if (o.flags().contains(FitFlag.NOT_CONVERGED)) {
        flags.add(FitFlag.NOT_CONVERGED);
      }
    }
    int k = sums.count();
    if (k < 2 || Double.isNaN(sums.slope())) {
      flags.add(FitFlag.TOO_FEW_POINTS);
      return new Allocation(Double.NaN, Double.NaN, Double.NaN, k, flags);
    }
    if (k == 2) {
      flags.add(FitFlag.TOO_FEW_POINTS);
    }
    return new Allocation(sums.slope(), sums.intercept(), sums.rSquared(), k, flags);
  }
}
