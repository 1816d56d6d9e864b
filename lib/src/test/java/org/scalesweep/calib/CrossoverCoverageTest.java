package org.scalesweep.calib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.relative.CrossoverSet;
import org.scalesweep.relative.RelativeScaling;
import org.scalesweep.relative.SimulatedSweep;

/**
 * Coverage of the budget-level Fieller crossover sets (schemes budget-wls and budget-t) on the
 * 7-budget run-level study: "faster" (γ 1.25·1.05, Δβ −0.02) and "parallel" (γ 1.15·1.05, Δβ 0)
 * against "base" cross where 1.25·(F/1e18)^−0.02 = 1.15, log10 F× = 18 + log10(1.15/1.25)/−0.02 =
 * 19.81, inside the 1e18–1e21 ladder. Under the null truth both slopes are equal and the set must be
 * bounded (the slopes "differ significantly") in only about 5% of sweeps.
 */
class CrossoverCoverageTest {
  private static final double TRUE_LOG10_CROSSOVER = 18 + Math.log10(1.15 / 1.25) / -0.02;

  /** [covered or bounded, total] over replicates [0, n) of a truth. */
  private static int[] count(SweepCalibration.Truth truth, boolean weighted, int n) {
    SweepCalibration cal = SmallStudy.runLevel(true, List.of(ResampleScheme.BUDGET_WLS), 1);
    int hits = 0;
    for (int r = 0; r < n; r++) {
      SimulatedSweep s = cal.simulate(truth, r).get(0);
      RelativeScaling stat = new RelativeScaling(s.runs(), SmallStudy.CONTRASTS);
      stat.evaluateInto(null, null, new double[stat.statistics()]);
      CrossoverSet set = stat.budgetCrossoverSet(0, 1, weighted, 0.95);
      hits += truth == SweepCalibration.Truth.NULL ? (set.shape() == CrossoverSet.Shape.BOUNDED ? 1 : 0)
          : (set.contains(TRUE_LOG10_CROSSOVER) ? 1 : 0);
    }
    return new int[] {hits, n};
  }

  @Test
  void weightedSetsCoverTheTrueCrossoverAndAreUnboundedWhenTheSlopesAreEqual() {
    check(200, 0.999);
  }

  @Test
  @Tag("slow")
  void weightedSetsCoverNominallyOverEightHundredSweeps() {
    check(800, 0.99);
  }

  private static void check(int n, double confidence) {
    int[] covered = count(SweepCalibration.Truth.STUDY, true, n);
    int[] bounded = count(SweepCalibration.Truth.NULL, true, n);
    System.out.printf("budget-wls crossover sets: coverage %d/%d, bounded under equal slopes %d/%d%n", covered[0],
        covered[1], bounded[0], bounded[1]);
    // exact binomial intervals at the given confidence must hold 95% coverage and a 5% bounded rate
    assertThat(BinomialInterval.clopperPearson(covered[0], covered[1], confidence).contains(0.95)).isTrue();
    assertThat(BinomialInterval.clopperPearson(bounded[0], bounded[1], confidence).contains(0.05)).isTrue();
  }
}
