package org.scalesweep.fit;

import java.io.Serializable;

/**
 * Accumulates the {@link LogisticSums} of item rows at fixed coefficients (a, b): each sum is a
 * {@link FixedPointSum}, so the result is the same to the bit whatever the order of the rows and
 * however they were split into partial accumulators ({@link #merge}). A Spark job (or any other
 * data source) feeds it rows and merges the partial accumulators; lib's
 * {@link ItemLogisticFitter} drives the iterations.
 *
 * <p>Per row: one {@code exp}, one {@code log}, one division and six fixed-point additions.
 */
public final class LogisticSumsAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;
  private final double a;
  private final double b;
  private long items;
  private long positives;
  private final FixedPointSum ll = new FixedPointSum();
  private final FixedPointSum r = new FixedPointSum();
  private final FixedPointSum rx = new FixedPointSum();
  private final FixedPointSum w = new FixedPointSum();
  private final FixedPointSum wx = new FixedPointSum();
  private final FixedPointSum wxx = new FixedPointSum();

  /** An empty accumulator at p = σ(a − b·x). */
  public LogisticSumsAccumulator(double a, double b) {
    this.a = a;
    this.b = b;
  }

  /** Adds one row: x = ln loss, y the label. */
  public void add(double x, boolean y) {
    double z = a - b * x;
    double e = Math.exp(-Math.abs(z));
    double d = 1 + e;
    double s = 1 / d; // σ(|z|)
    double p = z >= 0 ? s : e * s;
    double q = z >= 0 ? e * s : s;
    double softplus = Math.max(z, 0) + Math.log(d); // ln(1 + e^z)
    double res = y ? q : -p;
    double wt = e * s * s; // p(1 - p)
    items++;
    if (y) {
      positives++;
      ll.add(z - softplus);
    } else {
      ll.add(-softplus);
    }
    r.add(res);
    rx.add(res * x);
    w.add(wt);
    wx.add(wt * x);
    wxx.add(wt * x * x);
  }

  /** Adds rows that share one label. */
  public void addAll(double[] x, int from, int to, boolean y) {
    for (int i = from; i < to; i++) {
      add(x[i], y);
    }
  }

  /** Adds another accumulator's rows (same coefficients required). */
  public LogisticSumsAccumulator merge(LogisticSumsAccumulator o) {
    if (Double.compare(a, o.a) != 0 || Double.compare(b, o.b) != 0) {
      throw new IllegalArgumentException("cannot merge sums at (a, b) = (" + a + ", " + b + ") with sums at ("
          + o.a + ", " + o.b + ")");
    }
    items += o.items;
    positives += o.positives;
    ll.merge(o.ll);
    r.merge(o.r);
    rx.merge(o.rx);
    w.merge(o.w);
    wx.merge(o.wx);
    wxx.merge(o.wxx);
    return this;
  }

  /** The sums so far. */
  public LogisticSums sums() {
    return new LogisticSums(items, positives, ll.value(), r.value(), rx.value(), w.value(), wx.value(), wxx.value());
  }
}
