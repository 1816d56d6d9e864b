package org.scalesweep.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;

/** Bootstrap intervals of the joint law on seed 000's design: 16 points × 5 seeds, noise 0.02. */
class JointLawBootstrapTest {
  private static final JointLaw TRUTH = JointLaw.SEED_000_TRUTH;
  private static final double[] SIZES = {125e6, 350e6, 1.3e9, 2.7e9, 6.9e9, 13e9, 30e9, 70e9};
  private static final double[] DATA = {1e3, 1e4, 1e5, 5e5, 1e6, 2e6, 5e6, 1e7};
  private static final int SEEDS = 5;
  /** Screening keeps the 100 best of 4,500 starts: FittersTest checks it reaches the same optimum. */
  private static final JointLawFitter FITTER = JointLawFitter.defaults().withScreening(100);

  /** One simulated repetition of the design. */
  record Design(double[] n, double[] d, double[] l, long[] unit) {}

  private static Design simulate(long seed) {
    return simulate(seed, 0.02);
  }

  /** Seed 000's 16 points × 5 seeds with lognormal noise σ; a unit is one point replicate. */
  static Design simulate(long seed, double sigma) {
    Simulator sim = new Simulator(seed, NoiseModel.runOnly(sigma));
    int m = 16 * SEEDS;
    double[] n = new double[m];
    double[] d = new double[m];
    double[] l = new double[m];
    long[] unit = new long[m];
    int k = 0;
    for (int p = 0; p < 16; p++) {
      double np = p < 8 ? SIZES[p] : 6.9e9;
      double dp = p < 8 ? 1e6 : DATA[p - 8];
      long run = Keys.of(0, Keys.value(np), Keys.value(dp));
      for (int s = 0; s < SEEDS; s++) {
        n[k] = np;
        d[k] = dp;
        l[k] = sim.runLoss(TRUTH.at(np, dp), 1, 2, run, s);
        unit[k] = Keys.of(3, p, s);
        k++;
      }
    }
    return new Design(n, d, l, unit);
  }

  private static Interval[] intervals(Design x, long seed, int resamples) {
    return java.util.Arrays.stream(summaries(x, seed, resamples)).map(BootstrapSummary::percentile)
        .toArray(Interval[]::new);
  }

  /** Bootstrap summaries; the expanded interval counts the 80 run replicates as units and 5 parameters. */
  private static BootstrapSummary[] summaries(Design x, long seed, int resamples) {
    Fit<JointLaw> full = FITTER.fit(x.n(), x.d(), x.l(), null);
    JointLawBootstrap boot = new JointLawBootstrap(FITTER, full, x.n(), x.d(), x.l(), x.unit(),
        new Resampler(seed, WeightKind.POISSON), 1);
    double[][] rows = boot.resamples(0, resamples);
    double[] est = JointLawBootstrap.statistics(full.law());
    BootstrapSummary[] out = new BootstrapSummary[est.length];
    for (int s = 0; s < est.length; s++) {
      double[] col = new double[resamples];
      for (int b = 0; b < resamples; b++) {
        col[b] = rows[b][s];
      }
      out[s] = BootstrapSummary.of(est[s], col, null, 0.95, x.unit().length, 5);
    }
    return out;
  }

  @Test
  void intervalsOfOneNoisyStudyCoverTheTruth() {
    Design x = simulate(42);
    Fit<JointLaw> fit = FITTER.fit(x.n(), x.d(), x.l(), null);
    Interval[] iv = intervals(x, 42, 400);
    double[] truth = JointLawBootstrap.statistics(TRUTH);
    System.out.println("noisy fit " + fit.law().describe() + " R2=" + fit.rSquared());
    for (int s = 0; s < truth.length; s++) {
      System.out.printf("  %-5s truth %.4f  95%% [%.4f, %.4f]%n", JointLawBootstrap.STATISTICS[s], truth[s], iv[s].low(),
          iv[s].high());
    }
    for (int s : new int[] {0, 2, 3, 4, 5}) {
      assertThat(iv[s].contains(truth[s])).as(JointLawBootstrap.STATISTICS[s]).isTrue();
    }
  }

  /**
   * A warm start far from the optimum (a law fitted to other data) with an L-BFGS budget too short
   * to walk from it: some warm-started refits stop unconverged. Each of them is retried from the
   * screened start grid, so a resample is NaN only when that fit fails too, and a retried resample
   * carries the grid fit's law.
   */
  @Test
  void failedWarmStartedRefitsAreRetriedFromTheScreenedGrid() {
    JointLawFitter shortRun = FITTER.withLbfgs(org.scalesweep.fit.Lbfgs.defaults().withMaxIterations(40));
    Design x = simulate(42);
    Fit<JointLaw> far = FITTER.fit(x.n(), x.d(), java.util.Arrays.stream(x.l()).map(v -> 0.5 + 1.4 * v).toArray(), null);
    JointLawBootstrap boot = new JointLawBootstrap(shortRun, far, x.n(), x.d(), x.l(), x.unit(),
        new Resampler(7, WeightKind.POISSON), 1);
    Resampler weights = new Resampler(7, WeightKind.POISSON);
    int warmFailed = 0;
    int retried = 0;
    for (long b = 0; b < 20; b++) {
      double[] w = new double[x.n().length];
      weights.runWeights(1, x.unit(), b, w);
      Fit<JointLaw> warm = shortRun.refit(far.law(), x.n(), x.d(), x.l(), w);
      double[] got = boot.resample(b);
      if (warm.hasEstimate() && warm.converged()) {
        assertThat(got).containsExactly(JointLawBootstrap.statistics(warm.law()));
        continue;
      }
      warmFailed++;
      Fit<JointLaw> grid = shortRun.fit(x.n(), x.d(), x.l(), w);
      if (grid.hasEstimate() && grid.converged()) {
        retried++;
        assertThat(got).containsExactly(JointLawBootstrap.statistics(grid.law()));
      } else {
        assertThat(got[0]).isNaN();
      }
    }
    System.out.printf("warm-started refits failed: %d of 20, rescued by the grid: %d%n", warmFailed, retried);
    assertThat(retried).isPositive();
  }

  @Test
  @Tag("slow")
  void coverageOfAlphaAndBetaOverTwoHundredRepetitions() {
    int reps = 200;
    int[] covered = new int[JointLawBootstrap.STATISTICS.length];
    int[] expanded = new int[JointLawBootstrap.STATISTICS.length];
    double[] truth = JointLawBootstrap.statistics(TRUTH);
    for (int r = 0; r < reps; r++) {
      BootstrapSummary[] iv = summaries(simulate(1000 + r), 5000 + r, 200);
      for (int s = 0; s < truth.length; s++) {
        covered[s] += iv[s].percentile().contains(truth[s]) ? 1 : 0;
        expanded[s] += iv[s].expanded().contains(truth[s]) ? 1 : 0;
      }
    }
    for (int s = 0; s < truth.length; s++) {
      System.out.printf("coverage %-5s percentile %.3f expanded %.3f%n", JointLawBootstrap.STATISTICS[s],
          covered[s] / (double) reps, expanded[s] / (double) reps);
    }
    assertThat(covered[2] / (double) reps).isBetween(0.85, 0.99);
    assertThat(covered[4] / (double) reps).isBetween(0.85, 0.99);
    assertThat(expanded[2] / (double) reps).isBetween(0.9, 0.995);
    assertThat(expanded[4] / (double) reps).isBetween(0.9, 0.995);
  }
}
