package org.scalesweep.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.BlockedGemmAccess;
import org.scalesweep.boot.Interval;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.sim.NoiseModel;

class RelativeCurveBandsTest {
  static final double[] FLOPS = {1e17, 1e18, 1e19, 1e20, 1e22};

  static RelativeBootstrap boot(long seed) {
    CorpusRuns runs = RelativeScalingTest.simulate(seed, new NoiseModel(0.01, 0.005, 0, 0), RelativeScalingTest.LARGE);
    return new RelativeBootstrap(new RelativeScaling(runs, RelativeScalingTest.CONTRASTS), ResampleScheme.CLUSTER,
        new Resampler(seed, WeightKind.POISSON), List.of(), BlockedGemmAccess.blocked());
  }

  @Test
  void bandsHoldTheFittedCurveAndTheTruthInsideTheSampledRange() {
    RelativeBootstrap b = boot(11);
    Interval[][] bands = RelativeCurveBands.of(b, 400, 64, FLOPS, 0.95);
    double[] est = b.estimate();
    ContrastEstimate large = b.statistic().estimate().get(1);
    for (int k = 0; k < FLOPS.length; k++) {
      double fitted = RelativeCurveBands.at(est[5], est[4], FLOPS[k]);
      assertThat(bands[1][k].contains(fitted)).as("fitted G at %s", FLOPS[k]).isTrue();
      assertThat(fitted).isCloseTo(large.law().at(FLOPS[k]), within(1e-9 * fitted));
    }
    // truth of "large" vs "base": (1.30/1.10)·(F/1e18)^0.02, inside the band over the suite's 1e18..1e20
    for (int k = 1; k <= 3; k++) {
      double truth = 1.30 / 1.10 * Math.pow(FLOPS[k] / 1e18, RelativeScalingTest.LARGE);
      assertThat(bands[1][k].contains(truth)).as("truth at %s", FLOPS[k]).isTrue();
    }
  }

  @Test
  void bandsWidenWhenTheCurveIsExtrapolated() {
    Interval[][] bands = RelativeCurveBands.of(boot(12), 300, 64, FLOPS, 0.95);
    for (Interval[] contrast : bands) {
      double inside = contrast[2].width();
      assertThat(contrast[0].width()).isGreaterThan(inside);
      assertThat(contrast[4].width()).isGreaterThan(2 * inside);
    }
  }

  @Test
  void blockSizeDoesNotChangeTheBands() {
    Interval[][] a = RelativeCurveBands.of(boot(13), 130, 64, FLOPS, 0.9);
    Interval[][] b = RelativeCurveBands.of(boot(13), 130, 7, FLOPS, 0.9);
    for (int c = 0; c < a.length; c++) {
      for (int k = 0; k < FLOPS.length; k++) {
        assertThat(b[c][k].low()).isEqualTo(a[c][k].low());
        assertThat(b[c][k].high()).isEqualTo(a[c][k].high());
      }
    }
  }

  @Test
  void curveIsNaNWhenNotEstimable() {
    assertThat(RelativeCurveBands.at(Double.NaN, 0.01, 1e18)).isNaN();
    assertThat(RelativeCurveBands.at(1.2, Double.NaN, 1e18)).isNaN();
    // γ at F = 1 FLOP is tiny for a positive Δβ; the log form keeps G(1e20) exact
    assertThat(RelativeCurveBands.at(1e-40, 0.5, 1e20)).isCloseTo(1e-30, within(1e-42));
  }
}
