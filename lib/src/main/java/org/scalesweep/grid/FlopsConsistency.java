package org.scalesweep.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks logged training FLOPs against each other instead of against 6·N·D. Trackers count FLOPs
 * and parameters by their own conventions (parameters with embeddings, FLOPs without; attention
 * counted or not), so the ratio ρ = FLOPs / (6·N·D) is rarely 1; but it is the FLOPs per token of
 * an architecture over 6·N, so it depends on the model's size only, not on the budget or the
 * tokens, and varies smoothly with N. The check fits ln ρ as a quadratic in ln N over the distinct
 * runs, robustly (the worst run is left out and the fit repeated while some run is off by more
 * than the tolerance, at most half of the runs), and calls a run inconsistent when its ρ is off
 * that fit by more than the tolerance: a run logged in other units, a FLOP count copied from
 * another run, a wrong token count.
 */
public final class FlopsConsistency {
  private final double tolerance;

  public FlopsConsistency(double tolerance) {
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("FLOPs tolerance must be positive, got " + tolerance);
    }
    this.tolerance = tolerance;
  }

  /**
   * The verdict.
   *
   * @param ratio ρ = FLOPs / (6·N·D) per run
   * @param expected ρ the other runs predict for each run (the robust fit at its N)
   * @param inconsistent runs off the fit by more than the tolerance
   * @param minRatio smallest ρ
   * @param maxRatio largest ρ
   */
  public record Result(double[] ratio, double[] expected, List<Integer> inconsistent, double minRatio,
      double maxRatio) {
    /** True when some run's FLOPs are off 6·N·D by more than {@code tolerance}: another convention. */
    public boolean otherConvention(double tolerance) {
      return maxRatio > 1 + tolerance || minRatio < 1 / (1 + tolerance);
    }

    /** Relative deviation of run i from its expected ratio. */
    public double deviation(int i) {
      return ratio[i] / expected[i] - 1;
    }
  }

  /** Checks runs of parameters N, tokens D and logged training FLOPs (all positive). */
  public Result check(double[] params, double[] tokens, double[] flops) {
    int n = params.length;
    double[] rho = new double[n];
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      rho[i] = flops[i] / ComputeAccounting.sixND(params[i], tokens[i]);
      x[i] = Math.log(params[i]);
      y[i] = Math.log(rho[i]);
    }
    double limit = Math.log1p(tolerance);
    boolean[] in = new boolean[n];
    Arrays.fill(in, true);
    double[] c = fit(x, y, in);
    for (int dropped = 0; dropped < n / 2; dropped++) {
      int worst = -1;
      double w = limit;
      for (int i = 0; i < n; i++) {
        double r = Math.abs(y[i] - at(c, x[i]));
        if (in[i] && r > w) {
          w = r;
          worst = i;
        }
      }
      if (worst < 0) {
        break;
      }
      in[worst] = false;
      c = fit(x, y, in);
    }
    double[] expected = new double[n];
    List<Integer> bad = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      expected[i] = Math.exp(at(c, x[i]));
      if (Math.abs(y[i] - at(c, x[i])) > limit) {
        bad.add(i);
      }
      min = Math.min(min, rho[i]);
      max = Math.max(max, rho[i]);
    }
    return new Result(rho, expected, List.copyOf(bad), min, max);
  }

  private static double at(double[] c, double x) {
    return c[0] + c[1] * x + c[2] * x * x;
  }

  /** Least squares of y on (1, x, x²) over the kept points; fewer distinct x lower the degree (down to the mean). */
  private static double[] fit(double[] x, double[] y, boolean[] in) {
    long distinct = java.util.stream.IntStream.range(0, x.length).filter(i -> in[i]).mapToDouble(i -> x[i]).distinct()
        .count();
    int degree = (int) Math.min(2, Math.max(0, distinct - 2));
    double shift = 0;
    int m = 0;
    for (int i = 0; i < x.length; i++) {
      if (in[i]) {
        shift += x[i];
        m++;
      }
    }
    shift /= Math.max(1, m);
    int k = degree + 1;
    double[][] a = new double[k][k + 1];
    for (int i = 0; i < x.length; i++) {
      if (!in[i]) {
        continue;
      }
      double u = x[i] - shift;
      double[] f = {1, u, u * u};
      for (int r = 0; r < k; r++) {
        for (int s = 0; s < k; s++) {
          a[r][s] += f[r] * f[s];
        }
        a[r][k] += f[r] * y[i];
      }
    }
    double[] b = solve(a, k);
    // back to coefficients in x: c0 + c1·(x − s) + c2·(x − s)²
    double b0 = b[0];
    double b1 = k > 1 ? b[1] : 0;
    double b2 = k > 2 ? b[2] : 0;
    return new double[] {b0 - b1 * shift + b2 * shift * shift, b1 - 2 * b2 * shift, b2};
  }

  private static double[] solve(double[][] a, int k) {
    for (int p = 0; p < k; p++) {
      int best = p;
      for (int r = p + 1; r < k; r++) {
        if (Math.abs(a[r][p]) > Math.abs(a[best][p])) {
          best = r;
        }
      }
      double[] t = a[p];
      a[p] = a[best];
      a[best] = t;
      if (a[p][p] == 0) {
        return new double[k];
      }
      for (int r = p + 1; r < k; r++) {
        double f = a[r][p] / a[p][p];
        for (int s = p; s <= k; s++) {
          a[r][s] -= f * a[p][s];
        }
      }
    }
    double[] b = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double v = a[r][k];
      for (int s = r + 1; s < k; s++) {
        v -= a[r][s] * b[s];
      }
      b[r] = v / a[r][r];
    }
    return b;
  }
}
