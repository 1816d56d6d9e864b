package org.scalesweep.fit;

/** Validation of fit inputs; messages name the argument, the index and the bad value. */
final class Data {
  private Data() {}

  static void sameLength(String what, int n, double[]... arrays) {
    for (double[] a : arrays) {
      if (a != null && a.length != n) {
        throw new IllegalArgumentException(what + ": arrays differ in length (" + n + " vs " + a.length + ")");
      }
    }
  }

  static void positive(String name, double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] > 0) || Double.isInfinite(v[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] = " + v[i] + " must be a positive finite number");
      }
    }
  }

  static void finite(String name, double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] = " + v[i] + " must be finite");
      }
    }
  }

  static void weights(double[] w, int n) {
    if (w == null) {
      return;
    }
    if (w.length != n) {
      throw new IllegalArgumentException("weights have " + w.length + " entries for " + n + " points");
    }
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException("weights[" + i + "] = " + w[i] + " must be a non-negative finite number");
      }
    }
  }

  static void atLeast(String what, int n, int needed) {
    if (n < needed) {
      throw new IllegalArgumentException(what + " needs at least " + needed + " points, got " + n);
    }
  }

  static int positiveWeights(double[] w, int n) {
    if (w == null) {
      return n;
    }
    int k = 0;
    for (double x : w) {
      if (x > 0) {
        k++;
      }
    }
    return k;
  }

  static double weight(double[] w, int i) {
    return w == null ? 1 : w[i];
  }

  /** Number of distinct values among points with positive weight. */
  static int distinct(double[] v, double[] w) {
    return distinct(v, w, Integer.MAX_VALUE);
  }

  /**
   * Number of distinct values among points with positive weight, counted up to {@code limit} (a
   * check for "at least k" stops at the k-th: bootstrap refits ask it thousands of times).
   */
  static int distinct(double[] v, double[] w, int limit) {
    java.util.Set<Double> s = new java.util.HashSet<>();
    for (int i = 0; i < v.length && s.size() < limit; i++) {
      if (weight(w, i) > 0) {
        s.add(v[i]);
      }
    }
    return s.size();
  }

  /** Weighted R² of predictions against observations on their natural scale. */
  /** Distinct (a, b) pairs among the points with positive weight, counted up to {@code limit}. */
  static int distinctPairs(double[] a, double[] b, double[] w, int limit) {
    java.util.Set<java.util.List<Double>> s = new java.util.HashSet<>();
    for (int i = 0; i < a.length && s.size() < limit; i++) {
      if (weight(w, i) > 0) {
        s.add(java.util.List.of(a[i], b[i]));
      }
    }
    return s.size();
  }

  static double rSquared(double[] y, double[] pred, double[] w) {
    double sw = 0;
    double sy = 0;
    for (int i = 0; i < y.length; i++) {
      double wi = weight(w, i);
      sw += wi;
      sy += wi * y[i];
    }
    double mean = sy / sw;
    double ssTot = 0;
    double ssRes = 0;
    for (int i = 0; i < y.length; i++) {
      double wi = weight(w, i);
      ssTot += wi * (y[i] - mean) * (y[i] - mean);
      ssRes += wi * (y[i] - pred[i]) * (y[i] - pred[i]);
    }
    return ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot;
  }
}
