package org.scalesweep.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalesweep.law.JointLaw;

class JointLawFitterTest {
  private static final JointLaw TRUTH = JointLaw.SEED_000_TRUTH;

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Approach3Method.class)
  void recoversSeed000TruthFromNoiselessSixteenPoints(Approach3Method method) {
    double[] n = Seed000Design.n();
    double[] d = Seed000Design.d();
    double[] l = new double[16];
    for (int i = 0; i < 16; i++) {
      l[i] = TRUTH.at(n[i], d[i]);
    }
    long t0 = System.nanoTime();
    Fit<JointLaw> fit = JointLawFitter.defaults().withMethod(method).fit(n, d, l, null);
    System.out.printf(method + " noiseless fit %s objective %.3e starts %d converged %d in %.2fs%n", fit.law().describe(),
        fit.objective(), fit.starts(), fit.startsConverged(), (System.nanoTime() - t0) / 1e9);
    assertThat(fit.ok()).as(fit.note()).isTrue();
    // the grid runs all 4,500 starts; the profiled search its 25 exponent pairs
    assertThat(fit.starts()).isEqualTo(method == Approach3Method.GRID ? 4500 : 25);
    double[] est = fit.law().parameters();
    double[] truth = TRUTH.parameters();
    for (int i = 0; i < 5; i++) {
      assertThat(est[i] / truth[i] - 1).as(fit.law().parameterNames().get(i)).isCloseTo(0, within(1e-6));
    }
    assertThat(fit.rSquared()).isCloseTo(1, within(1e-12));
  }

  @Test
  void rejectsTooFewPoints() {
    assertThatThrownBy(() -> JointLawFitter.defaults().fit(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4},
        new double[] {1, 1, 1, 1}, null)).hasMessageContaining("at least 5").hasMessageContaining("got 4");
  }

  @Test
  void equalLossesAreFlaggedDegenerateWithoutAnEstimate() {
    double[] n = Seed000Design.n();
    double[] d = Seed000Design.d();
    double[] l = new double[n.length];
    java.util.Arrays.fill(l, 1.8);
    Fit<JointLaw> fit = JointLawFitter.defaults().withScreening(5).fit(n, d, l, null);
    assertThat(fit.hasEstimate()).isFalse();
    assertThat(fit.flags()).containsExactly(FitFlag.DEGENERATE);
    assertThat(fit.note()).contains("every loss is equal");
  }

  @Test
  void replicatesOfFiveConfigurationsAreFlaggedAsTooFewPoints() {
    // three sizes at fixed D, two data sizes at fixed N: 5 distinct configurations
    double[] n5 = {125e6, 1.3e9, 30e9, 6.9e9, 6.9e9};
    double[] d5 = {1e6, 1e6, 1e6, 1e4, 1e7};
    double[] n = new double[10];
    double[] d = new double[10];
    double[] l = new double[10];
    for (int i = 0; i < 10; i++) {
      n[i] = n5[i % 5];
      d[i] = d5[i % 5];
      l[i] = TRUTH.at(n[i], d[i]) * (i < 5 ? 1.01 : 0.99);
    }
    Fit<JointLaw> fit = JointLawFitter.defaults().withScreening(20).fit(n, d, l, null);
    assertThat(fit.points()).isEqualTo(10);
    assertThat(fit.flags()).contains(FitFlag.TOO_FEW_POINTS);
    assertThat(fit.note()).contains("5 distinct (N, D) configurations for 5 parameters");
  }
}
