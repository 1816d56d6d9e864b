package org.scalesweep.boot;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** Bootstrap intervals and quantiles from resampled values. */
public final class Intervals {
  private static final NormalDistribution STD_NORMAL = NormalDistribution.of(0, 1);

  private Intervals() {}

  /** Finite values, sorted ascending (NaN resamples are dropped). */
  public static double[] sortedFinite(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
  }

  /** Quantile q of sorted values by linear interpolation between order statistics (type 7). */
  public static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile level must lie in [0, 1], got " + q);
    }
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Percentile interval at {@code level} (e.g. 0.95). */
  public static Interval percentile(double[] sorted, double level) {
    checkLevel(level);
    double a = (1 - level) / 2;
    return new Interval(quantile(sorted, a), quantile(sorted, 1 - a), level, IntervalMethod.PERCENTILE);
  }

  /**
   * Expanded percentile interval from {@code units} independent resampling units and
   * {@code parameters} fitted parameters (see {@link IntervalMethod#EXPANDED}); the plain percentile
   * interval (labelled so) when fewer than parameters + 2 units leave no degrees of freedom.
   */
  public static Interval expanded(double[] sorted, double level, int units, int parameters) {
    checkLevel(level);
    int df = units - parameters;
    if (parameters < 1 || df < 2) {
      Interval p = percentile(sorted, level);
      return new Interval(p.low(), p.high(), level, IntervalMethod.PERCENTILE);
    }
    double t = TDistribution.of(df).inverseCumulativeProbability(1 - (1 - level) / 2);
    double tail = STD_NORMAL.cumulativeProbability(-Math.sqrt(units / (double) df) * t);
    return new Interval(quantile(sorted, tail), quantile(sorted, 1 - tail), level, IntervalMethod.EXPANDED);
  }

  /**
   * BCa interval. z0 = Φ⁻¹(#{θ* &lt; θ̂} + ½#{θ* = θ̂})/B; a = Σ(θ̄ − θ_(i))³ / (6·(Σ(θ̄ − θ_(i))²)^{3/2})
   * from leave-one-unit-out estimates θ_(i). Falls back to the percentile interval when the
   * jackknife is unavailable or degenerate.
   */
  public static Interval bca(double[] sorted, double estimate, double[] jackknife, double level) {
    checkLevel(level);
    if (sorted.length == 0 || !Double.isFinite(estimate)) {
      return new Interval(Double.NaN, Double.NaN, level, IntervalMethod.BCA);
    }
    double below = 0;
    for (double v : sorted) {
      if (v < estimate) {
        below++;
      } else if (v == estimate) {
        below += 0.5;
      }
    }
    double frac = below / sorted.length;
    frac = Math.min(Math.max(frac, 0.5 / sorted.length), 1 - 0.5 / sorted.length);
    double z0 = STD_NORMAL.inverseCumulativeProbability(frac);
    double acc = acceleration(jackknife);
    if (!Double.isFinite(acc)) {
      Interval p = percentile(sorted, level);
      return new Interval(p.low(), p.high(), level, IntervalMethod.PERCENTILE);
    }
    double zl = STD_NORMAL.inverseCumulativeProbability((1 - level) / 2);
    double zh = -zl;
    double ql = STD_NORMAL.cumulativeProbability(z0 + (z0 + zl) / (1 - acc * (z0 + zl)));
    double qh = STD_NORMAL.cumulativeProbability(z0 + (z0 + zh) / (1 - acc * (z0 + zh)));
    return new Interval(quantile(sorted, ql), quantile(sorted, qh), level, IntervalMethod.BCA);
  }

  /** Jackknife acceleration; NaN when fewer than 3 finite values or no spread. */
  public static double acceleration(double[] jackknife) {
    if (jackknife == null) {
      return Double.NaN;
    }
    double[] v = Arrays.stream(jackknife).filter(Double::isFinite).toArray();
    if (v.length < 3) {
      return Double.NaN;
    }
    double mean = Arrays.stream(v).average().orElse(Double.NaN);
    double s2 = 0;
    double s3 = 0;
    for (double x : v) {
      double d = mean - x;
      s2 += d * d;
      s3 += d * d * d;
    }
    return s2 > 0 ? s3 / (6 * Math.pow(s2, 1.5)) : Double.NaN;
  }

  /** Bootstrap standard error (sample standard deviation of finite values). */
  public static double standardError(double[] values) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
    if (v.length < 2) {
      return Double.NaN;
    }
    double mean = Arrays.stream(v).average().orElse(Double.NaN);
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (v.length - 1));
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), got " + level);
    }
  }
}
