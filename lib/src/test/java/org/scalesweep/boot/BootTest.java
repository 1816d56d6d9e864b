package org.scalesweep.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalesweep.sim.Keys;

class BootTest {
  @Test
  void poissonWeightsHaveMeanAndVarianceOne() {
    int n = 200_000;
    double s1 = 0;
    double s2 = 0;
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      int w = PoissonWeights.draw(Keys.of(9, i));
      s1 += w;
      s2 += (double) w * w;
      if (w == 0) {
        zeros++;
      }
    }
    double mean = s1 / n;
    double var = s2 / n - mean * mean;
    assertThat(mean).isCloseTo(1, within(4 / Math.sqrt(n)));
    // Var of the sample variance of Poisson(1) ≈ (μ4 − σ⁴)/n = (1 + 3 − 1)/n
    assertThat(var).isCloseTo(1, within(4 * Math.sqrt(3.0 / n)));
    double p0 = Math.exp(-1);
    assertThat((double) zeros / n).isCloseTo(p0, within(4 * Math.sqrt(p0 * (1 - p0) / n)));
  }

  @Test
  void resampleWeightsDoNotDependOnComputationOrder() {
    Resampler res = new Resampler(2026, WeightKind.POISSON);
    long[] clusters = {11, 12, 13, 11, 12, 14, 15};
    double[][] forward = new double[1000][clusters.length];
    for (int b = 0; b < 1000; b++) {
      res.runWeights(5, clusters, b, forward[b]);
    }
    double[][] reverse = new double[1000][clusters.length];
    for (int b = 999; b >= 0; b--) {
      res.runWeights(5, clusters, b, reverse[b]);
    }
    List<Integer> chunks = new ArrayList<>(List.of(0, 1, 2, 3));
    Collections.shuffle(chunks, new Random(1));
    double[][] chunked = new double[1000][clusters.length];
    for (int c : chunks) {
      List<Integer> idx = new ArrayList<>();
      for (int b = c * 250; b < (c + 1) * 250; b++) {
        idx.add(b);
      }
      Collections.shuffle(idx, new Random(c));
      for (int b : idx) {
        res.runWeights(5, clusters, b, chunked[b]);
      }
    }
    assertThat(reverse).isDeepEqualTo(forward);
    assertThat(chunked).isDeepEqualTo(forward);
    // runs of one cluster share its weight
    for (double[] w : forward) {
      assertThat(w[0]).isEqualTo(w[3]);
      assertThat(w[1]).isEqualTo(w[4]);
    }
  }

  @Test
  void multinomialWeightsSumToTheNumberOfUnits() {
    Resampler res = new Resampler(1, WeightKind.MULTINOMIAL);
    double[] w = new double[50];
    for (int b = 0; b < 20; b++) {
      res.itemWeights(3, b, 50, w);
      assertThat(java.util.Arrays.stream(w).sum()).isEqualTo(50);
    }
  }

  @Test
  void signTestFollowsTheSeedsFormula() {
    double[] allPositive = new double[999];
    java.util.Arrays.fill(allPositive, 0.1);
    assertThat(SignTest.pValue(allPositive)).isCloseTo(2.0 / 1000, within(1e-15));
    double[] half = new double[1000];
    for (int i = 0; i < 1000; i++) {
      half[i] = i < 500 ? -1 : 1;
    }
    assertThat(SignTest.pValue(half)).isEqualTo(1.0);
    double[] some = {-1, 1, 2, 3, Double.NaN};
    // B = 4 finite (the failure is left out): #≤0 = 1 → (1+1)/5 = 0.4; #≥0 = 3 → 0.8; p = min(1, 0.8)
    assertThat(SignTest.pValue(some)).isCloseTo(0.8, within(1e-15));
    double[] clean = {-1, 1, 2, 3, 4, 5, 6, 7, 8};
    // B = 9: #≤0 = 1 → p = 2·2/10 = 0.4
    assertThat(SignTest.pValue(clean)).isCloseTo(0.4, within(1e-15));
    assertThat(SignTest.significant(0.049, 0.05)).isTrue();
    assertThat(SignTest.significant(0.05, 0.05)).isFalse();
    assertThatThrownBy(() -> SignTest.significant(0.01, 1.5)).hasMessageContaining("1.5");
  }

  @Test
  void percentileAndBcaAgreeOnASymmetricUnbiasedDistribution() {
    double[] v = new double[10_001];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i - 5000) / 5000.0;
    }
    Interval p = Intervals.percentile(v, 0.95);
    assertThat(p.low()).isCloseTo(-0.95, within(1e-12));
    assertThat(p.high()).isCloseTo(0.95, within(1e-12));
    double[] jack = {-1, 0, 1, -1, 0, 1};
    Interval b = Intervals.bca(v, 0, jack, 0.95);
    assertThat(b.low()).isCloseTo(p.low(), within(1e-3));
    assertThat(b.high()).isCloseTo(p.high(), within(1e-3));
  }

  @Test
  void bcaShiftsTowardTheBias() {
    double[] v = new double[1000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i / 1000.0; // estimate 0.3 sits at the 30th percentile: z0 < 0
    }
    Interval b = Intervals.bca(v, 0.3, null, 0.9);
    assertThat(b.method()).isEqualTo(IntervalMethod.PERCENTILE); // no jackknife: falls back
    Interval shifted = Intervals.bca(v, 0.3, new double[] {0.1, 0.2, 0.3, 0.25}, 0.9);
    assertThat(shifted.method()).isEqualTo(IntervalMethod.BCA);
    assertThat(shifted.high()).isLessThan(0.95);
  }

  @Test
  void gemmKernelsAgree() {
    gemmKernelsAgreeOn(7, 300, 5);
    // several column strips and k-blocks, leftover rows and k-steps, the parallel path
    gemmKernelsAgreeOn(9, 1031, 300);
  }

  @Test
  void weightBlocksEqualColumnByColumnWeights() {
    for (WeightKind kind : WeightKind.values()) {
      Resampler res = new Resampler(11, kind);
      WeightBlock block = res.weightBlock(42, 37);
      double[] w = new double[37 * 5];
      double[] totals = new double[5];
      block.fill(1000, 5, w, totals);
      double[] col = new double[37];
      for (int j = 0; j < 5; j++) {
        res.itemWeights(42, 1000 + j, 37, col);
        double sum = 0;
        for (int i = 0; i < 37; i++) {
          assertThat(w[i * 5 + j]).as(kind + " item " + i + " resample " + j).isEqualTo(col[i]);
          sum += col[i];
        }
        assertThat(totals[j]).isEqualTo(sum);
      }
    }
  }

  @Test
  void poissonInversionCoversTheTail() {
    // the largest draws come from the loop past the branch-free comparisons
    int max = 0;
    for (int i = 0; i < 2_000_000; i++) {
      max = Math.max(max, PoissonWeights.draw(Keys.of(3, i)));
    }
    assertThat(max).isBetween(7, 19);
  }

  private static void gemmKernelsAgreeOn(int m, int k, int n) {
    double[] a = new double[m * k];
    double[] b = new double[k * n];
    Random r = new Random(3);
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextDouble();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = r.nextDouble();
    }
    double[] ref = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += a[i * k + p] * b[p * n + j];
        }
        ref[i * n + j] = s;
      }
    }
    for (Gemm g : List.of(new BlockedGemm(), Gemm.best())) {
      double[] c = new double[m * n];
      java.util.Arrays.fill(c, Double.NaN); // the kernels overwrite C
      g.multiply(a, m, k, b, n, c);
      for (int i = 0; i < c.length; i++) {
        assertThat(c[i]).as(g.name()).isCloseTo(ref[i], within(1e-10 * k));
      }
    }
  }

  @Test
  void itemResamplingGivesWeightedMeansPerRun() {
    Resampler res = new Resampler(4, WeightKind.POISSON);
    ItemResampling ir = new ItemResampling(new BlockedGemm(), res);
    double[] losses = {1, 2, 3, 4, 10, 20, 30, 40};
    double[] m = ir.means(losses, 2, 4, 77, 100, 3);
    double[] w = new double[4];
    for (int j = 0; j < 3; j++) {
      res.itemWeights(77, 100 + j, 4, w);
      double sw = w[0] + w[1] + w[2] + w[3];
      double expect0 = (w[0] * 1 + w[1] * 2 + w[2] * 3 + w[3] * 4) / sw;
      if (sw > 0) {
        assertThat(m[j]).isCloseTo(expect0, within(1e-12));
        assertThat(m[3 + j]).isCloseTo(10 * expect0, within(1e-11));
      } else {
        assertThat(m[j]).isNaN();
      }
    }
  }

  @Test
  void schemesParseTheirConfigSpellings() {
    assertThat(ResampleScheme.parse("two-way")).isEqualTo(ResampleScheme.TWO_WAY);
    assertThatThrownBy(() -> ResampleScheme.parse("rows")).hasMessageContaining("'rows'")
        .hasMessageContaining("cluster, items, two-way");
  }
}
