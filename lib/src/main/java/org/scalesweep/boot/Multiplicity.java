package org.scalesweep.boot;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiplicity adjustments of a family of p-values (e.g. the contrasts of one case study). NaN
 * p-values (contrasts without a test) are not members of the family and stay NaN.
 */
public final class Multiplicity {
  private Multiplicity() {}

  /**
   * Benjamini–Hochberg q-values: q_(i) = min over j ≥ i of min(1, m·p_(j)/j), p sorted ascending,
   * m the finite p-values. Rejecting q &lt; α controls the false discovery rate at α (independent
   * or positively dependent tests).
   */
  public static double[] benjaminiHochberg(double[] p) {
    Integer[] order = sortedFinite(p);
    int m = order.length;
    double[] q = new double[p.length];
    Arrays.fill(q, Double.NaN);
    double running = 1;
    for (int i = m - 1; i >= 0; i--) {
      running = Math.min(running, Math.min(1, m * p[order[i]] / (i + 1)));
      q[order[i]] = running;
    }
    return q;
  }

  /**
   * Holm's step-down adjusted p-values: p̃_(i) = max over j ≤ i of min(1, (m − j + 1)·p_(j)).
   * Rejecting p̃ &lt; α controls the family-wise error rate at α under any dependence.
   */
  public static double[] holm(double[] p) {
    Integer[] order = sortedFinite(p);
    int m = order.length;
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    double running = 0;
    for (int i = 0; i < m; i++) {
      running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
      out[order[i]] = running;
    }
    return out;
  }

  private static Integer[] sortedFinite(double[] p) {
    for (double v : p) {
      if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException("p-values must lie in [0, 1] (or be NaN), got " + v);
      }
    }
    return IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
        .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
  }
}
