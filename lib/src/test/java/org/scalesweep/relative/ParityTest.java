package org.scalesweep.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.scalesweep.sim.KeyedRandom;

class ParityTest {
  @Test
  void estimateIsGammaToTheMinusOneOverDeltaBeta() {
    // G(F) = 1.2 F^-0.01 reaches 1 at F = 1.2^(1/0.01): log10 F = log10(1.2)/0.01 = 7.918
    Parity p = Parity.of(1.2, -0.01, new double[] {1.2, 1.21}, new double[] {-0.01, -0.011}, 0.95);
    assertThat(p.log10Flops()).isCloseTo(Math.log10(1.2) / 0.01, within(1e-12));
    assertThat(Math.pow(10, p.log10Flops() * -0.01) * 1.2).isCloseTo(1, within(1e-12));
    // and it is the crossover with a baseline that is its own reference (γ = 1, Δβ = 0)
    assertThat(p.log10Flops()).isCloseTo(Crossovers.log10Crossover(1.2, -0.01, 1, 0), within(1e-12));
  }

  @Test
  void boundedAndResolvedWhenBothGammaAndDeltaBetaAreClearlyNonZero() {
    UniformRandomProvider rng = KeyedRandom.stream(7);
    int n = 1000;
    double[] g = new double[n];
    double[] db = new double[n];
    // log10 γ ~ N(0.19, 0.005²), Δβ ~ N(−0.01, 0.0005²): parity at 19, the ratio's
    // delta-method sd 19·√(0.026² + 0.05²) ≈ 1.07 decades
    for (int i = 0; i < n; i++) {
      g[i] = Math.pow(10, 0.19 + 0.005 * gauss(rng));
      db[i] = -0.01 + 0.0005 * gauss(rng);
    }
    Parity p = Parity.of(Math.pow(10, 0.19), -0.01, g, db, 0.95);
    assertThat(p.set().shape()).isEqualTo(CrossoverSet.Shape.BOUNDED);
    assertThat(p.set().contains(19)).isTrue();
    // width ≈ 2 × 1.96 × 1.07 = 4.2 decades (Fieller's set is a little wider and skewed); the variances
    // estimated from 1000 draws are good to ≈ 4.5%, so ±12% holds the width at ~2.5 sd
    assertThat(p.set().high() - p.set().low()).isBetween(3.7, 4.8);
    assertThat(p.resolvedWithin(15, 23)).isTrue();
    assertThat(p.resolvedWithin(18, 20)).as("a set wider than the range is unresolved").isFalse();
  }

  @Test
  void unresolvedWhenDeltaBetaIsNotDistinguishableFromZero() {
    UniformRandomProvider rng = KeyedRandom.stream(8);
    int n = 1000;
    double[] g = new double[n];
    double[] db = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = Math.pow(10, 0.05 + 0.005 * gauss(rng));
      db[i] = -0.001 + 0.002 * gauss(rng);
    }
    Parity p = Parity.of(Math.pow(10, 0.05), -0.001, g, db, 0.95);
    assertThat(p.set().shape()).isNotEqualTo(CrossoverSet.Shape.BOUNDED);
    assertThat(p.resolvedWithin(-1e9, 1e9)).isFalse();
  }

  private static double gauss(UniformRandomProvider rng) {
    return ZigguratSampler.NormalizedGaussian.of(rng).sample();
  }
}
