package org.scalesweep.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.BlockedGemmAccess;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

class RelativeScalingTest {
  /** Overall loss (nats) whose compute-optimal points fall inside every budget's sampled range (a = 0.5). */
  static final JointLaw OVERALL = new JointLaw(1.8, 406, 0.34, 600, 0.34);
  static final List<ModelConfig> SUITE = IsoFlopGrid.suite();
  static final double LARGE = 0.02;

  /** overall (frontier), base (Δβ 0 vs overall), null (Δβ 0), large (Δβ +0.02 vs base). */
  static CorpusTruth truth(double largeEffect) {
    return new CorpusTruth("dclm", List.of(
        new Subgroup("overall", new SubgroupTruth.Absolute(OVERALL), 0, null),
        new Subgroup("base", new SubgroupTruth.Relative("overall", 1.10, 0.0, 1e18), 0, null),
        new Subgroup("null", new SubgroupTruth.Relative("overall", 1.25, 0.0, 1e18), 0, null),
        new Subgroup("large", new SubgroupTruth.Relative("overall", 1.30, largeEffect, 1e18), 0, null)));
  }

  static final List<Contrast> CONTRASTS = List.of(new Contrast("base", "null"), new Contrast("base", "large"));

  static CorpusRuns simulate(long seed, NoiseModel noise, double largeEffect) {
    return SimulatedCorpus.runs(new Simulator(seed, noise), truth(largeEffect), SUITE, 3, ClusterBy.ARCHITECTURE,
        "overall");
  }

  @Test
  void noiselessDeltaBetaIsRecoveredExactly() {
    RelativeScaling stat = new RelativeScaling(simulate(1, NoiseModel.NONE, LARGE), CONTRASTS);
    List<ContrastEstimate> est = stat.estimate();
    assertThat(est.get(0).deltaBeta()).isCloseTo(0, within(1e-12));
    assertThat(est.get(1).deltaBeta()).isCloseTo(LARGE, within(1e-12));
    assertThat(est.get(1).gamma()).isCloseTo(1.30 / 1.10 * Math.pow(1e18, -LARGE), within(1e-9));
    Frontier f = stat.frontier();
    assertThat(f.usableBudgets()).isEqualTo(7);
    // D* rises with compute along the frontier
    for (int j = 1; j < 7; j++) {
      assertThat(f.log10Tokens()[j]).isGreaterThan(f.log10Tokens()[j - 1]);
    }
  }

  @Test
  void largeEffectIsSignificantAndItsIntervalCoversTheTruth() {
    CorpusRuns runs = simulate(7, new NoiseModel(0.01, 0.005, 0, 0), LARGE);
    BootstrapSummary[] s = summarize(runs, 2026, 1000);
    System.out.printf("large: dbeta %.5f [%.5f, %.5f] p=%.4f; null: dbeta %.5f [%.5f, %.5f] p=%.4f%n",
        s[1].estimate(), s[1].percentile().low(), s[1].percentile().high(), s[1].pValue(), s[0].estimate(),
        s[0].percentile().low(), s[0].percentile().high(), s[0].pValue());
    assertThat(s[1].pValue()).isLessThan(0.05);
    assertThat(s[1].percentile().contains(LARGE)).isTrue();
    assertThat(s[0].percentile().contains(0)).isTrue();
  }

  @Test
  void nullContrastsAreRarelySignificant() {
    int reps = 200;
    int significant = 0;
    for (int r = 0; r < reps; r++) {
      CorpusRuns runs = simulate(100 + r, new NoiseModel(0.01, 0.005, 0, 0), 0.0);
      BootstrapSummary[] s = summarize(runs, 9000 + r, 200);
      if (s[0].pValue() < 0.05) {
        significant++;
      }
    }
    System.out.printf("null false-positive rate %d/%d%n", significant, reps);
    // Binomial(200, 0.05): mean 10, sd 3.1; [1, 21] holds with probability > 0.999 at the nominal rate
    assertThat(significant).isBetween(1, 21);
  }

  @Test
  void itemSchemeResamplesItemLevelSubgroups() {
    CorpusRuns runs = simulate(3, new NoiseModel(0.01, 0, 0, 0), LARGE);
    int items = 50;
    double[] m = new double[runs.runs() * items];
    double[] base = runs.loss()[runs.subgroupIndex("large")];
    for (int r = 0; r < runs.runs(); r++) {
      for (int i = 0; i < items; i++) {
        m[r * items + i] = base[r] * Math.exp(0.3 * Math.sin(i * 1.7 + r));
      }
    }
    RelativeBootstrap boot = new RelativeBootstrap(new RelativeScaling(runs, CONTRASTS), ResampleScheme.ITEMS,
        new Resampler(5, WeightKind.POISSON), List.of(new ItemLosses("large", items, m)), BlockedGemmAccess.blocked());
    double[][] out = new double[10][boot.statistics()];
    boot.evaluate(0, 10, out);
    // the null contrast does not involve item-level subgroups: every resample equals the estimate
    double est = boot.estimate()[0];
    for (double[] row : out) {
      assertThat(row[0]).isEqualTo(est);
    }
    // the item-level contrast moves between resamples
    assertThat(out[0][4]).isNotEqualTo(out[1][4]);
    // block boundaries do not matter
    double[][] split = new double[10][boot.statistics()];
    boot.evaluate(0, 4, split);
    double[][] rest = new double[6][boot.statistics()];
    boot.evaluate(4, 6, rest);
    System.arraycopy(rest, 0, split, 4, 6);
    assertThat(split).isDeepEqualTo(out);
  }

  static BootstrapSummary[] summarize(CorpusRuns runs, long seed, int resamples) {
    RelativeBootstrap boot = new RelativeBootstrap(new RelativeScaling(runs, CONTRASTS), ResampleScheme.CLUSTER,
        new Resampler(seed, WeightKind.POISSON), List.of(), BlockedGemmAccess.blocked());
    double[][] rows = new double[resamples][boot.statistics()];
    boot.evaluate(0, resamples, rows);
    double[] est = boot.estimate();
    BootstrapSummary[] out = new BootstrapSummary[CONTRASTS.size()];
    for (int k = 0; k < out.length; k++) {
      double[] col = new double[resamples];
      for (int b = 0; b < resamples; b++) {
        col[b] = rows[b][k * RelativeScaling.PER_CONTRAST];
      }
      out[k] = BootstrapSummary.of(est[k * RelativeScaling.PER_CONTRAST], col, null, 0.95);
    }
    return out;
  }
}
