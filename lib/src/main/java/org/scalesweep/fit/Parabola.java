package org.scalesweep.fit;

/**
 * y = c0 + c1·u + c2·u² with u = x − shift. For IsoFLOP curves x is log10 of tokens or params.
 */
public record Parabola(double c0, double c1, double c2, double shift) {

  /** From solved sums; null when not identified. */
  public static Parabola of(QuadraticSums sums) {
    double[] c = new double[3];
    return sums.solve(c) ? new Parabola(c[0], c[1], c[2], sums.shift()) : null;
  }

  public double at(double x) {
    double u = x - shift;
    return c0 + c1 * u + c2 * u * u;
  }

  /** True when the parabola opens upward (has a minimum). */
  public boolean convex() {
    return c2 > 0;
  }

  /** x of the vertex, −c1/(2·c2) + shift. */
  public double vertex() {
    return shift - c1 / (2 * c2);
  }
}
