package org.scalesweep.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.fit.RunLaw;
import org.scalesweep.fit.RunLawFit;
import org.scalesweep.fit.RunPoints;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.Law;

/** The bootstrap behind fit-runs: seed 000's design, warm-started keyed refits, interval coverage. */
class RunsBootstrapTest {
  private static final JointLaw TRUTH = JointLaw.SEED_000_TRUTH;
  private static final JointLawFitter FITTER = JointLawFitter.defaults().withScreening(100);

  /** Seed 000's design (JointLawBootstrapTest's) as run points; budgets are 6ND/3 (unused by the joint law). */
  private record Design(RunPoints points, long[] units) {}

  private static Design design(long seed, double sigma) {
    JointLawBootstrapTest.Design x = JointLawBootstrapTest.simulate(seed, sigma);
    double[] b = new double[x.n().length];
    for (int i = 0; i < b.length; i++) {
      b[i] = 2 * x.n()[i] * x.d()[i];
    }
    return new Design(new RunPoints(b, x.n(), x.d(), x.l()), x.unit());
  }

  @Test
  void noiselessSeed000RecoversTheTruthAndEveryResampleAgrees() {
    Design x = design(1, 0);
    RunLawFit model = new RunLawFit(RunLaw.CHINCHILLA, FITTER, x.points());
    Fit<? extends Law> fit = model.fit();
    double[] est = fit.law().parameters();
    double[] truth = TRUTH.parameters();
    for (int i = 0; i < 5; i++) {
      assertThat(est[i] / truth[i] - 1).as(RunLaw.CHINCHILLA.parameters().get(i)).isCloseTo(0, within(1e-6));
    }
    RunsBootstrap boot = new RunsBootstrap(model, fit.law(), false, x.units(), new Resampler(5, WeightKind.POISSON), 9);
    assertThat(boot.statistics()).isEqualTo(List.of("E", "A", "alpha", "B", "beta"));
    for (long b = 0; b < 5; b++) {
      double[] s = boot.resample(b).statistics();
      for (int i = 0; i < 5; i++) {
        assertThat(s[i] / truth[i] - 1).isCloseTo(0, within(1e-6));
      }
    }
  }

  @Test
  void resampleBIsTheSameWhoeverComputesIt() {
    Design x = design(2, 0.02);
    RunLawFit model = new RunLawFit(RunLaw.CHINCHILLA, FITTER, x.points());
    Law full = model.fit().law();
    RunsBootstrap one = new RunsBootstrap(model, full, false, x.units(), new Resampler(7, WeightKind.POISSON), 3);
    RunsBootstrap two = new RunsBootstrap(new RunLawFit(RunLaw.CHINCHILLA, FITTER, x.points()), full, false, x.units(),
        new Resampler(7, WeightKind.POISSON), 3);
    double[] late = two.resample(17).statistics();
    two.resample(3);
    assertThat(one.resample(17).statistics()).isEqualTo(late);
    assertThat(one.resample(18).statistics()).isNotEqualTo(late);
  }

  /** Percentile intervals of α, β, E and B cover the truth at about the nominal 95% over repetitions. */
  @Test
  @Tag("slow")
  void intervalsCoverTheTruthAtTheNominalRate() {
    int reps = 100;
    int resamples = 200;
    double[] truth = TRUTH.parameters();
    int[] covered = new int[5];
    for (int r = 0; r < reps; r++) {
      Design x = design(2000 + r, 0.02);
      RunLawFit model = new RunLawFit(RunLaw.CHINCHILLA, FITTER, x.points());
      Fit<? extends Law> fit = model.fit();
      RunsBootstrap boot = new RunsBootstrap(model, fit.law(), false, x.units(),
          new Resampler(7000 + r, WeightKind.POISSON), 1);
      double[][] cols = new double[5][resamples];
      for (int b = 0; b < resamples; b++) {
        double[] s = boot.resample(b).statistics();
        for (int i = 0; i < 5; i++) {
          cols[i][b] = s[i];
        }
      }
      for (int i = 0; i < 5; i++) {
        if (BootstrapSummary.of(fit.law().parameters()[i], cols[i], null, 0.95).percentile().contains(truth[i])) {
          covered[i]++;
        }
      }
    }
    for (int i = 0; i < 5; i++) {
      System.out.printf("fit-runs coverage %-5s %.2f%n", RunLaw.CHINCHILLA.parameters().get(i), covered[i] / (double) reps);
    }
    for (int i : new int[] {0, 2, 3, 4}) {
      assertThat(covered[i] / (double) reps).as(RunLaw.CHINCHILLA.parameters().get(i)).isBetween(0.87, 0.995);
    }
  }
}
