package org.scalesweep.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;
import org.scalesweep.sim.StructuredNoise;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/**
 * Each structured-noise component, alone, is recovered from the residuals ln(observed / truth) of
 * simulated sweeps within tolerances set by the sampling variance of its estimator; with every
 * component off the sweep is bit-identical to the plain simulator's.
 */
class StructuredNoiseTest {
  private static final JointLaw OVERALL = new JointLaw(1.8, 406, 0.34, 600, 0.34);
  private static final List<ModelConfig> SUITE = IsoFlopGrid.suite();

  private static CorpusTruth truth(String corpus, int items) {
    return new CorpusTruth(corpus, List.of(
        new Subgroup("overall", new SubgroupTruth.Absolute(OVERALL), 0, null),
        new Subgroup("base", new SubgroupTruth.Relative("overall", 1.05, 0, 1e18), items, null),
        new Subgroup("treat", new SubgroupTruth.Relative("overall", 1.2, -0.01, 1e18), items, null)));
  }

  private static StructuredNoise only(double arch, double archSub, double budget, double budgetSub, double kappa,
      double mistunedFraction, double inflation, double missing) {
    return new StructuredNoise(arch, archSub, budget, budgetSub, kappa, 1e18, mistunedFraction, inflation, missing);
  }

  /** ln(observed/truth) of subgroup g at every run of a noise-free-otherwise sweep, [run]. */
  private static double[] residuals(CorpusRuns runs, CorpusTruth truth, List<ModelConfig> configs, int g) {
    Map<Long, ModelConfig> byKey = new HashMap<>();
    for (ModelConfig c : configs) {
      byKey.put(Keys.of(0, Keys.value(c.budget()), (long) c.params()), c);
    }
    double[] out = new double[runs.runs()];
    for (int r = 0; r < runs.runs(); r++) {
      ModelConfig c = byKey.get(Keys.of(0, Keys.value(runs.budget()[r]), (long) runs.params()[r]));
      out[r] = Math.log(runs.loss()[g][r] / truth.loss(g, c.params(), c.tokens(), c.budget()));
    }
    return out;
  }

  private static double variance(List<Double> v) {
    double m = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    return v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (v.size() - 1);
  }

  /** 3 standard deviations of a sample variance of k normal draws of variance s2: 3·s2·√(2/(k−1)). */
  private static double tolerance(double s2, int k) {
    return 3 * s2 * Math.sqrt(2.0 / (k - 1));
  }

  @Test
  void withEveryComponentOffTheSweepIsBitIdenticalToThePlainSimulators() {
    Simulator sim = new Simulator(11, new NoiseModel(0.01, 0.004, 0.05, 0.5));
    CorpusTruth t = truth("dclm", 20);
    SimulatedSweep plain = SimulatedCorpus.sweep(sim, t, SUITE, 3, ClusterBy.ARCHITECTURE, "overall", true);
    SimulatedSweep off = SimulatedCorpus.sweep(sim, StructuredNoise.NONE, t, SUITE, 3, ClusterBy.ARCHITECTURE,
        "overall", true);
    SimulatedSweep zeroKappaOtherRef = SimulatedCorpus.sweep(sim, new StructuredNoise(0, 0, 0, 0, 0, 3e19, 0.5, 0, 0), t,
        SUITE, 3, ClusterBy.ARCHITECTURE, "overall", true);
    for (SimulatedSweep s : List.of(off, zeroKappaOtherRef)) {
      assertThat(s.runs().loss()).isDeepEqualTo(plain.runs().loss());
      assertThat(s.items().get(0).matrix()).isEqualTo(plain.items().get(0).matrix());
    }
    // captured from the simulator before structured noise existed (sum of the IEEE bits of every value)
    assertThat(bits(plain)).isEqualTo(GOLDEN_BITS);
  }

  /** Sum of the bit patterns of every run loss and item value of a sweep: any change of any draw changes it. */
  static long bits(SimulatedSweep s) {
    long h = 0;
    for (double[] row : s.runs().loss()) {
      for (double v : row) {
        h = h * 31 + Double.doubleToLongBits(v);
      }
    }
    for (ItemLosses i : s.items()) {
      for (double v : i.matrix()) {
        h = h * 31 + Double.doubleToLongBits(v);
      }
    }
    return h;
  }

  static final long GOLDEN_BITS = 5485154723220059295L;

  @Test
  void subgroupsWithFewerItemsAfterMoreItemsAreSimulatedLikeTheSimulatorObservesThem() {
    Simulator sim = new Simulator(4, new NoiseModel(0.01, 0.004, 0.05, 0.5));
    CorpusTruth t = new CorpusTruth("dclm", List.of(
        new Subgroup("overall", new SubgroupTruth.Absolute(OVERALL), 0, null),
        new Subgroup("base", new SubgroupTruth.Relative("overall", 1.05, 0, 1e18), 30, null),
        new Subgroup("treat", new SubgroupTruth.Relative("overall", 1.2, -0.01, 1e18), 20, null)));
    List<ModelConfig> one = SUITE.subList(0, 1);
    CorpusRuns runs = SimulatedCorpus.runs(sim, t, one, 1, ClusterBy.ARCHITECTURE, "overall");
    ModelConfig c = one.get(0);
    double l = t.loss(2, c.params(), c.tokens(), c.budget());
    assertThat(runs.loss()[2][0]).isCloseTo(sim.observe(t.subgroups().get(2), l, Keys.name("dclm"), c.runKey(), 0)
        .loss(), org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void architectureEffectIsRecoveredFromRunResiduals() {
    double sigma = 0.02;
    List<Double> effects = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      CorpusTruth t = truth("corpus" + k, 0);
      CorpusRuns runs = SimulatedCorpus.sweep(new Simulator(5, NoiseModel.NONE), only(sigma, 0, 0, 0, 0, 0, 0, 0), t,
          SUITE, 1, ClusterBy.ARCHITECTURE, "overall", false).runs();
      double[] res = residuals(runs, t, SUITE, 1);
      Map<Long, Double> perArch = new HashMap<>();
      for (int r = 0; r < runs.runs(); r++) {
        Double prev = perArch.put(runs.cluster()[r], res[r]);
        // shared by every run and subgroup of the architecture
        assertThat(prev == null || Math.abs(prev - res[r]) < 1e-12).isTrue();
        assertThat(residuals(runs, t, SUITE, 2)[r]).isCloseTo(res[r], org.assertj.core.api.Assertions.within(1e-12));
      }
      effects.addAll(perArch.values());
    }
    assertThat(Math.abs(variance(effects) - sigma * sigma)).isLessThan(tolerance(sigma * sigma, effects.size()));
  }

  @Test
  void architectureBySubgroupEffectIsRecoveredFromLogRatios() {
    double sigma = 0.01;
    List<Double> ratios = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      CorpusTruth t = truth("corpus" + k, 0);
      CorpusRuns runs = SimulatedCorpus.sweep(new Simulator(5, NoiseModel.NONE), only(0, sigma, 0, 0, 0, 0, 0, 0), t,
          SUITE, 1, ClusterBy.ARCHITECTURE, "overall", false).runs();
      double[] base = residuals(runs, t, SUITE, 1);
      double[] treat = residuals(runs, t, SUITE, 2);
      Map<Long, Double> perArch = new HashMap<>();
      for (int r = 0; r < runs.runs(); r++) {
        perArch.put(runs.cluster()[r], treat[r] - base[r]);
      }
      ratios.addAll(perArch.values());
    }
    // the difference of two independent effects: variance 2σ²
    double s2 = 2 * sigma * sigma;
    assertThat(Math.abs(variance(ratios) - s2)).isLessThan(tolerance(s2, ratios.size()));
  }

  @Test
  void budgetShocksAreRecoveredPerBudgetAndBudgetBySubgroupShocksDoNotCancel() {
    double shared = 0.02;
    double own = 0.01;
    List<Double> sharedDraws = new ArrayList<>();
    List<Double> ownDraws = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      CorpusTruth t = truth("corpus" + k, 0);
      CorpusRuns runs = SimulatedCorpus.sweep(new Simulator(9, NoiseModel.NONE), only(0, 0, shared, own, 0, 0, 0, 0),
          t, SUITE, 1, ClusterBy.ARCHITECTURE, "overall", false).runs();
      double[] overall = residuals(runs, t, SUITE, 0);
      double[] base = residuals(runs, t, SUITE, 1);
      Map<Double, Double> perBudget = new HashMap<>();
      Map<Double, Double> perBudgetOwn = new HashMap<>();
      for (int r = 0; r < runs.runs(); r++) {
        perBudget.put(runs.budget()[r], overall[r]);
        perBudgetOwn.put(runs.budget()[r], base[r] - overall[r]);
      }
      sharedDraws.addAll(perBudget.values());
      ownDraws.addAll(perBudgetOwn.values());
    }
    // overall carries c_j + d_j,overall: variance σ_b² + σ_bg²; base − overall: 2σ_bg²
    double s2 = shared * shared + own * own;
    assertThat(Math.abs(variance(sharedDraws) - s2)).isLessThan(tolerance(s2, sharedDraws.size()));
    double d2 = 2 * own * own;
    assertThat(Math.abs(variance(ownDraws) - d2)).isLessThan(tolerance(d2, ownDraws.size()));
  }

  @Test
  void heteroscedasticSeedNoiseExponentIsRecoveredFromPerBudgetSpreads() {
    double kappa = -0.25;
    double sigma = 0.02;
    Simulator sim = new Simulator(13, NoiseModel.runOnly(sigma));
    StructuredNoise s = only(0, 0, 0, 0, kappa, 0, 0, 0);
    long corpus = Keys.name("dclm");
    long sub = Keys.name("overall");
    List<Double> budgets = IsoFlopGrid.SUITE_BUDGETS;
    double[] x = new double[budgets.size()];
    double[] y = new double[budgets.size()];
    int reps = 40;
    int perBudget = 0;
    for (int j = 0; j < budgets.size(); j++) {
      List<Double> logs = new ArrayList<>();
      for (ModelConfig c : SUITE) {
        if (c.budget() != budgets.get(j)) {
          continue;
        }
        for (int rep = 0; rep < reps; rep++) {
          double l = s.factor(sim, corpus, sub, c.runKey(), c.architectureKey(), c.budget(), rep);
          logs.add(Math.log(sim.runLoss(l, corpus, sub, c.runKey(), rep)));
        }
      }
      perBudget = Math.max(perBudget, logs.size());
      x[j] = Math.log(budgets.get(j) / 1e18);
      y[j] = 0.5 * Math.log(variance(logs));
      // at C_ref the spread is σ itself
      if (j == 0) {
        assertThat(Math.abs(Math.sqrt(variance(logs)) - sigma)).isLessThan(3 * sigma / Math.sqrt(2 * (logs.size() - 1)));
      }
    }
    double mx = java.util.Arrays.stream(x).average().orElseThrow();
    double my = java.util.Arrays.stream(y).average().orElseThrow();
    double sxx = 0;
    double sxy = 0;
    for (int j = 0; j < x.length; j++) {
      sxx += (x[j] - mx) * (x[j] - mx);
      sxy += (x[j] - mx) * (y[j] - my);
    }
    // ln of a sample SD of n draws has SD ≈ 1/√(2(n−1)); the slope's SD is that over √Sxx (n ≥ 12·40 per budget)
    double slopeSd = 1 / Math.sqrt(2.0 * (12 * reps - 1)) / Math.sqrt(sxx);
    assertThat(Math.abs(sxy / sxx - kappa)).isLessThan(4 * slopeSd);
  }

  @Test
  void mistunedFractionAndInflationAreRecovered() {
    double fraction = 0.1;
    double inflation = 0.03;
    int mistuned = 0;
    int total = 0;
    for (int k = 0; k < 20; k++) {
      CorpusTruth t = truth("corpus" + k, 0);
      CorpusRuns runs = SimulatedCorpus.sweep(new Simulator(3, NoiseModel.NONE),
          only(0, 0, 0, 0, 0, fraction, inflation, 0), t, SUITE, 2, ClusterBy.ARCHITECTURE, "overall", false).runs();
      for (double r : residuals(runs, t, SUITE, 2)) {
        // a mis-tuned configuration is inflated by exactly 1 + inflation (all seeds, all subgroups)
        assertThat(Math.abs(r) < 1e-12 || Math.abs(r - Math.log1p(inflation)) < 1e-12).isTrue();
        mistuned += r > 0 ? 1 : 0;
        total++;
      }
    }
    double rate = (double) mistuned / total;
    assertThat(Math.abs(rate - fraction)).isLessThan(3 * Math.sqrt(fraction * (1 - fraction) / total));
  }

  @Test
  void missingRunsAreLeftOutAtTheConfiguredRateAndOtherDrawsAreUnchanged() {
    double missing = 0.2;
    Simulator sim = new Simulator(17, new NoiseModel(0.01, 0.004, 0, 0));
    int kept = 0;
    int total = 0;
    for (int k = 0; k < 10; k++) {
      CorpusTruth t = truth("corpus" + k, 0);
      CorpusRuns plain = SimulatedCorpus.runs(sim, t, SUITE, 1, ClusterBy.ARCHITECTURE, "overall");
      CorpusRuns runs = SimulatedCorpus.sweep(sim, only(0, 0, 0, 0, 0, 0, 0, missing), t, SUITE, 1,
          ClusterBy.ARCHITECTURE, "overall", false).runs();
      kept += runs.runs();
      total += plain.runs();
      // the surviving runs keep their values: turning missing runs on changes no other draw
      int r = 0;
      for (int p = 0; p < plain.runs() && r < runs.runs(); p++) {
        if (plain.budget()[p] == runs.budget()[r] && plain.params()[p] == runs.params()[r]) {
          assertThat(runs.loss()[2][r]).isEqualTo(plain.loss()[2][p]);
          r++;
        }
      }
      assertThat(r).isEqualTo(runs.runs());
    }
    double rate = 1 - (double) kept / total;
    assertThat(Math.abs(rate - missing)).isLessThan(3 * Math.sqrt(missing * (1 - missing) / total));
  }

  @Test
  void valuesDoNotDependOnTheOrderOfConfigurations() {
    Simulator sim = new Simulator(21, new NoiseModel(0.01, 0.004, 0, 0));
    StructuredNoise all = new StructuredNoise(0.01, 0.005, 0.01, 0.005, -0.1, 1e18, 0.1, 0.02, 0.1);
    CorpusTruth t = truth("dclm", 0);
    List<ModelConfig> reversed = new ArrayList<>(SUITE);
    java.util.Collections.reverse(reversed);
    CorpusRuns a = SimulatedCorpus.sweep(sim, all, t, SUITE, 2, ClusterBy.ARCHITECTURE, "overall", false).runs();
    CorpusRuns b = SimulatedCorpus.sweep(sim, all, t, reversed, 2, ClusterBy.ARCHITECTURE, "overall", false).runs();
    assertThat(a.runs()).isEqualTo(b.runs());
    for (int r = 0; r < a.runs(); r++) {
      assertThat(a.loss()[2][r]).isEqualTo(b.loss()[2][a.runs() - 1 - r]);
    }
  }

  @Test
  void outOfRangeValuesAreRejectedNamingKeyValueAndRange() {
    assertThatThrownBy(() -> only(0, 0, 0, 0, 0, 0, 0, 0.95)).hasMessageContaining("noise.missing-fraction = 0.95")
        .hasMessageContaining("[0.0, 0.9]");
    assertThatThrownBy(() -> only(-0.1, 0, 0, 0, 0, 0, 0, 0)).hasMessageContaining("noise.sigma-arch = -0.1");
  }
}
