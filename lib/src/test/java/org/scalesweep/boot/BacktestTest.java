package org.scalesweep.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.fit.RunLaw;
import org.scalesweep.fit.RunPoints;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;

/** Backtests on IsoFLOP sweeps of the published Chinchilla law. */
class BacktestTest {
  private static final JointLaw CHINCHILLA = new JointLaw(1.69, 406.4, 0.34, 410.7, 0.28);
  private static final double[] BUDGETS = {6e18, 2e19, 6e19, 2e20, 6e20};
  private static final JointLawFitter FITTER = JointLawFitter.defaults().withScreening(100);

  private record Sweep(RunPoints runs, long[] units) {}

  /** Five sizes around N* per budget, {@code seeds} replicates, lognormal noise σ. */
  private static Sweep sweep(long seed, int seeds, double sigma) {
    Simulator sim = new Simulator(seed, NoiseModel.runOnly(sigma));
    int m = BUDGETS.length * 5 * seeds;
    double[] b = new double[m];
    double[] n = new double[m];
    double[] d = new double[m];
    double[] l = new double[m];
    long[] u = new long[m];
    int k = 0;
    for (double c : BUDGETS) {
      for (int i = 0; i < 5; i++) {
        double np = Math.rint(CHINCHILLA.optimalParams(c) * Math.pow(2, i - 2));
        double dp = Math.rint(c / (6 * np));
        for (int s = 0; s < seeds; s++) {
          b[k] = c / 3;
          n[k] = np;
          d[k] = dp;
          l[k] = sim.runLoss(CHINCHILLA.at(np, dp), 1, 2, Keys.of(0, Keys.value(np), Keys.value(dp)), s);
          u[k] = Keys.of(4, Keys.value(np), s);
          k++;
        }
      }
    }
    return new Sweep(new RunPoints(b, n, d, l), u);
  }

  @Test
  void noiselessSweepExtrapolatesExactly() {
    Sweep s = sweep(1, 1, 0);
    Backtest.Result r = Backtest.run(RunLaw.CHINCHILLA, FITTER, s.runs(), s.units(), 2,
        new Resampler(3, WeightKind.POISSON), 1, 20, 0.95);
    assertThat(r.trainBudgets()).containsExactly(2e18, 2e19 / 3, 2e19);
    assertThat(r.heldOutBudgets()).containsExactly(2e20 / 3, 2e20);
    assertThat(r.predictions()).hasSize(10);
    assertThat(r.meanAbsRelativeError()).isCloseTo(0, within(1e-7));
    assertThat(r.validResamples()).isEqualTo(20);
  }

  @Test
  void frontierLawPredictsTheHeldOutFrontierPoint() {
    Sweep s = sweep(1, 1, 0);
    Backtest.Result r = Backtest.run(RunLaw.OFFSET_POWER, FITTER, s.runs(), s.units(), 1,
        new Resampler(3, WeightKind.POISSON), 1, 20, 0.95);
    assertThat(r.predictions()).singleElement().satisfies(p -> {
      assertThat(p.budget()).isEqualTo(2e20);
      assertThat(p.params()).isNaN();
      // a law of compute fitted to four frontier points: close, not exact (the frontier is not exactly E + A C^-a)
      assertThat(Math.abs(p.relativeError())).isLessThan(0.01);
    });
  }

  @Test
  void tooFewBudgetsIsAClearError() {
    Sweep s = sweep(1, 1, 0);
    assertThatThrownBy(() -> Backtest.run(RunLaw.CHINCHILLA, FITTER, s.runs(), s.units(), 5,
        new Resampler(3, WeightKind.POISSON), 1, 20, 0.95))
        .hasMessage("backtest holding out 5 budget(s) needs more than 5 distinct budgets, got 5");
  }

  /** Held-out runs fall inside their 95% predictive intervals about 95% of the time. */
  @Test
  @Tag("slow")
  void predictiveIntervalsCoverHeldOutRunsAtAboutTheNominalRate() {
    int inside = 0;
    int total = 0;
    double err = 0;
    for (int rep = 0; rep < 30; rep++) {
      Sweep s = sweep(100 + rep, 2, 0.01);
      Backtest.Result r = Backtest.run(RunLaw.CHINCHILLA, FITTER, s.runs(), s.units(), 1,
          new Resampler(500 + rep, WeightKind.POISSON), 1, 100, 0.95);
      for (Backtest.Prediction p : r.predictions()) {
        inside += p.inside() ? 1 : 0;
        total++;
        err += Math.abs(p.relativeError());
      }
    }
    System.out.printf("backtest coverage %.3f over %d held-out runs, mean |rel err| %.4f%n", inside / (double) total,
        total, err / total);
    assertThat(inside / (double) total).isBetween(0.88, 0.99);
  }
}
