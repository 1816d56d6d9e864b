package org.scalesweep.calib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.BlockedGemmAccess;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.sim.NoiseModel;

class PowerStudyTest {
  static PowerStudy study(ResampleScheme scheme, NoiseModel noise, int resamples) {
    return new PowerStudy(11, SmallStudy.truth(0), "overall", "base", SmallStudy.CONFIGS, noise, ClusterBy.ARCHITECTURE,
        scheme, WeightKind.POISSON, resamples, 0.95, 0.05, 64);
  }

  static final NoiseModel RUN_NOISE = new NoiseModel(0.01, 0.004, 0, 0);

  @Test
  void designsPickBudgetsAndConfigurationsEvenlyWithBothEnds() {
    PowerStudy p = study(ResampleScheme.WILD, RUN_NOISE, 10);
    List<ModelConfig> c = p.configs(new PowerDesign(3, 2, 0, 1));
    // budgets 1e18 and 3e19; 3 of 5 widths at 1e18 (first, middle, last), 3 of 15 at 3e19
    assertThat(c).extracting(ModelConfig::budget).containsExactly(1e18, 1e18, 1e18, 3e19, 3e19, 3e19);
    List<ModelConfig> at1e18 = SmallStudy.CONFIGS.stream().filter(x -> x.budget() == 1e18).toList();
    assertThat(c.subList(0, 3)).containsExactly(at1e18.get(0), at1e18.get(2), at1e18.get(4));
    // a budget with fewer configurations keeps all of them
    assertThat(p.configs(new PowerDesign(10, 3, 0, 1))).hasSize(5 + 10 + 10);
    assertThat(p.runs(new PowerDesign(10, 3, 0, 4))).isEqualTo(100);
    assertThatThrownBy(() -> p.configs(new PowerDesign(3, 4, 0, 1))).hasMessageContaining("4 budgets");
    assertThatThrownBy(() -> new PowerDesign(2, 3, 0, 1)).hasMessageContaining(">= 3");
    // three configurations leave the wild scheme no residual to resample
    assertThatThrownBy(() -> p.replicate(new PowerDesign(3, 3, 0, 1), new double[] {0.01}, 0,
        BlockedGemmAccess.blocked())).hasMessageContaining("at least 4 runs");
  }

  @Test
  void effectsShareASimulationExactly() {
    for (ResampleScheme scheme : new ResampleScheme[] {ResampleScheme.WILD, ResampleScheme.CLUSTER}) {
      PowerStudy p = study(scheme, RUN_NOISE, 30);
      PowerDesign d = new PowerDesign(6, 3, 0, 2);
      double[] effects = {-0.01, 0.004, 0.02};
      List<ReplicateOutcome> shared = p.replicate(d, effects, 3, BlockedGemmAccess.blocked());
      for (int e = 0; e < effects.length; e++) {
        double[][] explicit = p.estimateAndDraws(d, effects[e], 3, BlockedGemmAccess.blocked());
        assertThat(shared.get(e).summary().estimate()).isCloseTo(explicit[0][0], within(1e-12));
        assertThat(shared.get(e).truth()).isEqualTo(effects[e]);
      }
    }
    // item-level subgroups under the item scheme: item means scale the same way
    PowerStudy items = new PowerStudy(11, SmallStudy.truth(0), "overall", "base", SmallStudy.CONFIGS,
        new NoiseModel(0.01, 0.003, 0.05, 0.5), ClusterBy.ARCHITECTURE, ResampleScheme.ITEMS, WeightKind.POISSON, 20,
        0.95, 0.05, 8);
    PowerDesign d = new PowerDesign(5, 3, 30, 1);
    double[][] zero = items.estimateAndDraws(d, 0, 1, BlockedGemmAccess.blocked());
    double[][] moved = items.estimateAndDraws(d, 0.015, 1, BlockedGemmAccess.blocked());
    for (int b = 0; b < 20; b++) {
      assertThat(moved[1][b]).isCloseTo(zero[1][b] + 0.015, within(1e-12));
    }
  }

  @Test
  void powerRisesFromNothingToCertainty() {
    PowerStudy p = study(ResampleScheme.WILD, RUN_NOISE, 100);
    BinomialInterval[] pw = p.power(new PowerDesign(15, 3, 0, 2), new double[] {0, 0.004, 0.05}, 40,
        BlockedGemmAccess.blocked());
    System.out.printf("power at 0 / 0.004 / 0.05: %.3f %.3f %.3f%n", pw[0].rate(), pw[1].rate(), pw[2].rate());
    assertThat(pw[0].successes()).isZero(); // no sign is correct when the truth is 0
    assertThat(pw[2].rate()).isEqualTo(1.0); // 0.05 is ~50 standard errors here
    assertThat(pw[1].rate()).isBetween(0.05, 0.95);
  }

  @Test
  void smallestDesignIsTheCheapestThatReachesTheTarget() {
    BinomialInterval hi = BinomialInterval.clopperPearson(90, 100, 0.95);
    BinomialInterval lo = BinomialInterval.clopperPearson(50, 100, 0.95);
    List<PowerPoint> pts = List.of(
        new PowerPoint(new PowerDesign(15, 7, 200, 5), 0.002, 425, hi),
        new PowerPoint(new PowerDesign(5, 7, 200, 1), 0.002, 35, lo),
        new PowerPoint(new PowerDesign(15, 7, 800, 1), 0.002, 85, hi),
        new PowerPoint(new PowerDesign(15, 7, 200, 1), 0.002, 85, hi),
        new PowerPoint(new PowerDesign(3, 3, 0, 1), 0.004, 9, hi));
    assertThat(PowerPoint.smallest(pts, 0.002, 0.8)).get().extracting(PowerPoint::design)
        .isEqualTo(new PowerDesign(15, 7, 200, 1));
    assertThat(PowerPoint.smallest(pts, 0.002, 0.95)).isEmpty();
  }
}
