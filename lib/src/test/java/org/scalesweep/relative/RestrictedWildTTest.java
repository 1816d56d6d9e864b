package org.scalesweep.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.SignTest;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.sim.NoiseModel;

class RestrictedWildTTest {
  private static final NoiseModel NOISE = new NoiseModel(0.01, 0.004, 0, 0);

  @Test
  void nullIsImposedExactly() {
    // zero residual weights: every resample is the restricted fit itself, whose Δβ must be 0 for
    // both contrasts (one planted at 0.02), and the budget log-ratios constant
    CorpusRuns runs = RelativeScalingTest.simulate(3, NOISE, RelativeScalingTest.LARGE);
    RelativeScaling stat = new RelativeScaling(runs, RelativeScalingTest.CONTRASTS);
    RestrictedWildT t = new RestrictedWildT(stat, new WildResiduals(runs), new Resampler(1, WeightKind.POISSON),
        7);
    double[] est = new double[stat.statistics()];
    stat.evaluateInto(null, null, est);
    assertThat(est[4]).isCloseTo(RelativeScalingTest.LARGE, within(0.01)); // the planted contrast is estimated
    // restricted data with zero residual weights
    WildResiduals wild = new WildResiduals(runs);
    double[][] base = new double[runs.subgroups().size()][runs.runs()];
    wild.resample(new double[runs.runs()], base);
    double[] out = new double[stat.statistics()];
    stat.evaluateInto(null, base, out);
    // the parabola fits reproduce the estimate exactly: Δβ(ŷ) = Δβ̂
    assertThat(out[0]).isCloseTo(est[0], within(1e-12));
    assertThat(out[4]).isCloseTo(est[4], within(1e-12));
    assertThat(RestrictedWildT.passes(RelativeScalingTest.CONTRASTS)).hasSize(1);
    for (double se : t.standardErrors()) {
      assertThat(se).isPositive();
    }
  }

  @Test
  void restrictedResamplesAreCentredOnZeroAndKeyed() {
    CorpusRuns runs = RelativeScalingTest.simulate(4, NOISE, RelativeScalingTest.LARGE);
    RelativeScaling stat = new RelativeScaling(runs, RelativeScalingTest.CONTRASTS);
    RelativeBootstrap boot = new RelativeBootstrap(stat, ResampleScheme.WILD_T, new Resampler(9, WeightKind.POISSON),
        List.of(), null);
    int b = 400;
    double[][] v = new double[b][boot.statistics()];
    boot.evaluate(0, b, v);
    // raw restricted Δβ* = β_b* − β_t* of the planted contrast: mean 0 within its Monte Carlo error
    double mean = 0;
    double ss = 0;
    for (double[] row : v) {
      mean += (row[6] - row[7]) / b;
    }
    for (double[] row : v) {
      ss += Math.pow(row[6] - row[7] - mean, 2);
    }
    double sd = Math.sqrt(ss / (b - 1));
    assertThat(Math.abs(mean)).isLessThan(4 * sd / Math.sqrt(b));
    // the planted 0.02 is far outside the null's spread: the bootstrap-t p-value is tiny
    double[] pseudo = new double[b];
    for (int j = 0; j < b; j++) {
      pseudo[j] = v[j][4];
    }
    assertThat(SignTest.pValue(pseudo)).isLessThan(0.01);
    // keyed: a block evaluated alone gives the same values
    double[][] again = new double[10][boot.statistics()];
    boot.evaluate(100, 10, again);
    assertThat(again[3]).containsExactly(v[103]);
  }
}
