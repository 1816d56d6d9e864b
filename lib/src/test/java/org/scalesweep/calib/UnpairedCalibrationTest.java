package org.scalesweep.calib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

class UnpairedCalibrationTest {
  static final CorpusTruth TRUTH = new CorpusTruth("dclm", List.of(
      new Subgroup("overall", new SubgroupTruth.Absolute(new JointLaw(1.8, 406, 0.34, 600, 0.34)), 0, null),
      new Subgroup("a", new SubgroupTruth.Relative("overall", 1.10, 0.0, 1e18), 0, null),
      new Subgroup("b", new SubgroupTruth.Relative("overall", 1.25, 0.01, 1e18), 0, null)));

  static UnpairedCalibration calibration() {
    return new UnpairedCalibration(7, TRUTH, List.of("a", "b"), "overall", IsoFlopGrid.suite(), 3,
        new NoiseModel(0.01, 0.005, 0, 0), ClusterBy.ARCHITECTURE, 0.01, true, 0.95, 0.05);
  }

  @Test
  void differentGridHasOtherConfigurationsAndOneBudgetLess() {
    UnpairedCalibration cal = calibration();
    var other = cal.grid(UnpairedCalibration.Grids.DIFFERENT);
    assertThat(other.stream().map(c -> c.budget()).distinct().count()).isEqualTo(6);
    assertThat(other.size()).isLessThan(IsoFlopGrid.suite().size() * 6 / 7);
    assertThat(IsoFlopGrid.suite()).containsAll(other);
    // equal grids and truths: the noiseless Δβ is exactly 0 and the effect
    assertThat(cal.trueDeltaBeta(UnpairedCalibration.Truth.NULL, UnpairedCalibration.Grids.EQUAL, 0)).isZero();
    assertThat(cal.trueDeltaBeta(UnpairedCalibration.Truth.EFFECT, UnpairedCalibration.Grids.EQUAL, 1))
        .isCloseTo(0.01, within(1e-12));
  }

  @Test
  void replicatesAreKeyedNotOrdered() {
    UnpairedCalibration cal = calibration();
    var first = cal.replicate(UnpairedCalibration.Truth.NULL, UnpairedCalibration.Grids.DIFFERENT, 5);
    cal.replicate(UnpairedCalibration.Truth.EFFECT, UnpairedCalibration.Grids.EQUAL, 2);
    var again = calibration().replicate(UnpairedCalibration.Truth.NULL, UnpairedCalibration.Grids.DIFFERENT, 5);
    assertThat(again).isEqualTo(first);
  }

  /**
   * Size at R = 200 replicate pairs per grid setting: the pooled false-positive rate of the nominal 5%
   * test must lie within 3 Monte Carlo standard errors of 0.05 (binomial, 2 correlated contrasts per
   * replicate counted as one: sqrt(0.05·0.95/200) = 0.0154, so [0.004, 0.096]); power at Δβ = 0.01
   * must exceed one half on equal grids.
   */
  @Test
  void nullSizeIsNominalOnEqualAndDifferentGrids() {
    UnpairedCalibration cal = calibration();
    List<UnpairedCalibration.Summary> table = cal.summarize(cal.run(200));
    double tol = 3 * Math.sqrt(0.05 * 0.95 / 200);
    for (UnpairedCalibration.Summary s : table) {
      if (s.subgroup().equals("all") && s.truth() == UnpairedCalibration.Truth.NULL) {
        assertThat(s.rejection().rate()).as(s.grids().key()).isCloseTo(0.05, within(tol));
        assertThat(s.notEstimable()).isZero();
      }
      if (s.subgroup().equals("all") && s.truth() == UnpairedCalibration.Truth.EFFECT
          && s.grids() == UnpairedCalibration.Grids.EQUAL) {
        assertThat(s.rejection().rate()).isGreaterThan(0.5);
        assertThat(s.coverage().rate()).isCloseTo(0.95, within(tol));
      }
    }
  }
}
