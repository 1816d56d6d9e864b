package org.scalesweep.boot;

/**
 * A two-sided confidence interval.
 *
 * @param low lower bound
 * @param high upper bound
 * @param level nominal coverage, e.g. 0.95
 * @param method how it was computed
 */
public record Interval(double low, double high, double level, IntervalMethod method) {
  public boolean contains(double x) {
    return x >= low && x <= high;
  }

  public double width() {
    return high - low;
  }
}
