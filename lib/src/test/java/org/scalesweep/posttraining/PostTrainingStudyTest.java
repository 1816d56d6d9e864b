package org.scalesweep.posttraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalesweep.design.Point;

class PostTrainingStudyTest {
  private final PostTrainingStudy study = PostTrainingStudy.defaults();
  private final List<Point> points = study.points();

  @Test
  void noiselessTruthIsRecoveredExactly() {
    double[][] obs = new double[points.size()][1];
    for (int i = 0; i < obs.length; i++) {
      obs[i][0] = study.truth(points.get(i));
    }
    Map<String, Double> s = study.analyze(obs, null, null).statistics();
    assertThat(s.get("hhh_harmless_rlhf_gamma")).isCloseTo(0.10, within(1e-9));
    assertThat(s.get("hhh_harmless_dgamma")).isCloseTo(0.06, within(1e-9));
    assertThat(s.get("hhh_honest_dkappa")).isCloseTo(1.0, within(1e-9));
    assertThat(s.get("hhh_helpful_dkappa")).isCloseTo(0.0, within(1e-9));
    assertThat(s.get("rm_bon_alpha_per_decade")).isCloseTo(0.15, within(1e-9));
    assertThat(s.get("rm_bon_beta_per_decade")).isCloseTo(-0.04, within(1e-9));
    assertThat(s.get("rm_rl_alpha_per_decade")).isCloseTo(0.10, within(1e-9));
    assertThat(s.get("rm_rl_beta_per_decade")).isCloseTo(-0.02, within(1e-9));
    assertThat(s.get("scalerl_A")).isCloseTo(0.72, within(1e-5));
    assertThat(s.get("scalerl_B")).isCloseTo(1.2, within(1e-4));
    assertThat(s.get("scalerl_max_abs_error_held_out")).isLessThan(1e-5);
  }

  @Test
  void noisyObservationsAreKeyedAndRecoverTheSignsOfTheEffects() {
    double[][] obs = new double[points.size()][3];
    double[][] again = new double[points.size()][3];
    for (int i = points.size() - 1; i >= 0; i--) {
      for (int r = 2; r >= 0; r--) {
        again[i][r] = study.observe(11, points.get(i), r);
      }
    }
    for (int i = 0; i < obs.length; i++) {
      for (int r = 0; r < 3; r++) {
        obs[i][r] = study.observe(11, points.get(i), r);
      }
    }
    assertThat(again).isDeepEqualTo(obs);
    Map<String, Double> s = study.analyze(obs, null, null).statistics();
    assertThat(s.get("hhh_harmless_dgamma")).isPositive();
    assertThat(s.get("rm_bon_alpha_per_decade")).isPositive();
    assertThat(s.get("rm_bon_beta_per_decade")).isNegative();
    // fitted past the midpoint, held-out extrapolation stays within a few noise sd (0.01 per run, 3 replicates)
    assertThat(s.get("scalerl_max_abs_error_held_out")).isLessThan(0.05);
  }
}
