package org.scalesweep.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;

class UnpairedScalingTest {
  static final List<ModelConfig> SUITE = RelativeScalingTest.SUITE;

  /** The test truth of {@link RelativeScalingTest} as a sweep named {@code sweep}. */
  static CorpusTruth sweep(String sweep, double largeEffect) {
    return new CorpusTruth(sweep, RelativeScalingTest.truth(largeEffect).subgroups());
  }

  static CorpusRuns noiseless(String sweep, double largeEffect, List<ModelConfig> grid) {
    return SimulatedCorpus.noiseless(sweep(sweep, largeEffect), grid, ClusterBy.ARCHITECTURE, "overall");
  }

  @Test
  void noiselessSweepsOnEqualGridsGiveTheEffectExactly() {
    CorpusRuns a = noiseless("a", 0, SUITE);
    CorpusRuns b = noiseless("b", 0.02, SUITE);
    UnpairedEstimate large = UnpairedScaling.estimate(a, b, "large", true);
    UnpairedEstimate none = UnpairedScaling.estimate(a, b, "null", true);
    assertThat(large.deltaBeta()).isCloseTo(0.02, within(1e-12));
    assertThat(large.commonBudgets()).isEqualTo(7);
    assertThat(large.df()).isEqualTo(5);
    assertThat(large.betaBaseline() - large.betaTreatment()).isCloseTo(0.02, within(1e-12));
    // γ = α_t/α_b: the treatment's 1e18 ratio 1 spread over (F/1e18)^0.02
    assertThat(large.gamma()).isCloseTo(Math.pow(1e18, -0.02), within(1e-9));
    assertThat(none.deltaBeta()).isCloseTo(0, within(1e-12));
    assertThat(large.contrast()).isEqualTo(new UnpairedContrast("large", "a", "b"));
  }

  @Test
  void budgetsOnlyOneSweepTrainedAreCountedAndLeftOut() {
    List<ModelConfig> fewer = SUITE.stream().filter(c -> c.budget() < 5e19).toList(); // 5 of 7 budgets
    UnpairedEstimate e = UnpairedScaling.estimate(noiseless("a", 0, SUITE), noiseless("b", 0.02, fewer), "large",
        true);
    assertThat(e.commonBudgets()).isEqualTo(5);
    assertThat(e.baselineOnly()).isEqualTo(2);
    assertThat(e.treatmentOnly()).isZero();
    assertThat(e.deltaBeta()).isCloseTo(0.02, within(1e-12));
    List<ModelConfig> two = SUITE.stream().filter(c -> c.budget() < 5e18).toList();
    UnpairedEstimate none = UnpairedScaling.estimate(noiseless("a", 0, SUITE), noiseless("b", 0.02, two), "large",
        true);
    assertThat(none.estimable()).isFalse();
    assertThat(none.pValue()).isNaN();
    assertThat(none.commonBudgets()).isEqualTo(2);
  }

  @Test
  void independentNoiseGivesAnIntervalAroundTheEffect() {
    NoiseModel noise = new NoiseModel(0.01, 0.005, 0, 0);
    Simulator sim = new Simulator(11, noise);
    CorpusRuns a = SimulatedCorpus.runs(sim, sweep("a", 0), SUITE, 3, ClusterBy.ARCHITECTURE, "overall");
    CorpusRuns b = SimulatedCorpus.runs(sim, sweep("b", 0.02), SUITE, 3, ClusterBy.ARCHITECTURE, "overall");
    UnpairedEstimate e = UnpairedScaling.estimate(a, b, "large", true);
    assertThat(e.standardError()).isPositive();
    // the effect is many standard errors away from 0, the estimate within 4 of it
    assertThat(Math.abs(e.deltaBeta() - 0.02)).isLessThan(4 * e.standardError());
    assertThat(e.pValue()).isLessThan(1e-3);
    assertThat(e.low(0.95)).isLessThan(e.deltaBeta());
    assertThat(e.high(0.95)).isGreaterThan(e.deltaBeta());
  }

  @Test
  void contrastOfASweepWithItselfOrOfTwoSubgroupsIsRefused() {
    assertThatThrownBy(() -> new UnpairedContrast("x", "a", "a")).hasMessageContaining("with itself");
    CorpusRuns a = noiseless("a", 0, SUITE);
    assertThatThrownBy(() -> UnpairedScaling.estimate(UnpairedScaling.frontier(a, "large"),
        UnpairedScaling.frontier(a, "null"), true)).hasMessageContaining("one subgroup");
  }
}
