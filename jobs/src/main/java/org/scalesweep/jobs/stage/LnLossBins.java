package org.scalesweep.jobs.stage;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.scalesweep.fit.FixedPointSum;

/**
 * Item rows aggregated into bins of ln loss, bin = ⌊ln loss / width⌋: per bin the rows, the correct
 * ones and the sum of their ln losses (a {@link FixedPointSum}, so the bins are the same to the bit
 * however the rows were partitioned). Mergeable partial bins, built per cached chunk.
 */
final class LnLossBins implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One bin's sums. */
  static final class Bin implements Serializable {
    private static final long serialVersionUID = 1L;
    long n;
    long k;
    final FixedPointSum lnLoss = new FixedPointSum();
  }

  /** Largest key range of a dense pass. */
  private static final long DENSE = 1 << 20;
  private final double width;
  private final TreeMap<Long, Bin> bins = new TreeMap<>();
  private long dropped;
  // the last bin touched: consecutive rows of a chunk often share it
  private transient long lastKey = Long.MIN_VALUE;
  private transient Bin last;

  LnLossBins(double width) {
    this.width = width;
  }

  void add(double lnLoss, boolean correct) {
    long key = key(lnLoss);
    Bin b = key == lastKey && last != null ? last : bins.computeIfAbsent(key, x -> new Bin());
    lastKey = key;
    last = b;
    b.n++;
    if (correct) {
      b.k++;
    }
    b.lnLoss.add(lnLoss);
  }

  /** Adds rows that share a label: through a dense array of bins when their range is small. */
  void addAll(double[] lnLoss, boolean correct) {
    if (lnLoss.length == 0) {
      return;
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (double x : lnLoss) {
      long key = key(x);
      lo = Math.min(lo, key);
      hi = Math.max(hi, key);
    }
    if (hi - lo >= DENSE) {
      for (double x : lnLoss) {
        add(x, correct);
      }
      return;
    }
    int m = (int) (hi - lo + 1);
    long[] n = new long[m];
    FixedPointSum[] s = new FixedPointSum[m];
    for (double x : lnLoss) {
      int i = (int) (key(x) - lo);
      if (s[i] == null) {
        s[i] = new FixedPointSum();
      }
      n[i]++;
      s[i].add(x);
    }
    for (int i = 0; i < m; i++) {
      if (n[i] > 0) {
        Bin b = bins.computeIfAbsent(lo + i, x -> new Bin());
        b.n += n[i];
        if (correct) {
          b.k += n[i];
        }
        b.lnLoss.merge(s[i]);
      }
    }
  }

  private long key(double lnLoss) {
    return (long) Math.floor(lnLoss / width);
  }

  void addDropped(long rows) {
    dropped += rows;
  }

  LnLossBins merge(LnLossBins o) {
    for (Map.Entry<Long, Bin> e : o.bins.entrySet()) {
      Bin b = bins.computeIfAbsent(e.getKey(), x -> new Bin());
      b.n += e.getValue().n;
      b.k += e.getValue().k;
      b.lnLoss.merge(e.getValue().lnLoss);
    }
    dropped += o.dropped;
    last = null;
    return this;
  }

  /** The bins in ascending ln loss. */
  TreeMap<Long, Bin> bins() {
    return bins;
  }

  long dropped() {
    return dropped;
  }
}
