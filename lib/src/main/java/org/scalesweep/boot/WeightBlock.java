package org.scalesweep.boot;

import org.scalesweep.sim.Keys;

/**
 * Keyed item weights of one subgroup, a block of resamples at a time, laid out as the right operand
 * of the item product (items × resamples, row-major). Same values as {@link Resampler#itemWeights}
 * column by column; for Poisson weights each item's key prefix is hashed once here, so a weight
 * costs two mixes and a branch-free inversion instead of five mixes.
 */
public final class WeightBlock {
  private final Resampler resampler;
  private final long subgroupKey;
  private final int items;
  /** Keys.of(seed, ITEMS, subgroup, i) without its last part, per item; null for multinomial weights. */
  private final long[] itemKeys;

  WeightBlock(Resampler resampler, long subgroupKey, int items, long itemBase) {
    this.resampler = resampler;
    this.subgroupKey = subgroupKey;
    this.items = items;
    if (resampler.kind() == WeightKind.POISSON) {
      itemKeys = new long[items];
      long h = Keys.of(itemBase);
      for (int i = 0; i < items; i++) {
        itemKeys[i] = Keys.extend(h, i);
      }
    } else {
      itemKeys = null;
    }
  }

  public int items() {
    return items;
  }

  /**
   * Writes the weights of resamples [first, first + count) into {@code out} (items × count,
   * row-major) and each resample's total weight into {@code totals}.
   */
  public void fill(long first, int count, double[] out, double[] totals) {
    java.util.Arrays.fill(totals, 0, count, 0.0);
    if (itemKeys == null) {
      double[] col = new double[items];
      for (int j = 0; j < count; j++) {
        resampler.itemWeights(subgroupKey, first + j, items, col);
        for (int i = 0; i < items; i++) {
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
    for (int i = 0; i < items; i++) {
      long h = itemKeys[i];
      int row = i * count;
      for (int j = 0; j < count; j++) {
        // Keys.of(base, i, b) = mix(h ^ part(b)); PoissonWeights.draw mixes once more
        int w = PoissonWeights.invert(Keys.mix(Keys.mix(h ^ parts[j])) >>> 11);
        out[row + j] = w;
        totals[j] += w;
      }
    }
  }
}
