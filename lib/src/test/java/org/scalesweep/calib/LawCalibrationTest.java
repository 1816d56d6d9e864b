package org.scalesweep.calib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalesweep.alignment.AlignmentAnalysis;
import org.scalesweep.alignment.AlignmentDesign;
import org.scalesweep.alignment.AlignmentTruth;
import org.scalesweep.fit.JointLawFitter;

class LawCalibrationTest {
  static LawCalibration seed000(int resamples) {
    AlignmentTruth truth = AlignmentTruth.seed000();
    AlignmentAnalysis analysis = new AlignmentAnalysis(AlignmentDesign.seed000().points(),
        JointLawFitter.defaults().withScreening(100), truth.law().cRef(), truth.law().dRef());
    return new LawCalibration(42, analysis, truth, 0.02, 5, resamples, 0.95);
  }

  @Test
  void aReplicateIsReproducibleAloneAndItsIntervalsAreFormed() {
    LawCalibration cal = seed000(20);
    assertThat(cal.truth(0)).isEqualTo(0.0214);
    // Approach 2 on the noiseless grid: close to the analytic β/(α+β) = 0.4911
    assertThat(cal.truth(5)).isCloseTo(0.3401 / (0.3524 + 0.3401), within(0.005));
    assertThat(cal.truth(5) + cal.truth(6)).isCloseTo(1, within(1e-9));
    double[][] loss = cal.simulate(3);
    assertThat(cal.simulate(3)).isDeepEqualTo(loss);
    LawCalibration.Full full = cal.full(loss);
    double[][] whole = cal.resample(loss, full, 3, 0, 20);
    double[][] tail = cal.resample(loss, full, 3, 12, 8);
    for (int j = 0; j < 8; j++) {
      assertThat(tail[j]).containsExactly(whole[12 + j]);
    }
    double[][] jack = cal.jackknife(loss, full);
    assertThat(jack[0]).hasSize(16 * 5); // run replicates of Experiments 1 + 2
    assertThat(jack[5]).hasSize(7 * 9 * 5); // run replicates of Experiment 3
    double[] alpha = new double[20];
    for (int b = 0; b < 20; b++) {
      alpha[b] = whole[b][2];
    }
    ReplicateOutcome o = cal.outcome(2, full.statistics()[2], alpha, jack[2]);
    System.out.printf("alpha %.4f, percentile [%.4f, %.4f], expanded [%.4f, %.4f]%n", o.summary().estimate(),
        o.summary().percentile().low(), o.summary().percentile().high(), o.summary().expanded().low(),
        o.summary().expanded().high());
    // the expanded interval reaches further out on both sides
    assertThat(o.summary().expanded().low()).isLessThanOrEqualTo(o.summary().percentile().low());
    assertThat(o.summary().expanded().high()).isGreaterThanOrEqualTo(o.summary().percentile().high());
    assertThat(o.summary().estimate()).isCloseTo(0.3524, within(0.1));
  }
}
