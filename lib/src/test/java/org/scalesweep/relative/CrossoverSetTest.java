package org.scalesweep.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.scalesweep.sim.KeyedRandom;

class CrossoverSetTest {
  @Test
  void unboundedWhenTheSlopesAreEqual() {
    // d = 0 exactly: no crossover anywhere, and the data cannot exclude one far away
    CrossoverSet s = CrossoverSet.fieller(0.01, 0, 1e-4, 0, 1e-6, 0.95);
    assertThat(s.shape()).isNotEqualTo(CrossoverSet.Shape.BOUNDED);
    assertThat(s.contains(1e6)).isTrue();
    assertThat(s.contains(-1e6)).isTrue();
    // a indistinguishable from 0 as well: the whole line
    assertThat(CrossoverSet.fieller(0.001, 0, 1e-4, 0, 1e-6, 0.95).shape()).isEqualTo(CrossoverSet.Shape.UNBOUNDED);
  }

  @Test
  void raysWhenTheInterceptsDifferButTheSlopesDoNot() {
    // a = 0.1 ± 0.01 is clearly not 0, d = 0.001 ± 0.001 is not significant: x near 0 is excluded
    CrossoverSet s = CrossoverSet.fieller(0.1, 0.001, 1e-4, 0, 1e-6, 0.95);
    assertThat(s.shape()).isEqualTo(CrossoverSet.Shape.RAYS);
    assertThat(s.contains(0)).isFalse();
    assertThat(s.contains(100)).isTrue();
  }

  @Test
  void boundedAroundTheRatioWhenTheSlopesDiffer() {
    double a = 0.5;
    double d = 0.05;
    CrossoverSet s = CrossoverSet.fieller(a, d, 1e-4, 0, 1e-6, 0.95);
    assertThat(s.shape()).isEqualTo(CrossoverSet.Shape.BOUNDED);
    assertThat(s.contains(a / d)).isTrue();
    // with d known exactly the set is a/d ± z·sd(a)/d
    CrossoverSet exact = CrossoverSet.fieller(a, d, 1e-4, 0, 0, 0.95);
    assertThat(exact.low()).isCloseTo(10 - 1.959964 * 0.01 / 0.05, within(1e-5));
    assertThat(exact.high()).isCloseTo(10 + 1.959964 * 0.01 / 0.05, within(1e-5));
  }

  @Test
  void fromDrawsCoversTheTrueCrossoverAtAboutTheLevel() {
    // a ~ N(1, 0.1²), d ~ N(0.1, 0.01²) independent: true x = 10; draws from the same law as the estimate
    UniformRandomProvider rng = KeyedRandom.stream(42);
    int covered = 0;
    int reps = 400;
    for (int r = 0; r < reps; r++) {
      double a = 1 + 0.1 * gauss(rng);
      double d = 0.1 + 0.01 * gauss(rng);
      double[] da = new double[300];
      double[] dd = new double[300];
      for (int i = 0; i < 300; i++) {
        da[i] = a + 0.1 * gauss(rng);
        dd[i] = d + 0.01 * gauss(rng);
      }
      covered += CrossoverSet.fieller(a, d, da, dd, 0.95).contains(10) ? 1 : 0;
    }
    // 95% of 400: binomial sd 4.4 replicates; ±4 sd plus the variance estimate's noise
    assertThat(covered).isBetween(362, 397);
  }

  private static double gauss(UniformRandomProvider rng) {
    return org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng).sample();
  }
}
