package org.scalesweep.relative;

/**
 * A straight line y = ȳ + slope·(x − x̄) fitted by weighted least squares over the points with a
 * positive weight (weight 0 leaves a point out): the budget-level regressions of the analytical
 * Δβ tests and their crossover sets.
 *
 * @param n points used
 * @param sumWeights Σw
 * @param meanX weighted mean x̄ of x
 * @param meanY weighted mean ȳ of y
 * @param sxx Σw(x − x̄)²
 * @param slope Σw(x − x̄)(y − ȳ)/sxx
 * @param rss weighted residual sum of squares Σw·e²
 */
record WeightedLine(int n, double sumWeights, double meanX, double meanY, double sxx, double slope, double rss) {

  static WeightedLine fit(double[] x, double[] y, double[] w) {
    int n = 0;
    double sw = 0;
    double mx = 0;
    double my = 0;
    for (int j = 0; j < x.length; j++) {
      if (w[j] > 0) {
        n++;
        sw += w[j];
        mx += w[j] * x[j];
        my += w[j] * y[j];
      }
    }
    mx /= sw;
    my /= sw;
    double sxx = 0;
    double sxy = 0;
    for (int j = 0; j < x.length; j++) {
      if (w[j] > 0) {
        double dx = x[j] - mx;
        sxx += w[j] * dx * dx;
        sxy += w[j] * dx * (y[j] - my);
      }
    }
    double b = sxy / sxx;
    double rss = 0;
    for (int j = 0; j < x.length; j++) {
      if (w[j] > 0) {
        double e = y[j] - my - b * (x[j] - mx);
        rss += w[j] * e * e;
      }
    }
    return new WeightedLine(n, sw, mx, my, sxx, b, rss);
  }

  /** The intercept at x = 0. */
  double intercept() {
    return meanY - slope * meanX;
  }

  /** The residual variance rss/(n − 2). */
  double residualVariance() {
    return rss / (n - 2);
  }
}
