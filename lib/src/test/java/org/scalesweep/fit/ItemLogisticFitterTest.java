package org.scalesweep.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalesweep.law.SigmoidCalibration;
import org.scalesweep.sim.KeyedRandom;

class ItemLogisticFitterTest {

  /** Rows x = ln loss with labels, and a pass over them in one accumulator. */
  record Rows(double[] x, boolean[] y) implements LogisticPass {
    @Override
    public LogisticSums at(double a, double b) {
      LogisticSumsAccumulator acc = new LogisticSumsAccumulator(a, b);
      for (int i = 0; i < x.length; i++) {
        acc.add(x[i], y[i]);
      }
      return acc.sums();
    }
  }

  /** n rows, ln loss uniform on [ln 0.6, ln 2.5], labels Bernoulli(σ(a − b·x)) from keyed draws. */
  static Rows simulate(int n, double a, double b, long seed) {
    double[] x = new double[n];
    boolean[] y = new boolean[n];
    double lo = Math.log(0.6);
    double hi = Math.log(2.5);
    for (int i = 0; i < n; i++) {
      x[i] = lo + (hi - lo) * KeyedRandom.uniform(seed * 1_000_003L + 2L * i);
      y[i] = KeyedRandom.bernoulli(seed * 1_000_003L + 2L * i + 1, SigmoidCalibration.logistic(a - b * x[i]));
    }
    return new Rows(x, y);
  }

  @Test
  void recoversKnownCoefficientsWithinTheirFisherStandardErrors() {
    double a = 1.85;
    double b = 4.9;
    Rows rows = simulate(200_000, a, b, 7);
    ItemLogisticFit fit = ItemLogisticFitter.defaults().fit(rows, 0, 1); // a far start: the method must not need a good one
    assertThat(fit.status()).isEqualTo(ItemLogisticStatus.CONVERGED);
    // standard errors from the Fisher information at the truth: the estimate is within 4 of them
    // (a 6e-5 two-sided chance per coefficient under the model), and the fit's own are close to them
    LogisticSums atTruth = rows.at(a, b);
    double det = atTruth.sumW() * atTruth.sumWXX() - atTruth.sumWX() * atTruth.sumWX();
    double seA = Math.sqrt(atTruth.sumWXX() / det);
    double seB = Math.sqrt(atTruth.sumW() / det);
    assertThat(fit.a()).isCloseTo(a, within(4 * seA));
    assertThat(fit.b()).isCloseTo(b, within(4 * seB));
    assertThat(fit.seA()).isCloseTo(seA, within(0.05 * seA));
    assertThat(fit.seB()).isCloseTo(seB, within(0.05 * seB));
    // the maximum: the gradient vanishes there and the likelihood is no lower than at the truth
    LogisticSums atFit = rows.at(fit.a(), fit.b());
    assertThat(Math.abs(atFit.gradientA()) * seA + Math.abs(atFit.gradientB()) * seB).isLessThan(1e-6);
    assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(atTruth.logLikelihood());
    assertThat(fit.items()).isEqualTo(200_000);
    assertThat(fit.passes()).isLessThanOrEqualTo(12);
  }

  @Test
  void equalsTheBinnedFitWhenEveryRowOfABinSharesItsLoss() {
    // 40 distinct losses, 300 rows each: the item-level likelihood is the binomial likelihood of the
    // bins (up to the constant ln C(n, k)), so both fits have one maximum
    int bins = 40;
    int per = 300;
    double[] loss = new double[bins];
    double[] k = new double[bins];
    double[] trials = new double[bins];
    double[] x = new double[bins * per];
    boolean[] y = new boolean[bins * per];
    for (int j = 0; j < bins; j++) {
      loss[j] = 0.6 + 1.9 * j / (bins - 1);
      trials[j] = per;
      for (int i = 0; i < per; i++) {
        int row = j * per + i;
        x[row] = Math.log(loss[j]);
        y[row] = KeyedRandom.bernoulli(91_000L + row, SigmoidCalibration.logistic(1.2 - 3.0 * x[row]));
        k[j] += y[row] ? 1 : 0;
      }
    }
    Fit<SigmoidCalibration> binned = SigmoidCalibrationFitter.fit(loss, k, trials, 0);
    Rows rows = new Rows(x, y);
    ItemLogisticFit exact = ItemLogisticFitter.defaults().fit(rows, binned.law().a(), binned.law().b());
    assertThat(exact.status()).isEqualTo(ItemLogisticStatus.CONVERGED);
    // L-BFGS stops at a gradient tolerance, Newton at the maximum: equal to well within 1e-3 of a
    // standard error (se ≈ 0.03–0.1 here), and Newton's likelihood is no lower
    assertThat(exact.a()).isCloseTo(binned.law().a(), within(1e-3 * exact.seA()));
    assertThat(exact.b()).isCloseTo(binned.law().b(), within(1e-3 * exact.seB()));
    assertThat(exact.logLikelihood()).isGreaterThanOrEqualTo(rows.at(binned.law().a(), binned.law().b()).logLikelihood());
    // from the binned start, a few passes
    assertThat(exact.passes()).isLessThanOrEqualTo(5);
  }

  @Test
  void flagsSeparatedLabelsAndAllEqualLabels() {
    int n = 2_000;
    double[] x = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i] = -1 + 2.0 * (i + 0.5) / n;
      y[i] = x[i] < 0; // accuracy 1 below loss 1, 0 above: separated
    }
    ItemLogisticFit separated = ItemLogisticFitter.defaults().fit(new Rows(x, y), 0, 1);
    assertThat(separated.status()).isEqualTo(ItemLogisticStatus.SEPARATED);
    assertThat(separated.converged()).isFalse();
    assertThat(separated.note()).contains("separated");

    boolean[] allOnes = new boolean[n];
    java.util.Arrays.fill(allOnes, true);
    ItemLogisticFit ones = ItemLogisticFitter.defaults().fit(new Rows(x, allOnes), 0, 1);
    assertThat(ones.status()).isEqualTo(ItemLogisticStatus.SEPARATED);
    assertThat(ones.note()).contains("every label is 1");
  }

  @Test
  void flagsRowsThatShareOneLossAsDegenerate() {
    Rows rows = simulate(1_000, 0.5, 2, 3);
    double[] same = new double[rows.x().length];
    java.util.Arrays.fill(same, 0.1);
    ItemLogisticFit fit = ItemLogisticFitter.defaults().fit(new Rows(same, rows.y()), 0, 1);
    assertThat(fit.status()).isEqualTo(ItemLogisticStatus.DEGENERATE);
  }

  @Test
  void sumsAreTheSameBitsInAnyOrderAndAnySplit() {
    Rows rows = simulate(50_000, 1.85, 4.9, 11);
    LogisticSums whole = rows.at(1.7, 4.5);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows.x().length; i++) {
      order.add(i);
    }
    for (int parts : new int[] {1, 2, 3, 7, 64}) {
      Collections.shuffle(order, new Random(parts));
      List<LogisticSumsAccumulator> accs = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        accs.add(new LogisticSumsAccumulator(1.7, 4.5));
      }
      for (int i = 0; i < order.size(); i++) {
        int row = order.get(i);
        accs.get(i % parts).add(rows.x()[row], rows.y()[row]);
      }
      Collections.shuffle(accs, new Random(parts + 100));
      LogisticSumsAccumulator total = accs.get(0);
      for (int p = 1; p < parts; p++) {
        total.merge(accs.get(p));
      }
      assertThat(total.sums()).as("%d parts", parts).isEqualTo(whole); // record equality: every double to the bit
    }
  }

  @Test
  void fixedPointSumIsWithinItsBoundOfTheExactSum() {
    Random r = new Random(5);
    FixedPointSum s = new FixedPointSum();
    BigDecimal exact = BigDecimal.ZERO;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      double t = (r.nextDouble() - 0.3) * Math.pow(10, r.nextInt(12) - 6);
      s.add(t);
      exact = exact.add(new BigDecimal(t));
    }
    // each term loses < 2^-56; the final conversion rounds once more
    double bound = n * 0x1p-56 + Math.ulp(exact.doubleValue());
    assertThat(Math.abs(new BigDecimal(s.value()).subtract(exact).doubleValue())).isLessThanOrEqualTo(bound);
    FixedPointSum bad = new FixedPointSum();
    bad.add(1);
    bad.add(Double.NaN);
    assertThat(bad.value()).isNaN();
  }
}
