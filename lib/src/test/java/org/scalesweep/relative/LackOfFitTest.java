package org.scalesweep.relative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;
import org.scalesweep.sim.StructuredNoise;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/**
 * The lack-of-fit test holds its level under the relative law with independent run noise, and
 * detects budget × subgroup shocks and a treatment with its own joint law.
 */
class LackOfFitTest {
  private static final JointLaw OVERALL = new JointLaw(1.8, 406, 0.34, 600, 0.34);
  private static final List<ModelConfig> SUITE = IsoFlopGrid.suite();
  private static final Contrast CONTRAST = new Contrast("base", "treat");

  private static CorpusTruth truth(SubgroupTruth treatment) {
    return new CorpusTruth("dclm", List.of(
        new Subgroup("overall", new SubgroupTruth.Absolute(OVERALL), 0, null),
        new Subgroup("base", new SubgroupTruth.Relative("overall", 1.05, 0, 1e18), 0, null),
        new Subgroup("treat", treatment, 0, null)));
  }

  private static double rejectionRate(CorpusTruth t, StructuredNoise s, int replicates) {
    int rejected = 0;
    for (int r = 0; r < replicates; r++) {
      Simulator sim = new Simulator(1000 + r, new NoiseModel(0.01, 0.004, 0, 0));
      CorpusRuns runs = SimulatedCorpus.sweep(sim, s, t, SUITE, 2, ClusterBy.ARCHITECTURE, "overall", false).runs();
      LackOfFit lof = LackOfFit.of(runs, CONTRAST);
      assertThat(lof.budgetDf()).as("J - 2 of %s", lof).isBetween(3, 5);
      rejected += lof.rejects(0.05) ? 1 : 0;
    }
    return (double) rejected / replicates;
  }

  @Test
  void holdsItsLevelUnderTheRelativeLaw() {
    int n = 400;
    double rate = rejectionRate(truth(new SubgroupTruth.Relative("overall", 1.2, -0.01, 1e18)), StructuredNoise.NONE,
        n);
    // exact F test under independent Gaussian run noise: binomial(400, 0.05), 3 SD ≈ 0.033
    assertThat(Math.abs(rate - 0.05)).isLessThan(3 * Math.sqrt(0.05 * 0.95 / n));
  }

  @Test
  void detectsBudgetBySubgroupShocks() {
    // shocks of 0.01 per budget and subgroup against seed-averaged subgroup noise of 0.004/√2 per run
    double rate = rejectionRate(truth(new SubgroupTruth.Relative("overall", 1.2, -0.01, 1e18)),
        new StructuredNoise(0, 0, 0, 0.01, 0, 1e18, 0, 0, 0), 100);
    assertThat(rate).isGreaterThan(0.9);
  }

  @Test
  void detectsATreatmentWithItsOwnIrreducibleLoss() {
    // a treatment whose floor is 20% above the baseline's: its ratio to the baseline is not a power law in F
    double rate = rejectionRate(truth(new SubgroupTruth.Absolute(new JointLaw(2.3, 406, 0.34, 600, 0.30))),
        StructuredNoise.NONE, 100);
    // measured 0.89 of 100; 0.8 is 3 binomial SDs below
    assertThat(rate).isGreaterThan(0.8);
  }

  @Test
  void isUntestableWithoutNoiseOrWithTooFewBudgets() {
    CorpusTruth t = truth(new SubgroupTruth.Relative("overall", 1.2, -0.01, 1e18));
    assertThat(LackOfFit.of(SimulatedCorpus.noiseless(t, SUITE, ClusterBy.ARCHITECTURE, "overall"), CONTRAST)
        .pValue()).isNaN();
    List<ModelConfig> two = SUITE.stream().filter(c -> c.budget() <= 3e18).toList();
    CorpusRuns runs = SimulatedCorpus.runs(new Simulator(1, new NoiseModel(0.01, 0.004, 0, 0)), t, two, 2,
        ClusterBy.ARCHITECTURE, "overall");
    assertThat(LackOfFit.of(runs, CONTRAST).rejects(0.05)).isFalse();
    assertThat(LackOfFit.of(runs, CONTRAST).pValue()).isNaN();
  }
}
