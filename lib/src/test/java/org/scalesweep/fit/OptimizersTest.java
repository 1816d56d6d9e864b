package org.scalesweep.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OptimizersTest {
  /** Rosenbrock's banana, minimum 0 at (1, 1). */
  private static final DifferentiableFunction ROSENBROCK = new DifferentiableFunction() {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public double evaluate(double[] x, double[] g) {
      double a = 1 - x[0];
      double b = x[1] - x[0] * x[0];
      if (g != null) {
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
      }
      return a * a + 100 * b * b;
    }
  };

  @Test
  void lbfgsSolvesRosenbrock() {
    OptimizationResult r = Lbfgs.defaults().minimize(ROSENBROCK, new double[] {-1.2, 1});
    assertThat(r.converged()).as(r.convergence().toString()).isTrue();
    assertThat(r.point()[0]).isCloseTo(1, within(1e-6));
    assertThat(r.point()[1]).isCloseTo(1, within(1e-6));
    assertThat(r.iterations()).isLessThan(100);
  }

  @Test
  void lbfgsReportsNonFiniteStarts() {
    DifferentiableFunction bad = new DifferentiableFunction() {
      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public double evaluate(double[] x, double[] g) {
        g[0] = Double.NaN;
        return Double.NaN;
      }
    };
    assertThat(Lbfgs.defaults().minimize(bad, new double[] {0}).convergence()).isEqualTo(Convergence.NON_FINITE);
  }

  @Test
  void levenbergMarquardtFitsAnExponentialDecayExactly() {
    double[] t = {0, 1, 2, 3, 4, 5, 6};
    double[] y = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      y[i] = 3.0 * Math.exp(-0.7 * t[i]) + 0.5;
    }
    ResidualModel m = new ResidualModel() {
      @Override
      public int parameters() {
        return 3;
      }

      @Override
      public int size() {
        return t.length;
      }

      @Override
      public void evaluate(double[] p, double[] r, double[][] jac) {
        for (int i = 0; i < t.length; i++) {
          double e = Math.exp(-p[1] * t[i]);
          r[i] = p[0] * e + p[2] - y[i];
          if (jac != null) {
            jac[i][0] = e;
            jac[i][1] = -p[0] * t[i] * e;
            jac[i][2] = 1;
          }
        }
      }
    };
    OptimizationResult r = LevenbergMarquardt.defaults().minimize(m, null, RobustLoss.squared(), new double[] {1, 0.1, 0});
    assertThat(r.point()[0]).isCloseTo(3.0, within(1e-9));
    assertThat(r.point()[1]).isCloseTo(0.7, within(1e-9));
    assertThat(r.point()[2]).isCloseTo(0.5, within(1e-9));
    assertThat(r.value()).isLessThan(1e-20);
  }

  @Test
  void huberLossIsQuadraticInsideAndLinearOutside() {
    RobustLoss h = RobustLoss.huber(1e-3);
    assertThat(h.rho(5e-4)).isCloseTo(0.5 * 25e-8, within(1e-20));
    assertThat(h.rho(-2e-3)).isCloseTo(1e-3 * (2e-3 - 5e-4), within(1e-20));
    assertThat(h.psi(1)).isEqualTo(1e-3);
    assertThat(h.weight(2e-3)).isEqualTo(0.5);
    // the curvature rho'': 1 on the quadratic piece (its boundary included), 0 on the linear ones
    assertThat(h.curvature(5e-4)).isEqualTo(1);
    assertThat(h.curvature(-1e-3)).isEqualTo(1);
    assertThat(h.curvature(2e-3)).isEqualTo(0);
    assertThat(h.curvature(-1)).isEqualTo(0);
    assertThat(RobustLoss.squared().curvature(7)).isEqualTo(1);
  }

  @Test
  void leastSquaresUsesQrAndDetectsRankDeficiency() {
    double[][] a = {{1, 1}, {1, 2}, {1, 3}};
    double[] x = LeastSquares.solve(a, new double[] {1, 2, 2});
    assertThat(x[0]).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(x[1]).isCloseTo(0.5, within(1e-12));
    assertThat(LeastSquares.solve(new double[][] {{1, 2}, {2, 4}, {3, 6}}, new double[] {1, 2, 3})).isNull();
  }
}
