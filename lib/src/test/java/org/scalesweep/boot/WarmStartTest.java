package org.scalesweep.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalesweep.fit.Approach3Method;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.law.JointLaw;

/**
 * Bootstrap refits warm-started at the full-sample optimum (one L-BFGS run) reach the optimum of a
 * cold profiled fit of the same resample, or a lower one: objective within 1e-9 relative (the
 * optimisers' evaluation noise is ~1e-15).
 */
class WarmStartTest {
  @Test
  void warmStartedRefitsReachTheColdFitsOptimum() {
    JointLawFitter fitter = JointLawFitter.defaults();
    for (long seed : new long[] {11, 12}) {
      JointLawBootstrapTest.Design x = JointLawBootstrapTest.simulate(seed, 0.02);
      Fit<JointLaw> full = fitter.fit(x.n(), x.d(), x.l(), null);
      Resampler resampler = new Resampler(seed, WeightKind.POISSON);
      double[] w = new double[x.n().length];
      double worst = Double.NEGATIVE_INFINITY;
      for (long b = 0; b < 25; b++) {
        resampler.runWeights(1, x.unit(), b, w);
        Fit<JointLaw> warm = fitter.refit(full.law(), x.n(), x.d(), x.l(), w);
        Fit<JointLaw> cold = fitter.fit(x.n(), x.d(), x.l(), w);
        Fit<JointLaw> grid = b < 3 ? fitter.withMethod(Approach3Method.GRID).withParallelism(2)
            .fit(x.n(), x.d(), x.l(), w) : cold;
        double best = Math.min(cold.objective(), grid.objective());
        double rel = (warm.objective() - best) / best;
        worst = Math.max(worst, rel);
        assertThat(warm.starts()).isEqualTo(1);
        assertThat(rel).as("seed " + seed + " resample " + b + ": warm " + warm.law().describe() + " cold "
            + cold.law().describe()).isLessThanOrEqualTo(1e-9);
        assertThat((cold.objective() - grid.objective()) / grid.objective()).as("profiled vs all starts, resample " + b)
            .isLessThanOrEqualTo(1e-9);
      }
      System.out.printf("seed %d: worst relative objective of a warm refit above the cold optimum %.2e%n", seed, worst);
    }
  }
}
