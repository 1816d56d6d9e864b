package org.scalesweep.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalesweep.law.JointLaw;

class JointLawFitterTest {
  private static final JointLaw TRUTH = JointLaw.SEED_000_TRUTH;

  @Test
  void recoversSeed000TruthFromNoiselessSixteenPoints() {
    double[] n = Seed000Design.n();
    double[] d = Seed000Design.d();
    double[] l = new double[16];
    for (int i = 0; i < 16; i++) {
      l[i] = TRUTH.at(n[i], d[i]);
    }
    long t0 = System.nanoTime();
    Fit<JointLaw> fit = JointLawFitter.defaults().fit(n, d, l, null);
    System.out.printf("noiseless fit %s objective %.3e starts %d converged %d in %.2fs%n", fit.law().describe(),
        fit.objective(), fit.starts(), fit.startsConverged(), (System.nanoTime() - t0) / 1e9);
    assertThat(fit.ok()).as(fit.note()).isTrue();
    assertThat(fit.starts()).isEqualTo(4500);
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
}
