package org.scalesweep.fit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;

/**
 * Chinchilla Approach 2: for each IsoFLOP budget, a parabola of loss in log10 of the swept size
 * (tokens or parameters) gives the optimum; the slope of log10 optimum on log10 budget gives the
 * allocation exponent. Under the joint law the exponents are a = β/(α+β) for N* and α/(α+β) for
 * D*, up to the error of approximating each IsoFLOP curve by a parabola.
 *
 * <p>The parabola is fitted by iteratively reweighted least squares on relative residuals with
 * Huber's loss (δ relative; {@code 0} for plain least squares), so single noisy runs do not move
 * the optimum.
 */
public final class Approach2 {
  private final double huberDelta;

  private Approach2(double huberDelta) {
    if (!(huberDelta >= 0)) {
      throw new IllegalArgumentException("Approach 2 Huber delta must be >= 0, got " + huberDelta);
    }
    this.huberDelta = huberDelta;
  }

  /** Huber-weighted parabolas with δ = 1e-3 on relative residuals (as Approach 3's log residuals). */
  public static Approach2 defaults() {
    return new Approach2(1e-3);
  }

  /** Plain weighted least-squares parabolas. */
  public static Approach2 leastSquares() {
    return new Approach2(0);
  }

  public static Approach2 huber(double delta) {
    return new Approach2(delta);
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
    java.util.Arrays.fill(h, 1);
    Parabola p = null;
    QuadraticSums sums = new QuadraticSums(mean);
    for (int iter = 0; iter < (huberDelta > 0 ? 100 : 1); iter++) {
      sums.reset();
      for (int k = 0; k < m; k++) {
        sums.add(x[k], y[k], w[k] * h[k]);
      }
      Parabola next = Parabola.of(sums);
      if (next == null) {
        break;
      }
      boolean stable = p != null && Math.abs(next.vertex() - p.vertex()) < 1e-12 && Math.abs(next.c0() - p.c0()) < 1e-14;
      p = next;
      if (stable || huberDelta == 0) {
        break;
      }
      for (int k = 0; k < m; k++) {
        double r = (y[k] - p.at(x[k])) / y[k];
        h[k] = RobustLoss.huber(huberDelta).weight(r);
      }
    }
    EnumSet<FitFlag> flags = EnumSet.noneOf(FitFlag.class);
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
    return new IsoFlopOptimum(c, v, p.at(v), p.c2(), sums.count(), flags);
  }

  /** Slope of log10 optimum on log10 budget over usable optima. */
  public static Allocation allocation(List<IsoFlopOptimum> optima) {
    LineSums sums = new LineSums(optima.isEmpty() ? 0 : Math.log10(optima.get(0).budget()));
    for (IsoFlopOptimum o : optima) {
      if (o.usable()) {
        sums.add(Math.log10(o.budget()), o.log10Optimum(), 1);
      }
    }
    int k = sums.count();
    if (k < 2 || Double.isNaN(sums.slope())) {
      return new Allocation(Double.NaN, Double.NaN, Double.NaN, k, EnumSet.of(FitFlag.TOO_FEW_POINTS));
    }
    EnumSet<FitFlag> flags = EnumSet.noneOf(FitFlag.class);
    for (IsoFlopOptimum o : optima) {
      if (o.flags().contains(FitFlag.EXTRAPOLATED)) {
        flags.add(FitFlag.EXTRAPOLATED);
      }
    }
    if (k == 2) {
      flags.add(FitFlag.TOO_FEW_POINTS);
    }
    return new Allocation(sums.slope(), sums.intercept(), sums.rSquared(), k, flags);
  }
}
