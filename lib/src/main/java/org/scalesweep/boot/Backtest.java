package org.scalesweep.boot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.fit.RunLaw;
import org.scalesweep.fit.RunLawFit;
import org.scalesweep.fit.RunPoints;
import org.scalesweep.law.Law;
import org.scalesweep.sim.Keys;

/**
 * Extrapolation honesty: fit a law on every budget but the largest {@code holdout}, predict the held-out
 * points (runs for the joint law, frontier points for laws of compute) and check each against a
 * bootstrap predictive interval (fit uncertainty from warm-started keyed resamples plus residual
 * noise, see {@link PredictiveInterval}).
 */
public final class Backtest {
  private static final long PREDICT = Keys.name("backtest-predict");

  private Backtest() {}

  /** One held-out point. */
  public record Prediction(double budget, double params, double tokens, double observed, double predicted,
      Interval interval) {
    /** (predicted − observed) / observed. */
    public double relativeError() {
      return (predicted - observed) / observed;
    }

    public boolean inside() {
      return interval.contains(observed);
    }
  }

  /**
   * @param fit the fit on the training budgets
   * @param trainBudgets budgets fitted
   * @param heldOutBudgets budgets predicted
   * @param validResamples resamples whose refit converged
   */
  public record Result(RunLaw law, Fit<? extends Law> fit, double[] trainBudgets, double[] heldOutBudgets,
      List<Prediction> predictions, int resamples, int validResamples) {
    /** Mean |relative error| over held-out points (NaN when none). */
    public double meanAbsRelativeError() {
      return predictions.stream().mapToDouble(p -> Math.abs(p.relativeError())).average().orElse(Double.NaN);
    }

    /** Fraction of held-out points inside their predictive interval (NaN when none). */
    public double coverage() {
      return predictions.stream().mapToDouble(p -> p.inside() ? 1 : 0).average().orElse(Double.NaN);
    }
  }

  /**
   * @param unitOfRun resampling unit of each run
   * @param scopeKey key of this group of runs
   * @throws IllegalArgumentException when fewer than holdout + 1 distinct budgets exist
   */
  public static Result run(RunLaw law, JointLawFitter fitter, RunPoints runs, long[] unitOfRun, int holdout,
      Resampler resampler, long scopeKey, int resamples, double level) {
    double[] budgets = Arrays.stream(runs.budget()).distinct().sorted().toArray();
    if (holdout < 1 || budgets.length <= holdout) {
      throw new IllegalArgumentException("backtest holding out " + holdout + " budget(s) needs more than " + holdout
          + " distinct budgets, got " + budgets.length);
    }
    double cutoff = budgets[budgets.length - holdout - 1];
    RunPoints train = select(runs, cutoff, true);
    RunPoints held = select(runs, cutoff, false);
    long[] trainUnits = new long[train.size()];
    for (int i = 0, k = 0; i < runs.size(); i++) {
      if (runs.budget()[i] <= cutoff) {
        trainUnits[k++] = unitOfRun[i];
      }
    }
    RunLawFit model = new RunLawFit(law, fitter, train);
    Fit<? extends Law> full = model.fit();
    double[] trainB = Arrays.copyOfRange(budgets, 0, budgets.length - holdout);
    double[] heldB = Arrays.copyOfRange(budgets, budgets.length - holdout, budgets.length);
    if (!full.hasEstimate()) {
      return new Result(law, full, trainB, heldB, List.of(), resamples, 0);
    }
    RunPoints at = law.alongFrontier() ? new RunLawFit(law, fitter, held).frontier(null) : held;
    RunsBootstrap boot = new RunsBootstrap(model, full.law(), false, trainUnits, resampler, scopeKey);
    double[][] pred = new double[at.size()][resamples];
    int valid = 0;
    for (int b = 0; b < resamples; b++) {
      Law lb = boot.resample(b).law();
      valid += lb == null ? 0 : 1;
      for (int j = 0; j < at.size(); j++) {
        pred[j][b] = lb == null ? Double.NaN : model.predict(lb, at, j);
      }
    }
    double[] residuals = model.logResiduals(full.law());
    List<Prediction> out = new ArrayList<>();
    for (int j = 0; j < at.size(); j++) {
      Interval iv = PredictiveInterval.of(pred[j], residuals, Keys.of(scopeKey, PREDICT, j), level);
      out.add(new Prediction(at.budget()[j], at.params()[j], at.tokens()[j], at.loss()[j],
          model.predict(full.law(), at, j), iv));
    }
    return new Result(law, full, trainB, heldB, List.copyOf(out), resamples, valid);
  }

  private static RunPoints select(RunPoints r, double cutoff, boolean atMost) {
    int[] idx = java.util.stream.IntStream.range(0, r.size()).filter(i -> (r.budget()[i] <= cutoff) == atMost).toArray();
    return new RunPoints(pick(r.budget(), idx), pick(r.params(), idx), pick(r.tokens(), idx), pick(r.loss(), idx));
  }

  private static double[] pick(double[] v, int[] idx) {
    return Arrays.stream(idx).mapToDouble(i -> v[i]).toArray();
  }
}
