package org.scalesweep.relative;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Fieller-type confidence set for the log10 crossover compute x = a/d of two contrasts with a
 * common baseline, a = log10(γ1/γ2) and d = Δβ2 − Δβ1: the x whose test of a − x·d = 0 is not
 * rejected, {x : (a − x·d)² ≤ z²·Var(a − x·d)}, with Var from the bootstrap covariance of (a, d).
 * Unlike percentiles of the ratio of the drawn a and d, it is honest when d is near 0: if the slopes do not differ
 * significantly (d² ≤ z²·Var d) the set is unbounded, the union of two rays or the whole line.
 *
 * @param shape bounded interval, two rays, or the whole line
 * @param low lower end of the interval, or the end of the left ray (−∞, low] (NaN when unbounded)
 * @param high upper end of the interval, or the start of the right ray [high, ∞) (NaN when unbounded)
 */
public record CrossoverSet(Shape shape, double low, double high) {
  /** What the set looks like. */
  public enum Shape {
    /** [low, high]: the slopes differ significantly. */
    BOUNDED("bounded"),
    /** (−∞, low] ∪ [high, ∞): the slopes do not differ significantly, but no crossover lies in (low, high). */
    RAYS("rays"),
    /** The whole line: nothing is known about where the curves cross. */
    UNBOUNDED("unbounded"),
    /** The estimates are not finite. */
    NOT_ESTIMABLE("not_estimable");

    private final String key;

    Shape(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** The set from the estimates and the (co)variances of a and d at confidence {@code level}. */
  public static CrossoverSet fieller(double a, double d, double varA, double covAD, double varD, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), got " + level);
    }
    return fiellerAt(a, d, varA, covAD, varD, NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2));
  }

  /**
   * The set from the estimates, the (co)variances of a and d and a critical value (a normal
   * quantile, or a t quantile when the variances are estimated on few degrees of freedom).
   */
  public static CrossoverSet fiellerAt(double a, double d, double varA, double covAD, double varD, double critical) {
    if (!(critical > 0)) {
      throw new IllegalArgumentException("critical value must be > 0, got " + critical);
    }
    if (!(Double.isFinite(a) && Double.isFinite(d) && Double.isFinite(varA) && Double.isFinite(covAD)
        && Double.isFinite(varD))) {
      return new CrossoverSet(Shape.NOT_ESTIMABLE, Double.NaN, Double.NaN);
    }
    double z2 = critical * critical;
    // (a − x d)² − z²(varA − 2x cov + x² varD) ≤ 0  ⇔  qa x² + qb x + qc ≤ 0
    double qa = d * d - z2 * varD;
    double qb = -2 * (a * d - z2 * covAD);
    double qc = a * a - z2 * varA;
    double disc = qb * qb - 4 * qa * qc;
    if (qa > 0) {
      double s = Math.sqrt(Math.max(0, disc));
      return new CrossoverSet(Shape.BOUNDED, (-qb - s) / (2 * qa), (-qb + s) / (2 * qa));
    }
    if (qa < 0 && disc > 0) {
      double s = Math.sqrt(disc);
      double r1 = (-qb + s) / (2 * qa);
      double r2 = (-qb - s) / (2 * qa);
      return new CrossoverSet(Shape.RAYS, Math.min(r1, r2), Math.max(r1, r2));
    }
    return new CrossoverSet(Shape.UNBOUNDED, Double.NaN, Double.NaN);
  }

  /** The set from the estimates and paired bootstrap draws of a and d (pairs with a non-finite value are skipped). */
  public static CrossoverSet fieller(double a, double d, double[] drawsA, double[] drawsD, double level) {
    double sa = 0;
    double sd = 0;
    int n = 0;
    for (int i = 0; i < drawsA.length; i++) {
      if (Double.isFinite(drawsA[i]) && Double.isFinite(drawsD[i])) {
        sa += drawsA[i];
        sd += drawsD[i];
        n++;
      }
    }
    if (n < 2) {
      return new CrossoverSet(Shape.NOT_ESTIMABLE, Double.NaN, Double.NaN);
    }
    double ma = sa / n;
    double md = sd / n;
    double vaa = 0;
    double vad = 0;
    double vdd = 0;
    for (int i = 0; i < drawsA.length; i++) {
      if (Double.isFinite(drawsA[i]) && Double.isFinite(drawsD[i])) {
        double ea = drawsA[i] - ma;
        double ed = drawsD[i] - md;
        vaa += ea * ea;
        vad += ea * ed;
        vdd += ed * ed;
      }
    }
    return fieller(a, d, vaa / (n - 1), vad / (n - 1), vdd / (n - 1), level);
  }

  /** Whether x lies in the set. */
  public boolean contains(double x) {
    return switch (shape) {
      case BOUNDED -> x >= low && x <= high;
      case RAYS -> x <= low || x >= high;
      case UNBOUNDED -> true;
      case NOT_ESTIMABLE -> false;
    };
  }
}
