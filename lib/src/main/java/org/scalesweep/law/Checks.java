package org.scalesweep.law;

/** Argument checks whose messages carry the offending name and value. */
final class Checks {
  private Checks() {}

  static double finite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite, got " + v);
    }
    return v;
  }

  static double positive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be a positive finite number, got " + v);
    }
    return v;
  }

  static double nonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be a non-negative finite number, got " + v);
    }
    return v;
  }
}
