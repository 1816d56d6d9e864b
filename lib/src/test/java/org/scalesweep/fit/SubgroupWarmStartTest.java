package org.scalesweep.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/**
 * The warm-started multi-start ({@link JointLawFitter#fit(JointLaw, double[], double[], double[],
 * double[])}) against the cold one on a simulated corpus with subgroups (fixed seed): each subgroup
 * warm-started from the corpus's overall fit must reach the cold fit's objective within 1e-9
 * relative, or a lower one, from {@link JointLawFitter#WARM_KEEP} + 1 starts instead of 25.
 */
class SubgroupWarmStartTest {
  private static final double SAME = Approach3MethodTest.SAME;
  private static final long SEED = 18;
  private static final double[] BUDGETS = {1e18, 3e18, 1e19, 3e19, 1e20};
  private static final int SIZES_PER_BUDGET = 9;
  private static final int REPLICATES = 3;

  /** A baseline, relative subgroups (γ, Δβ) as in the flagship, and one with its own exponents. */
  private static CorpusTruth corpus() {
    List<Subgroup> s = new ArrayList<>();
    s.add(new Subgroup("base", new SubgroupTruth.Absolute(JointLaw.SEED_000_TRUTH), 0, null));
    double[][] rel = {{0.9, 0.02}, {1.1, -0.02}, {1.25, 0.05}, {0.8, -0.04}, {1.02, 0.0}};
    for (int i = 0; i < rel.length; i++) {
      s.add(new Subgroup("rel" + i, new SubgroupTruth.Relative("base", rel[i][0], rel[i][1], 1e19), 0, null));
    }
    s.add(new Subgroup("own", new SubgroupTruth.Absolute(new JointLaw(2.1, 300, 0.38, 500, 0.3)), 0, null));
    return new CorpusTruth("c", s);
  }

  /** Points of every run (IsoFLOP: sizes spread around each budget's optimum), losses per subgroup. */
  private record Corpus(double[] n, double[] d, double[][] loss, double[] overall) {}

  private static Corpus simulate() {
    CorpusTruth truth = corpus();
    Simulator sim = new Simulator(SEED, new NoiseModel(0.02, 0.01, 0, 0));
    int m = BUDGETS.length * SIZES_PER_BUDGET * REPLICATES;
    int g = truth.subgroups().size();
    double[] n = new double[m];
    double[] d = new double[m];
    double[][] loss = new double[g][m];
    double[] overall = new double[m];
    int k = 0;
    for (double f : BUDGETS) {
      double nOpt = Math.sqrt(f / 6 / 20);
      for (int j = 0; j < SIZES_PER_BUDGET; j++) {
        double np = Math.rint(nOpt * Math.pow(10, (j - (SIZES_PER_BUDGET - 1) / 2.0) * 0.25));
        double dp = Math.rint(f / (6 * np));
        long run = Keys.of(Keys.value(f), Keys.value(np));
        for (int r = 0; r < REPLICATES; r++) {
          n[k] = np;
          d[k] = dp;
          for (int s = 0; s < g; s++) {
            loss[s][k] = sim.runLoss(truth.loss(s, np, dp, f), 1, s, run, r);
            overall[k] += loss[s][k] / g;
          }
          k++;
        }
      }
    }
    return new Corpus(n, d, loss, overall);
  }

  @Test
  void everySubgroupWarmStartedFromTheOverallFitReachesTheColdOptimum() {
    Corpus c = simulate();
    JointLawFitter fitter = JointLawFitter.defaults();
    Fit<JointLaw> overall = fitter.fit(c.n(), c.d(), c.overall(), null);
    assertThat(overall.converged()).isTrue();
    for (int s = 0; s < c.loss().length; s++) {
      Fit<JointLaw> cold = fitter.fit(c.n(), c.d(), c.loss()[s], null);
      Fit<JointLaw> warm = fitter.fit(overall.law(), c.n(), c.d(), c.loss()[s], null);
      double rel = (warm.objective() - cold.objective()) / cold.objective();
      System.out.printf("subgroup %d: cold %.15g (%d starts) warm %.15g (%d starts) rel %.2e%n", s, cold.objective(),
          cold.starts(), warm.objective(), warm.starts(), rel);
      assertThat(cold.starts()).isEqualTo(25);
      assertThat(warm.starts()).isEqualTo(JointLawFitter.WARM_KEEP + 1);
      assertThat(warm.converged()).isTrue();
      assertThat(rel).as("subgroup %d: warm objective relative to cold", s).isLessThanOrEqualTo(SAME);
      assertThat(warm.flags()).isEqualTo(cold.flags());
    }
  }

  @Test
  void aWarmStartAloneIsOneStartAndTheDefaultPathIsUnchanged() {
    Corpus c = simulate();
    JointLawFitter fitter = JointLawFitter.defaults();
    Fit<JointLaw> overall = fitter.fit(c.n(), c.d(), c.overall(), null);
    Fit<JointLaw> alone = fitter.withWarmKeep(0).fit(overall.law(), c.n(), c.d(), c.loss()[1], null);
    assertThat(alone.starts()).isEqualTo(1);
    Fit<JointLaw> viaNull = fitter.fit(null, c.n(), c.d(), c.loss()[1], null);
    Fit<JointLaw> cold = fitter.fit(c.n(), c.d(), c.loss()[1], null);
    assertThat(viaNull.objective()).isEqualTo(cold.objective());
    assertThat(viaNull.law()).isEqualTo(cold.law());
    assertThatThrownBy(() -> fitter.withWarmKeep(-1)).hasMessageContaining("-1");
  }
}
