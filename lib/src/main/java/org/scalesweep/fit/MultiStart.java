package org.scalesweep.fit;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs L-BFGS from many starts, keeps the best converged one (ties: lowest start index, so the
 * choice never depends on thread timing) and polishes it with Levenberg–Marquardt.
 */
final class MultiStart {
  private MultiStart() {}

  /**
   * Outcome of a multi-start minimisation.
   *
   * @param best the chosen optimum after polishing
   * @param lbfgsIterations iterations of the chosen start's L-BFGS run plus its polish
   * @param tried starts run
   * @param converged starts that converged
   * @param anyConverged whether the chosen start converged
   */
  record Outcome(OptimizationResult best, int lbfgsIterations, int tried, int converged, boolean anyConverged) {}

  static Outcome run(ResidualModel model, double[] weights, RobustLoss loss, int[] startIds,
      IntFunction<double[]> start, Lbfgs lbfgs, LevenbergMarquardt polish, int parallelism) {
    OptimizationResult[] results = new OptimizationResult[startIds.length];
    IntStream idx = IntStream.range(0, startIds.length);
    if (parallelism > 1 && startIds.length > 1) {
      ForkJoinPool pool = new ForkJoinPool(parallelism);
      try {
        pool.submit(() -> idx.parallel().forEach(k -> results[k] = one(model, weights, loss, start.apply(startIds[k]), lbfgs)))
            .join();
      } finally {
        pool.shutdown();
      }
    } else {
      idx.forEach(k -> results[k] = one(model, weights, loss, start.apply(startIds[k]), lbfgs));
    }
    int best = -1;
    int bestAny = -1;
    int converged = 0;
    for (int k = 0; k < results.length; k++) {
      OptimizationResult r = results[k];
      if (!Double.isFinite(r.value())) {
        continue;
      }
      if (bestAny < 0 || better(r, startIds[k], results[bestAny], startIds[bestAny])) {
        bestAny = k;
      }
      if (r.converged()) {
        converged++;
        if (best < 0 || better(r, startIds[k], results[best], startIds[best])) {
          best = k;
        }
      }
    }
    if (bestAny < 0) {
      return null;
    }
    boolean anyConverged = best >= 0;
    OptimizationResult chosen = results[anyConverged ? best : bestAny];
    OptimizationResult polished = polish.minimize(model, weights, loss, chosen.point());
    boolean usePolish = polished.value() <= chosen.value();
    return new Outcome(usePolish ? polished : chosen,
        chosen.iterations() + (usePolish ? polished.iterations() : 0), startIds.length, converged, anyConverged);
  }

  /** Start ids ordered by the objective at the start, best {@code keep} only (0 = all, in order). */
  static int[] screen(ResidualModel model, double[] weights, RobustLoss loss, int total, IntFunction<double[]> start,
      int keep) {
    return screen(model, weights, loss, total, start, keep, false);
  }

  /**
   * Start ids ordered by the objective at the start, best {@code keep} only; with {@code zeroMeansNone}
   * a keep of 0 keeps no start (instead of all of them, in order).
   */
  static int[] screen(ResidualModel model, double[] weights, RobustLoss loss, int total, IntFunction<double[]> start,
      int keep, boolean zeroMeansNone) {
    if (zeroMeansNone && keep == 0) {
      return new int[0];
    }
    if (keep == 0 || keep >= total) {
      return IntStream.range(0, total).toArray();
    }
    RobustObjective f = new RobustObjective(model, weights, loss);
    double[] values = new double[total];
    for (int i = 0; i < total; i++) {
      double v = f.value(start.apply(i));
      values[i] = Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }
    return IntStream.range(0, total).boxed()
        .sorted((x, y) -> values[x] != values[y] ? Double.compare(values[x], values[y]) : Integer.compare(x, y))
        .limit(keep).mapToInt(Integer::intValue).toArray();
  }

  private static OptimizationResult one(ResidualModel model, double[] weights, RobustLoss loss, double[] x0, Lbfgs lbfgs) {
    return lbfgs.minimize(new RobustObjective(model, weights, loss), x0);
  }

  private static boolean better(OptimizationResult a, int ia, OptimizationResult b, int ib) {
    return a.value() < b.value() || (a.value() == b.value() && ia < ib);
  }

  /** Predictions L·exp(r) of a log-space residual model at x, for R² on the natural scale. */
  static double[] predictionsFromLogResiduals(ResidualModel model, double[] x, double[] observed) {
    double[] r = new double[observed.length];
    model.evaluate(x, r, null);
    double[] pred = new double[observed.length];
    for (int i = 0; i < observed.length; i++) {
      pred[i] = observed[i] * Math.exp(r[i]);
    }
    return pred;
  }
}
