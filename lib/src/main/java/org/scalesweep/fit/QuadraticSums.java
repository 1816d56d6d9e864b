package org.scalesweep.fit;

/**
 * Weighted sufficient statistics of a parabola y = c0 + c1·u + c2·u² with u = x − shift:
 * Σw·u^k (k = 0…4) and Σw·u^k·y (k = 0…2). The 3×3 normal equations are solved in closed form
 * (Cramer's rule on centred u), which is what keeps a bootstrap resample O(points) with no
 * allocation. Mutable by design; reuse one instance per resample.
 */
public final class QuadraticSums {
  private final double shift;
  private final double[] s = new double[5];
  private final double[] t = new double[3];
  private int n;
  private double minX = Double.POSITIVE_INFINITY;
  private double maxX = Double.NEGATIVE_INFINITY;
  private double firstX = Double.NaN;
  private boolean distinct3;
  private double secondX = Double.NaN;

  public QuadraticSums(double shift) {
    this.shift = shift;
  }

  public QuadraticSums reset() {
    java.util.Arrays.fill(s, 0);
    java.util.Arrays.fill(t, 0);
    n = 0;
    minX = Double.POSITIVE_INFINITY;
    maxX = Double.NEGATIVE_INFINITY;
    firstX = Double.NaN;
    secondX = Double.NaN;
    distinct3 = false;
    return this;
  }

  /** Adds (x, y) with weight w; w = 0 is a no-op. */
  public void add(double x, double y, double w) {
    if (w == 0) {
      return;
    }
    double u = x - shift;
    double u2 = u * u;
    s[0] += w;
    s[1] += w * u;
    s[2] += w * u2;
    s[3] += w * u2 * u;
    s[4] += w * u2 * u2;
    t[0] += w * y;
    t[1] += w * u * y;
    t[2] += w * u2 * y;
    n++;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    if (Double.isNaN(firstX)) {
      firstX = x;
    } else if (x != firstX && Double.isNaN(secondX)) {
      secondX = x;
    } else if (x != firstX && x != secondX) {
      distinct3 = true;
    }
  }

  public int count() {
    return n;
  }

  /** True when at least three distinct x have positive weight (a parabola is identified). */
  public boolean identified() {
    return distinct3;
  }

  public double minX() {
    return minX;
  }

  public double maxX() {
    return maxX;
  }

  /**
   * Coefficients (c0, c1, c2) in terms of u = x − shift, written into {@code out}; false when the
   * parabola is not identified or the system is singular.
   */
  public boolean solve(double[] out) {
    return distinct3 && solve(s, t, out);
  }

  /**
   * The closed-form solve on raw sums: {@code s} = Σw·u^k (k = 0…4), {@code t} = Σw·u^k·y
   * (k = 0…2). For callers that keep the sums in their own arrays (the bootstrap shares the
   * weight sums between subgroups); they check identification themselves.
   */
  public static boolean solve(double[] s, double[] t, double[] out) {
    double a00 = s[0], a01 = s[1], a02 = s[2], a11 = s[2], a12 = s[3], a22 = s[4];
    double det = a00 * (a11 * a22 - a12 * a12) - a01 * (a01 * a22 - a12 * a02) + a02 * (a01 * a12 - a11 * a02);
    double scale = a00 * a11 * a22;
    if (!(Math.abs(det) > 1e-13 * Math.abs(scale))) {
      return false;
    }
    double b0 = t[0], b1 = t[1], b2 = t[2];
    double d0 = b0 * (a11 * a22 - a12 * a12) - a01 * (b1 * a22 - a12 * b2) + a02 * (b1 * a12 - a11 * b2);
    double d1 = a00 * (b1 * a22 - a12 * b2) - b0 * (a01 * a22 - a12 * a02) + a02 * (a01 * b2 - b1 * a02);
    double d2 = a00 * (a11 * b2 - b1 * a12) - a01 * (a01 * b2 - b1 * a02) + b0 * (a01 * a12 - a11 * a02);
    out[0] = d0 / det;
    out[1] = d1 / det;
    out[2] = d2 / det;
    return true;
  }

  /** The shift of u. */
  public double shift() {
    return shift;
  }
}
