package org.scalesweep.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Interval;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.sim.KeyedRandom;
import org.scalesweep.sim.Keys;

/**
 * Coverage of Approach 2's allocation-exponent intervals on the design of the shipped tracker
 * example (the suite's 85 configurations, one seed each, lognormal run noise 0.5%): fit-runs'
 * percentile interval from B Poisson(1) run-weight resamples of least-squares parabolas, scored
 * against the noiseless Approach 2 of the same design (the value the estimator aims at; the
 * parabola's approximation bias is a property of the design, not of the noise). At 1% noise the
 * same intervals under-cover (measured 0.87-0.88 for a, 0.91 for b): budgets whose optimum lies
 * near the edge of the sampled sizes then fall in and out of the slope (extrapolated optima are
 * left out) and bias it; docs/CALIBRATION.md has the figures.
 */
class Approach2CoverageTest {
  static final double E = 1.69;
  static final double A = 406.4;
  static final double ALPHA = 0.34;
  static final double B = 410.7;
  static final double BETA = 0.28;
  /** Lognormal run noise of the shipped tracker example (data/tracker-example). */
  static final double EXAMPLE_NOISE = 0.005;

  record Design(double[] budget, double[] params, double[] tokens, double[] truth, long[] units) {}

  static Design design() {
    List<ModelConfig> configs = IsoFlopGrid.suite();
    int n = configs.size();
    double[] c = new double[n];
    double[] p = new double[n];
    double[] d = new double[n];
    double[] l = new double[n];
    long[] u = new long[n];
    for (int i = 0; i < n; i++) {
      ModelConfig m = configs.get(i);
      c[i] = m.budget();
      p[i] = m.params();
      d[i] = m.tokens();
      l[i] = E + A / Math.pow(p[i], ALPHA) + B / Math.pow(d[i], BETA);
      u[i] = m.runKey();
    }
    return new Design(c, p, d, l, u);
  }

  /** Coverage of a and b at 95% over {@code reps} replicates; [coverA, coverB, sdA, meanWidthA]. */
  static double[] coverage(Approach2 method, double noise, int reps, int resamples) {
    Design x = design();
    Approach2.Result truth = method.fit(x.budget(), x.params(), x.tokens(), x.truth(), null);
    double ta = truth.params().exponent();
    double tb = truth.tokens().exponent();
    int n = x.truth().length;
    int coverA = 0;
    int coverB = 0;
    double s1 = 0;
    double s2 = 0;
    double width = 0;
    for (int r = 0; r < reps; r++) {
      double[] loss = new double[n];
      for (int i = 0; i < n; i++) {
        loss[i] = x.truth()[i] * Math.exp(noise * KeyedRandom.gaussian(Keys.of(17, r, x.units()[i])));
      }
      Approach2.Result full = method.fit(x.budget(), x.params(), x.tokens(), loss, null);
      double[] da = new double[resamples];
      double[] db = new double[resamples];
      Resampler rs = new Resampler(1000 + r, WeightKind.POISSON);
      double[] w = new double[n];
      for (int b = 0; b < resamples; b++) {
        rs.runWeights(5, x.units(), b, w);
        Approach2.Result a2 = method.fit(x.budget(), x.params(), x.tokens(), loss, w);
        da[b] = a2.params().exponent();
        db[b] = a2.tokens().exponent();
      }
      Interval ia = BootstrapSummary.of(full.params().exponent(), da, null, 0.95).percentile();
      Interval ib = BootstrapSummary.of(full.tokens().exponent(), db, null, 0.95).percentile();
      coverA += ia.low() <= ta && ta <= ia.high() ? 1 : 0;
      coverB += ib.low() <= tb && tb <= ib.high() ? 1 : 0;
      s1 += full.params().exponent();
      s2 += full.params().exponent() * full.params().exponent();
      width += ia.high() - ia.low();
    }
    double mean = s1 / reps;
    System.out.printf("%s, noise %.3f: noiseless a %.4f, b %.4f; mean estimate of a %.4f%n", method.method(), noise,
        ta, tb, mean);
    return new double[] {coverA / (double) reps, coverB / (double) reps, Math.sqrt(s2 / reps - mean * mean),
        width / reps};
  }

  @Test
  void leastSquaresAllocationIntervalsCoverNominallyOnTheExampleDesign() {
    int reps = 400;
    double[] ls = coverage(Approach2.leastSquares(), EXAMPLE_NOISE, reps, 200);
    System.out.printf("least squares: coverage a %.3f, b %.3f; sd(a) %.4f; mean width %.4f%n", ls[0], ls[1], ls[2],
        ls[3]);
    // Monte Carlo sd of a coverage near 0.95 over 400 replicates: sqrt(0.95·0.05/400) = 0.011
    assertThat(ls[0]).isBetween(0.93 - 0.022, 0.97 + 0.022);
    assertThat(ls[1]).isBetween(0.93 - 0.022, 0.97 + 0.022);
  }

  @Test
  @Tag("slow")
  void scaleAwareHuberIsNoBetterThanLeastSquares() {
    double[] ls = coverage(Approach2.leastSquares(), 0.01, 400, 200);
    double[] hu = coverage(Approach2.of(ParabolaLoss.SCALE_AWARE_HUBER), 0.01, 200, 200);
    System.out.printf("LS: cov %.3f/%.3f sd %.4f w %.4f; Huber: cov %.3f/%.3f sd %.4f w %.4f; fixed 1e-3: %s%n", ls[0],
        ls[1], ls[2], ls[3], hu[0], hu[1], hu[2], hu[3],
        java.util.Arrays.toString(coverage(Approach2.huber(1e-3), 0.01, 200, 200)));
    assertThat(hu[2]).isGreaterThan(0.9 * ls[2]);
  }
}
