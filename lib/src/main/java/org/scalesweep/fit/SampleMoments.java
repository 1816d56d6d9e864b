package org.scalesweep.fit;

/**
 * Pearson's correlation and the least-squares slope of two paired samples, from centred second
 * moments (two passes, so no cancellation for data far from zero). Pairs where either value is not
 * finite are left out; fewer than three complete pairs, or a constant sample, give NaN.
 */
public final class SampleMoments {
  private final double sxy;
  private final double sxx;
  private final double syy;
  private final int n;

  private SampleMoments(double sxy, double sxx, double syy, int n) {
    this.sxy = sxy;
    this.sxx = sxx;
    this.syy = syy;
    this.n = n;
  }

  /** The centred moments of the complete pairs of x and y (equally long). */
  public static SampleMoments of(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("samples must be equally long, got " + x.length + " and " + y.length);
    }
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        sx += x[i];
        sy += y[i];
        n++;
      }
    }
    double mx = sx / n;
    double my = sy / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
      }
    }
    return new SampleMoments(sxy, sxx, syy, n);
  }

  /** Pearson's correlation of x and y. */
  public static double pearson(double[] x, double[] y) {
    return of(x, y).correlation();
  }

  /** Complete pairs used. */
  public int count() {
    return n;
  }

  /** Pearson's correlation (NaN with fewer than three pairs or a constant sample). */
  public double correlation() {
    return n < 3 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /** Least-squares slope of y on x (NaN with fewer than three pairs or a constant x). */
  public double slope() {
    return n < 3 ? Double.NaN : sxy / sxx;
  }
}
