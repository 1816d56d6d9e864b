package org.scalesweep.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.SigmoidCalibration;

class SimulatorTest {
  private static final JointLaw TRUTH = JointLaw.SEED_000_TRUTH;
  private static final long CORPUS = Keys.name("seed-000");
  private static final long ALIGN = Keys.name("alignment");

  /** 5-seed mean of seed 000's noise model (lognormal, σ = 0.02) at one design point. */
  private static double fiveSeedMean(Simulator sim, double n, double d) {
    long run = Keys.of(0, Keys.value(n), Keys.value(d));
    double sum = 0;
    for (int s = 0; s < 5; s++) {
      sum += sim.runLoss(TRUTH.at(n, d), CORPUS, ALIGN, run, s);
    }
    return sum / 5;
  }

  @Test
  void noisyFiveSeedMeansLieWithinThreeStandardErrorsLikeTheSeedsPrintedValues() {
    Simulator sim = new Simulator(42, NoiseModel.runOnly(0.02));
    double[][] points = {{125e6, 1e6, 0.048319}, {70e9, 1e6, 0.044534}, {6.9e9, 1e3, 0.260847}, {6.9e9, 1e7, 0.032932}};
    for (double[] p : points) {
      double truth = TRUTH.at(p[0], p[1]);
      // SE of a 5-seed mean of L·exp(η), η ~ N(0, 0.02²): L·sqrt((e^{σ²}−1)e^{σ²}/5) ≈ 0.02·L/√5
      double se = truth * Math.sqrt(Math.expm1(0.0004) * Math.exp(0.0004) / 5);
      double ours = fiveSeedMean(sim, p[0], p[1]);
      System.out.printf("N=%.3g D=%.3g truth %.6f ours %.6f (%.2f SE) seed %.6f (%.2f SE)%n", p[0], p[1], truth, ours,
          (ours - truth) / se, p[2], (p[2] - truth) / se);
      assertThat(Math.abs(ours - truth)).isLessThan(3 * se);
      assertThat(Math.abs(p[2] - truth)).isLessThan(3 * se);
    }
  }

  @Test
  void noiselessSimulationReturnsTheTruth() {
    Simulator sim = new Simulator(7, NoiseModel.NONE);
    assertThat(sim.runLoss(0.05, CORPUS, ALIGN, 1, 0)).isEqualTo(0.05);
  }

  @Test
  void logNoiseHasTheConfiguredSpread() {
    double sigma = 0.05;
    Simulator sim = new Simulator(3, NoiseModel.runOnly(sigma));
    int n = 20_000;
    double s1 = 0;
    double s2 = 0;
    for (int r = 0; r < n; r++) {
      double z = Math.log(sim.runLoss(1.0, CORPUS, ALIGN, r, 0));
      s1 += z;
      s2 += z * z;
    }
    double mean = s1 / n;
    double sd = Math.sqrt(s2 / n - mean * mean);
    assertThat(mean).isCloseTo(0, within(4 * sigma / Math.sqrt(n)));
    assertThat(sd).isCloseTo(sigma, within(4 * sigma / Math.sqrt(2.0 * n)));
  }

  @Test
  void sameKeySameNumberWhateverTheSplit() {
    Simulator sim = new Simulator(11, new NoiseModel(0.02, 0.01, 0.3, 0.5));
    double[] u = sim.itemDifficulties(ALIGN, 100);
    double[] whole = new double[100];
    sim.itemLosses(2.0, CORPUS, ALIGN, 5, 1, 0, u, whole);
    double[] tail = new double[40];
    sim.itemLosses(2.0, CORPUS, ALIGN, 5, 1, 60, java.util.Arrays.copyOfRange(u, 60, 100), tail);
    double[] head = new double[60];
    sim.itemLosses(2.0, CORPUS, ALIGN, 5, 1, 0, java.util.Arrays.copyOfRange(u, 0, 60), head);
    for (int i = 0; i < 60; i++) {
      assertThat(head[i]).isEqualTo(whole[i]);
    }
    for (int i = 0; i < 40; i++) {
      assertThat(tail[i]).isEqualTo(whole[60 + i]);
    }
    // item difficulty is shared by every run; item noise is not
    double[] otherRun = new double[100];
    sim.itemLosses(2.0, CORPUS, ALIGN, 6, 1, 0, u, otherRun);
    double corr = correlation(logs(whole), logs(otherRun));
    assertThat(corr).isGreaterThan(0.5).isLessThan(0.99);
  }

  @Test
  void accuracyFollowsTheCalibrationOnAverage() {
    Simulator sim = new Simulator(5, NoiseModel.NONE);
    SigmoidCalibration cal = new SigmoidCalibration(0.25, 0.5, 2.0);
    int n = 20_000;
    int correct = 0;
    for (int i = 0; i < n; i++) {
      if (sim.itemCorrect(cal, 1.2, CORPUS, ALIGN, 9, 0, i)) {
        correct++;
      }
    }
    double p = cal.at(1.2);
    assertThat((double) correct / n).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / n)));
  }

  @Test
  void binomialRatesMatchTheirProbability() {
    Simulator sim = new Simulator(5, NoiseModel.NONE);
    int total = 0;
    for (int r = 0; r < 200; r++) {
      total += sim.binomialCount(4174, 0.45, CORPUS, ALIGN, r, 0);
    }
    double rate = total / (200.0 * 4174);
    assertThat(rate).isCloseTo(0.45, within(4 * Math.sqrt(0.45 * 0.55 / (200 * 4174.0))));
  }

  @Test
  void everySubgroupsItemSetAveragesToThePopulationFactorSoItsGammaIsTheStatedOne() {
    double tau = 0.5;
    Simulator sim = new Simulator(3, new NoiseModel(0, 0, 0, tau));
    for (String name : List.of("usa", "nigeria", "singapore")) {
      double[] u = sim.itemDifficulties(Keys.name(name), 200);
      double mean = java.util.Arrays.stream(u).map(Math::exp).average().orElseThrow();
      assertThat(mean).as(name).isCloseTo(Math.exp(tau * tau / 2), within(1e-12));
      double m = java.util.Arrays.stream(u).average().orElseThrow();
      double sd = Math.sqrt(java.util.Arrays.stream(u).map(v -> (v - m) * (v - m)).sum() / 199);
      assertThat(sd).as(name).isCloseTo(tau, within(4 * tau / Math.sqrt(2 * 199))); // spread kept
      assertThat(sim.itemDifficulties(Keys.name(name), 200)).as("fixed per item").isEqualTo(u);
    }
    // so the observed mean-loss ratio of two item-level subgroups is exactly their stated gamma
    CorpusTruth c = new CorpusTruth("commonpile", List.of(
        new Subgroup("usa", new SubgroupTruth.Absolute(TRUTH), 200, null),
        new Subgroup("nigeria", new SubgroupTruth.Relative("usa", 1.05, 0.0025, 1e18), 200, null)));
    double lb = c.loss(0, 1e9, 2e10, 1e18);
    double lt = c.loss(1, 1e9, 2e10, 1e18);
    double ratio = sim.observe(c.subgroups().get(1), lt, CORPUS, 7, 0).loss()
        / sim.observe(c.subgroups().get(0), lb, CORPUS, 7, 0).loss();
    assertThat(ratio).isCloseTo(1.05, within(1e-12));
    assertThatThrownBy(() -> sim.itemDifficulties(ALIGN, -1)).hasMessageContaining("-1");
  }

  @Test
  void relativeTruthIsExactlyTheRelativeLawTimesTheBaseline() {
    CorpusTruth c = new CorpusTruth("dclm", List.of(
        new Subgroup("base", new SubgroupTruth.Absolute(TRUTH), 0, null),
        new Subgroup("treat", new SubgroupTruth.Relative("base", 1.2, -0.01, 1e18), 0, null)));
    double ratio = c.loss(1, 1e9, 2e10, 1e20) / c.loss(0, 1e9, 2e10, 1e20);
    assertThat(ratio).isCloseTo(1.2 * Math.pow(100, -0.01), within(1e-14));
  }

  @Test
  void badTruthsNameTheProblem() {
    assertThatThrownBy(() -> new CorpusTruth("c", List.of(
        new Subgroup("t", new SubgroupTruth.Relative("missing", 1, 0, 1e18), 0, null))))
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> new NoiseModel(-0.1, 0, 0, 0)).hasMessageContaining("sigma_run").hasMessageContaining("-0.1");
    assertThatThrownBy(() -> new Subgroup("x", new SubgroupTruth.Absolute(TRUTH), -3, null)).hasMessageContaining("-3");
  }

  private static double[] logs(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.log(v[i]);
    }
    return out;
  }

  private static double correlation(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= a.length;
    mb /= b.length;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
