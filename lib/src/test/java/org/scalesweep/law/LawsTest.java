package org.scalesweep.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LawsTest {
  private static final JointLaw TRUTH = JointLaw.SEED_000_TRUTH;

  @Test
  void seed000NoiselessEndpoints() {
    assertThat(TRUTH.at(125e6, 1e6)).isCloseTo(0.04850, within(5e-6));
    assertThat(TRUTH.at(70e9, 1e6)).isCloseTo(0.04453, within(5e-6));
    assertThat(TRUTH.at(6.9e9, 1e3)).isCloseTo(0.2598, within(5e-5));
    assertThat(TRUTH.at(6.9e9, 1e7)).isCloseTo(0.03283, within(5e-6));
  }

  @Test
  void allocationExponentsSumToOneAndMatchTheClosedForm() {
    assertThat(TRUTH.allocationExponentN()).isCloseTo(0.491, within(5e-4));
    assertThat(TRUTH.allocationExponentD()).isCloseTo(0.509, within(5e-4));
    double slope = Math.log(TRUTH.optimalParams(1e23) / TRUTH.optimalParams(1e17)) / Math.log(1e6);
    assertThat(slope).isCloseTo(TRUTH.allocationExponentN(), within(1e-12));
  }

  @Test
  void optimalParamsMinimiseLossAtFixedCompute() {
    double c = 1e20;
    double n = TRUTH.optimalParams(c);
    double best = TRUTH.at(n, c / (6 * n));
    for (double f : new double[] {0.9, 0.99, 1.01, 1.1}) {
      assertThat(TRUTH.at(n * f, c / (6 * n * f))).isGreaterThan(best);
    }
    assertThat(TRUTH.optimalLoss(c)).isCloseTo(best, within(1e-15));
  }

  @Test
  void postTrainingMatchesTheSeedsHeatmapWithinItsNoise() {
    PostTrainingLaw pt = PostTrainingLaw.SEED_000_TRUTH;
    // seed prints 0.092258 (10K tokens) and 2.695 (no alignment data) at N=6.9B, C_pt=1e20, noise 0.02
    double tenK = pt.at(6.9e9, 1e4, 1e20);
    double none = pt.at(6.9e9, 0, 1e20);
    assertThat(tenK).isCloseTo(0.0912, within(5e-4));
    assertThat(none).isCloseTo(2.744, within(5e-3));
    assertThat(Math.abs(Math.log(0.092258 / tenK))).isLessThan(3 * 0.02);
    assertThat(Math.abs(Math.log(2.695 / none))).isLessThan(3 * 0.02);
    assertThat(pt.at(6.9e9, 1e6, 1e18)).isCloseTo(TRUTH.at(6.9e9, 1e6), within(1e-15));
  }

  @Test
  void relativeLawIsTheRatioOfTwoPowerLaws() {
    PowerLaw base = new PowerLaw(30, 0.12);
    PowerLaw treat = new PowerLaw(40, 0.10);
    RelativeLaw g = RelativeLaw.of(base, treat);
    assertThat(g.deltaBeta()).isCloseTo(0.02, within(1e-15));
    for (double f : new double[] {1e18, 1e19, 1e20}) {
      assertThat(g.at(f)).isCloseTo(treat.at(f) / base.at(f), within(1e-12));
    }
  }

  @Test
  void crossoverIsWhereTwoRelativeCurvesMeet() {
    RelativeLaw a = new RelativeLaw(1.10, -0.002);
    RelativeLaw b = new RelativeLaw(1.05, 0.001);
    double fx = a.crossover(b);
    assertThat(a.at(fx)).isCloseTo(b.at(fx), within(1e-12));
    assertThat(Double.isNaN(a.crossover(new RelativeLaw(1.2, -0.002)))).isTrue();
  }

  @Test
  void changePerDecadeRoundTripsAndMatchesTheDesignsApproximation() {
    double db = RelativeLaw.deltaBetaForChangePerDecade(0.004);
    assertThat(new RelativeLaw(1, db).changePerDecade()).isCloseTo(0.004, within(1e-15));
    assertThat(db).isCloseTo(-0.004 / Math.log(10), within(1e-5));
  }

  @Test
  void offsetPowerLawAndSigmoids() {
    OffsetPowerLaw o = new OffsetPowerLaw(1.7, 400, 0.3);
    assertThat(o.at(1e9)).isCloseTo(1.7 + o.reducible(1e9), within(1e-15));
    SigmoidCalibration s = new SigmoidCalibration(0.25, 2, 3);
    assertThat(s.at(s.midpointLoss())).isCloseTo(0.625, within(1e-15));
    assertThat(s.at(0.5)).isGreaterThan(s.at(2));
    ScaleRlSigmoid rl = new ScaleRlSigmoid(0.2, 0.8, 1.5, 1e21);
    assertThat(rl.at(1e21)).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void overoptimizationPeaks() {
    Overoptimization bon = new Overoptimization(Overoptimization.Method.BEST_OF_N, 1.0, 0.2);
    Overoptimization rl = new Overoptimization(Overoptimization.Method.RL, 1.0, 0.3);
    double pb = bon.peakDistance();
    double pr = rl.peakDistance();
    assertThat(bon.at(pb)).isGreaterThan(bon.at(pb * 1.01)).isGreaterThan(0);
    assertThat(bon.at(pb)).isGreaterThan(bon.at(pb * 0.99));
    assertThat(rl.at(pr)).isGreaterThan(rl.at(pr * 1.01));
    assertThat(rl.at(pr)).isGreaterThan(rl.at(pr * 0.99));
    assertThat(Overoptimization.bestOfNKl(1)).isZero();
    assertThat(Overoptimization.distance(Overoptimization.bestOfNKl(16))).isCloseTo(Math.sqrt(Math.log(16) - 15.0 / 16), within(1e-15));
  }

  @Test
  void badArgumentsNameTheValue() {
    assertThatThrownBy(() -> TRUTH.at(-5, 1e6)).hasMessageContaining("N").hasMessageContaining("-5.0");
    assertThatThrownBy(() -> new JointLaw(Double.NaN, 1, 1, 1, 1)).hasMessageContaining("E").hasMessageContaining("NaN");
    assertThatThrownBy(() -> new SigmoidCalibration(1.5, 0, 1)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> new RelativeLaw(-1, 0)).hasMessageContaining("gamma").hasMessageContaining("-1.0");
    assertThatThrownBy(() -> PostTrainingLaw.SEED_000_TRUTH.at(1e9, 1e6, 0)).hasMessageContaining("C_pt");
  }
}
