package org.scalesweep.boot;

import java.util.stream.IntStream;
import org.scalesweep.sim.Keys;

/**
 * Keyed bootstrap weights of a fixed list of units (a subgroup's items, or a corpus's run
 * clusters), a block of resamples at a time, laid out units × resamples row-major (the right
 * operand of the item product). Same values as {@link Resampler#itemWeights} and
 * {@link Resampler#runWeights} resample by resample; for Poisson weights each unit's key prefix is
 * hashed once here, so a weight costs two mixes and a branch-free inversion instead of five mixes.
 */
public final class WeightBlock {
  /** One resample's weights of every unit: the per-resample path (multinomial weights). */
  interface Column {
    void fill(long resample, double[] out);
  }

  /** Weights per task below which one thread is faster than forking. */
  private static final long PARALLEL_WEIGHTS = 1L << 19;
  private static final int CHUNK = 256;

  private final int units;
  /** Keys.of(base, unit) per unit; null when weights come from {@link #column}. */
  private final long[] unitKeys;
  private final Column column;

  /** Poisson weights keyed by Keys.of(base, unit, resample). */
  WeightBlock(long base, long[] unitIds) {
    this.units = unitIds.length;
    this.unitKeys = new long[units];
    this.column = null;
    long h = Keys.of(base);
    for (int i = 0; i < units; i++) {
      unitKeys[i] = Keys.extend(h, unitIds[i]);
    }
  }

  /** Weights drawn resample by resample. */
  WeightBlock(int units, Column column) {
    this.units = units;
    this.unitKeys = null;
    this.column = column;
  }

  public int units() {
    return units;
  }

  /**
   * Writes the weights of resamples [first, first + count) into {@code out} (units × count,
   * row-major) and each resample's total weight into {@code totals}.
   */
  public void fill(long first, int count, double[] out, double[] totals) {
    java.util.Arrays.fill(totals, 0, count, 0.0);
    if (unitKeys == null) {
      double[] col = new double[units];
      for (int j = 0; j < count; j++) {
        column.fill(first + j, col);
        for (int i = 0; i < units; i++) {
          out[i * count + j] = col[i];
          totals[j] += col[i];
        }
      }
      return;
    }
    long[] parts = new long[count];
    for (int j = 0; j < count; j++) {
      parts[j] = Keys.part(first + j);
    }
    int chunks = (int) Math.min((units + CHUNK - 1) / CHUNK, Math.max(1, (long) units * count / PARALLEL_WEIGHTS));
    if (chunks <= 1) {
      fillRows(0, units, parts, out, totals);
      return;
    }
    // large blocks on the common pool: each weight is a pure function of its key, and totals are
    // sums of small integers (exact in any order), so the values do not depend on the split
    double[][] partial = new double[chunks][count];
    int per = (units + chunks - 1) / chunks;
    IntStream.range(0, chunks).parallel()
        .forEach(c -> fillRows(c * per, Math.min(units, (c + 1) * per), parts, out, partial[c]));
    for (double[] p : partial) {
      for (int j = 0; j < count; j++) {
        totals[j] += p[j];
      }
    }
  }

  private void fillRows(int from, int to, long[] parts, double[] out, double[] totals) {
    int count = parts.length;
    for (int i = from; i < to; i++) {
      long h = unitKeys[i];
      int row = i * count;
      for (int j = 0; j < count; j++) {
        // Keys.of(base, unit, b) = mix(h ^ part(b)); PoissonWeights.draw mixes once more
        int w = PoissonWeights.invert(Keys.mix(Keys.mix(h ^ parts[j])) >>> 11);
        out[row + j] = w;
        totals[j] += w;
      }
    }
  }
}
