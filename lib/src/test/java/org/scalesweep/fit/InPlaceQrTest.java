package org.scalesweep.fit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.KeyedRandom;
import org.scalesweep.sim.Keys;

/**
 * {@link InPlaceQr} solves the same least-squares problems as ojAlgo's QR ({@link LeastSquares}), and
 * Levenberg–Marquardt with either {@link LinearSolve} reaches the same Approach 3 optimum.
 */
class InPlaceQrTest {
  @Test
  void solvesLikeOjAlgosQr() {
    int m = 245;
    int n = 5;
    InPlaceQr qr = new InPlaceQr(m, n);
    double[] x = new double[n];
    for (long seed = 0; seed < 20; seed++) {
      double[][] a = new double[m][n];
      double[] b = new double[m];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          a[i][j] = KeyedRandom.gaussian(Keys.of(seed, i, j));
        }
        b[i] = KeyedRandom.gaussian(Keys.of(seed, i, -1));
      }
      double[] ref = LeastSquares.solve(a, b);
      assertThat(qr.solve(a, b, x)).isTrue();
      // well-conditioned Gaussian columns: both are backward stable, so they agree to a few ulps of ‖x‖
      assertThat(maxAbsDiff(x, ref)).as("seed " + seed).isLessThan(1e-13 * norm(ref));
    }
  }

  @Test
  void approach3StepSystemsGiveTheSameResidual() {
    // the damped Jacobian of a Levenberg–Marquardt step on 240 points: columns s1, s2, s3, −s1·ln N, −s2·ln D
    // are nearly collinear (condition ~1e4), so compare what the step minimises, the residual norm
    double[][] p = Approach3MethodTest.points(12, 20, 0.02, 240); // the benchmark's 240 points
    JointLawResiduals model = new JointLawResiduals(p[0], p[1], p[2]);
    int m = p[0].length;
    double[] r = new double[m];
    double[][] jac = new double[m][5];
    model.evaluate(JointLawFitter.toX(JointLaw.SEED_000_TRUTH), r, jac);
    double[][] a = new double[m + 5][];
    double[] b = new double[m + 5];
    for (int i = 0; i < m; i++) {
      a[i] = jac[i].clone();
      b[i] = -r[i];
    }
    for (int j = 0; j < 5; j++) {
      a[m + j] = new double[5];
      a[m + j][j] = 1e-3;
    }
    double[] ref = LeastSquares.solve(a, b);
    double[] x = new double[5];
    assertThat(new InPlaceQr(m + 5, 5).solve(a, b, x)).isTrue();
    double rr = residualNorm(a, b, ref);
    assertThat(Math.abs(residualNorm(a, b, x) - rr)).isLessThan(1e-12 * rr);
    assertThat(maxAbsDiff(x, ref)).isLessThan(1e-9 * norm(ref));
  }

  @Test
  void rankDeficientSystemsAreRefused() {
    double[][] a = new double[10][3];
    double[] b = new double[10];
    for (int i = 0; i < 10; i++) {
      a[i][0] = i;
      a[i][1] = 1;
      a[i][2] = 2 * i; // twice column 0
      b[i] = i * i;
    }
    assertThat(LeastSquares.solve(a, b)).isNull();
    assertThat(new InPlaceQr(10, 3).solve(a, b, new double[3])).isFalse();
    double[][] zero = new double[4][2];
    assertThat(new InPlaceQr(4, 2).solve(zero, new double[4], new double[2])).isFalse();
  }

  @Test
  void bootstrapRefitsReachTheSameOptimumWithEitherSolve() {
    // the fit-runs benchmark's design: 240 points, Poisson(1) weights per point, warm-started refits
    double[][] p = Approach3MethodTest.points(12, 20, 0.02, 240); // the benchmark's 240 points
    JointLawFitter general = JointLawFitter.defaults();
    JointLawFitter inPlace = general.withPolish(general.polish().withLinearSolve(LinearSolve.IN_PLACE_QR));
    assertThat(inPlace.polish().linearSolve()).isEqualTo(LinearSolve.IN_PLACE_QR);
    JointLaw full = general.fit(p[0], p[1], p[2], null).law();
    Resampler resampler = new Resampler(18, WeightKind.POISSON);
    long[] unit = new long[p[0].length];
    for (int i = 0; i < unit.length; i++) {
      unit[i] = i;
    }
    double[] w = new double[unit.length];
    double worst = Double.NEGATIVE_INFINITY;
    for (long b = 0; b < 40; b++) {
      resampler.runWeights(1, unit, b, w);
      Fit<JointLaw> g = general.refit(full, p[0], p[1], p[2], w);
      Fit<JointLaw> q = inPlace.refit(full, p[0], p[1], p[2], w);
      double rel = (q.objective() - g.objective()) / g.objective();
      worst = Math.max(worst, rel);
      // both polish the same L-BFGS point to machine precision: rounding noise of the objective only
      assertThat(rel).as("resample " + b).isLessThanOrEqualTo(1e-12);
      assertThat(q.converged()).isEqualTo(g.converged());
    }
    System.out.printf("in-place vs general QR polish: worst relative objective difference %.2e%n", worst);
  }

  private static double residualNorm(double[][] a, double[] b, double[] x) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double r = -b[i];
      for (int j = 0; j < x.length; j++) {
        r += a[i][j] * x[j];
      }
      s += r * r;
    }
    return Math.sqrt(s);
  }

  private static double maxAbsDiff(double[] x, double[] y) {
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      m = Math.max(m, Math.abs(x[i] - y[i]));
    }
    return m;
  }

  private static double norm(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s);
  }
}
