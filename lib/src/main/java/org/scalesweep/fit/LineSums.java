package org.scalesweep.fit;

/**
 * Weighted sufficient statistics of a straight-line fit y = c + s·x: Σw, Σw·x, Σw·y, Σw·x², Σw·x·y
 * (and Σw·y² for R²). A bootstrap resample costs one pass of {@link #add} per point, no refit.
 * x is shifted by a fixed reference to keep the sums well conditioned (log-FLOPs are ≈ 40–50).
 * Mutable by design: one instance is reused per resample in hot loops.
 */
public final class LineSums {
  private final double shift;
  private double sw;
  private double sx;
  private double sy;
  private double sxx;
  private double sxy;
  private double syy;
  private int n;

  /** Sums with x measured from {@code shift}. */
  public LineSums(double shift) {
    this.shift = shift;
  }

  public LineSums reset() {
    sw = sx = sy = sxx = sxy = syy = 0;
    n = 0;
    return this;
  }

  /** Adds a point with weight w (w = 0 is a no-op). */
  public void add(double x, double y, double w) {
    if (w == 0) {
      return;
    }
    double xs = x - shift;
    sw += w;
    sx += w * xs;
    sy += w * y;
    sxx += w * xs * xs;
    sxy += w * xs * y;
    syy += w * y * y;
    n++;
  }

  /** Points added with positive weight. */
  public int count() {
    return n;
  }

  /** Weighted variance numerator of x: Σw·Σwx² − (Σwx)². Zero means no slope is identifiable. */
  public double spreadX() {
    return sw * sxx - sx * sx;
  }

  /** Least-squares slope s (NaN when x has no spread). */
  public double slope() {
    double den = spreadX();
    return den > 1e-300 * sw * sw ? (sw * sxy - sx * sy) / den : Double.NaN;
  }

  /** Least-squares intercept c at x = 0 (unshifted). */
  public double intercept() {
    double s = slope();
    return (sy - s * sx) / sw - s * shift;
  }

  /** Weighted residual sum of squares of the least-squares line. */
  public double residualSumOfSquares() {
    double s = slope();
    double ssTot = syy - sy * sy / sw;
    double ssReg = s * (sxy - sx * sy / sw);
    return Math.max(0, ssTot - ssReg);
  }

  /** Coefficient of determination of the line against y. */
  public double rSquared() {
    double s = slope();
    double ssTot = syy - sy * sy / sw;
    double ssReg = s * (sxy - sx * sy / sw);
    return ssTot > 0 ? ssReg / ssTot : Double.NaN;
  }
}
