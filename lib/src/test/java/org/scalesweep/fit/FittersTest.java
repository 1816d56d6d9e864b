package org.scalesweep.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.OffsetPowerLaw;
import org.scalesweep.law.Overoptimization;
import org.scalesweep.law.PostTrainingLaw;
import org.scalesweep.law.PowerLaw;
import org.scalesweep.law.ScaleRlSigmoid;
import org.scalesweep.law.SigmoidCalibration;
import org.scalesweep.sim.KeyedRandom;
import org.scalesweep.sim.Keys;

class FittersTest {
  private static final JointLaw TRUTH = JointLaw.SEED_000_TRUTH;

  @Test
  void powerLawIsExactOnExactData() {
    double[] f = {1e18, 3e18, 1e19, 1e20};
    double[] e = new double[4];
    for (int i = 0; i < 4; i++) {
      e[i] = 30 * Math.pow(f[i], -0.07);
    }
    Fit<PowerLaw> fit = PowerLawFitter.fit(f, e, null);
    assertThat(fit.ok()).isTrue();
    assertThat(fit.law().alpha()).isCloseTo(30, within(1e-9));
    assertThat(fit.law().beta()).isCloseTo(0.07, within(1e-12));
    assertThat(fit.rSquared()).isCloseTo(1, within(1e-12));
  }

  @Test
  void powerLawWeightsAreFrequencyWeights() {
    double[] f = {1e18, 1e19, 1e20, 1e20};
    double[] e = {3, 2.5, 2.1, 2.0};
    Fit<PowerLaw> weighted = PowerLawFitter.fit(new double[] {1e18, 1e19, 1e20}, new double[] {3, 2.5, 2.1},
        new double[] {2, 1, 0});
    Fit<PowerLaw> duplicated = PowerLawFitter.fit(new double[] {1e18, 1e18, 1e19}, new double[] {3, 3, 2.5}, null);
    assertThat(weighted.law().beta()).isCloseTo(duplicated.law().beta(), within(1e-12));
    assertThat(PowerLawFitter.fit(f, e, new double[] {0, 0, 1, 1}).flags()).contains(FitFlag.DEGENERATE);
    assertThat(PowerLawFitter.fit(f, e, new double[] {0, 0, 0, 1}).flags()).contains(FitFlag.TOO_FEW_POINTS);
  }

  @Test
  void offsetPowerLawRecoversItsTruth() {
    OffsetPowerLaw truth = new OffsetPowerLaw(1.69, 406.4, 0.34);
    double[] x = new double[12];
    double[] y = new double[12];
    for (int i = 0; i < 12; i++) {
      x[i] = Math.pow(10, 7 + 0.3 * i);
      y[i] = truth.at(x[i]);
    }
    Fit<OffsetPowerLaw> fit = OffsetPowerLawFitter.defaults().fit(x, y, null);
    assertThat(fit.ok()).as(fit.note()).isTrue();
    assertThat(fit.law().e()).isCloseTo(1.69, within(1.69 * 1e-6));
    assertThat(fit.law().a()).isCloseTo(406.4, within(406.4 * 1e-5));
    assertThat(fit.law().alpha()).isCloseTo(0.34, within(1e-6));
  }

  @Test
  void approach2AllocationMatchesTheClosedFormOnANoiselessJointLaw() {
    List<Double> budget = new ArrayList<>();
    List<Double> params = new ArrayList<>();
    List<Double> tokens = new ArrayList<>();
    List<Double> loss = new ArrayList<>();
    for (int k = 17; k <= 23; k++) {
      double c = Math.pow(10, k);
      double center = Math.log10(TRUTH.optimalParams(c));
      for (int j = -4; j <= 4; j++) {
        double n = Math.pow(10, center + 0.125 * j);
        double d = c / (6 * n);
        budget.add(c);
        params.add(n);
        tokens.add(d);
        loss.add(TRUTH.at(n, d));
      }
    }
    Approach2.Result r = Approach2.defaults().fit(arr(budget), arr(params), arr(tokens), arr(loss), null);
    System.out.printf("Approach 2: a = %.5f, b = %.5f (closed form %.5f / %.5f)%n", r.params().exponent(),
        r.tokens().exponent(), TRUTH.allocationExponentN(), TRUTH.allocationExponentD());
    assertThat(r.params().exponent()).isCloseTo(TRUTH.allocationExponentN(), within(0.005));
    assertThat(r.tokens().exponent()).isCloseTo(TRUTH.allocationExponentD(), within(0.005));
    assertThat(r.params().flags()).isEmpty();
    assertThat(r.paramsOptima()).hasSize(7).allMatch(IsoFlopOptimum::usable);
  }

  @Test
  void approach2FlagsCurvesWithoutAMinimum() {
    double[] b = {1, 1, 1, 2, 2, 2};
    double[] n = {1, 10, 100, 1, 10, 100};
    double[] l = {1, 2, 1, 3, 2, 1.5};
    List<IsoFlopOptimum> o = Approach2.leastSquares().optima(b, n, l, null);
    assertThat(o.get(0).flags()).contains(FitFlag.NOT_CONVEX);
    assertThat(o.get(1).flags()).contains(FitFlag.EXTRAPOLATED);
  }

  @Test
  void sigmoidCalibrationRecoversItsTruthFromBinomialCounts() {
    SigmoidCalibration truth = new SigmoidCalibration(0.25, 1.0, 4.0);
    int m = 40;
    double[] loss = new double[m];
    double[] correct = new double[m];
    double[] trials = new double[m];
    for (int i = 0; i < m; i++) {
      loss[i] = 0.6 + 1.2 * i / (m - 1);
      trials[i] = 20_000;
      double p = truth.at(loss[i]);
      correct[i] = KeyedRandom.binomial(Keys.of(1, i), 20_000, p);
    }
    Fit<SigmoidCalibration> fit = SigmoidCalibrationFitter.fit(loss, correct, trials, 0.25);
    assertThat(fit.ok()).isTrue();
    // 800k Bernoulli trials: the MLE's sampling error on a and b is a few 1e-3
    assertThat(fit.law().a()).isCloseTo(1.0, within(0.03));
    assertThat(fit.law().b()).isCloseTo(4.0, within(0.05));
  }

  @Test
  void scaleRlSigmoidRecoversItsTruth() {
    ScaleRlSigmoid truth = new ScaleRlSigmoid(0.2, 0.75, 1.3, 3e21);
    int m = 16;
    double[] c = new double[m];
    double[] r = new double[m];
    for (int i = 0; i < m; i++) {
      c[i] = Math.pow(10, 19 + 0.25 * i);
      r[i] = truth.at(c[i]);
    }
    Fit<ScaleRlSigmoid> fit = ScaleRlFitter.fit(c, r, null);
    assertThat(fit.ok()).as(fit.note()).isTrue();
    assertThat(fit.law().asymptote()).isCloseTo(0.75, within(1e-6));
    assertThat(fit.law().exponent()).isCloseTo(1.3, within(1e-5));
    assertThat(fit.law().cMid() / 3e21).isCloseTo(1, within(1e-5));
  }

  @Test
  void overoptimizationFormsAreLinearFits() {
    for (Overoptimization.Method m : Overoptimization.Method.values()) {
      Overoptimization truth = new Overoptimization(m, 1.1, 0.25);
      double[] d = {0.5, 1, 1.5, 2, 3, 4, 5};
      double[] r = new double[d.length];
      for (int i = 0; i < d.length; i++) {
        r[i] = truth.at(d[i]);
      }
      Fit<Overoptimization> fit = OveroptimizationFitter.fit(m, d, r, null);
      assertThat(fit.law().alpha()).isCloseTo(1.1, within(1e-12));
      assertThat(fit.law().beta()).isCloseTo(0.25, within(1e-12));
    }
  }

  @Test
  void postTrainingInteractionIsRecovered() {
    PostTrainingLaw truth = PostTrainingLaw.SEED_000_TRUTH;
    List<double[]> rows = new ArrayList<>();
    for (double n : new double[] {1.3e9, 6.9e9, 13e9, 70e9}) {
      for (double c = 1e16; c <= 1e20; c *= 10) {
        for (double d : new double[] {0, 1e4, 1e5, 1e6, 1e7}) {
          rows.add(new double[] {n, d, c, truth.at(n, d, c)});
        }
      }
    }
    double[][] cols = new double[4][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < 4; j++) {
        cols[j][i] = rows.get(i)[j];
      }
    }
    Fit<PostTrainingLaw> fit = PostTrainingFitter.fit(truth.align(), 1e18, 1e6, cols[0], cols[1], cols[2], cols[3], null);
    assertThat(fit.ok()).isTrue();
    assertThat(fit.law().gamma()).isCloseTo(0.152, within(1e-9));
    assertThat(fit.law().delta()).isCloseTo(-0.087, within(1e-9));
  }

  @Test
  void badInputsRaiseMessagesNamingTheValue() {
    assertThatThrownBy(() -> PowerLawFitter.fit(new double[] {1, -2}, new double[] {1, 1}, null))
        .hasMessageContaining("scale[1] = -2.0");
    assertThatThrownBy(() -> PowerLawFitter.fit(new double[] {}, new double[] {}, null)).hasMessageContaining("got 0");
    assertThatThrownBy(() -> JointLawFitter.defaults().fit(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5},
        new double[] {1, 1, Double.NaN, 1, 1}, null)).hasMessageContaining("loss[2] = NaN");
    assertThatThrownBy(() -> PowerLawFitter.fit(new double[] {1, 2}, new double[] {1, 1}, new double[] {1, -1}))
        .hasMessageContaining("weights[1] = -1.0");
    assertThatThrownBy(() -> OffsetPowerLawFitter.defaults().fit(new double[] {1, 2}, new double[] {1, 1}, null))
        .hasMessageContaining("at least 3").hasMessageContaining("got 2");
  }

  @Test
  void jointLawFlagsDegenerateDesigns() {
    double[] n = {1e9, 1e9, 1e9, 1e9, 1e9, 1e9};
    double[] d = {1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    double[] l = new double[6];
    for (int i = 0; i < 6; i++) {
      l[i] = TRUTH.at(n[i], d[i]);
    }
    Fit<JointLaw> fit = JointLawFitter.defaults().fit(n, d, l, null);
    assertThat(fit.hasEstimate()).isFalse();
    assertThat(fit.flags()).containsExactly(FitFlag.DEGENERATE);
    assertThat(fit.note()).contains("2 distinct N");
    Fit<JointLaw> sparse = JointLawFitter.defaults().fit(Seed000Design.n(), Seed000Design.d(), truthAt16(),
        new double[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    assertThat(sparse.flags()).containsExactly(FitFlag.TOO_FEW_POINTS);
  }

  private static double[] truthAt16() {
    double[] n = Seed000Design.n();
    double[] d = Seed000Design.d();
    double[] l = new double[16];
    for (int i = 0; i < 16; i++) {
      l[i] = TRUTH.at(n[i], d[i]);
    }
    return l;
  }

  private static double[] arr(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
