package org.scalesweep.boot;

import java.util.HashMap;
import java.util.Map;

/**
 * Item-level resampling of one subgroup's per-run mean loss: for a block of resamples, the weighted
 * means (Σ_i w_bi·ℓ_ri)/(Σ_i w_bi) for every run r, computed as one matrix product of the loss
 * matrix (runs × items) with the weight block (items × resamples). Weights of a block are drawn
 * once and reused for every run; each subgroup's item keys are hashed once per instance, and the
 * weight buffer is reused across blocks (it is the largest array of the bootstrap: items × block).
 * Not thread-safe.
 */
public final class ItemResampling {
  private final Gemm gemm;
  private final Resampler resampler;
  private final Map<Long, WeightBlock> blocks = new HashMap<>();
  private double[] w = new double[0];
  private double[] totals = new double[0];

  public ItemResampling(Gemm gemm, Resampler resampler) {
    this.gemm = gemm;
    this.resampler = resampler;
  }

  /**
   * @param losses runs × items, row-major (replicate-averaged item losses)
   * @param runs rows
   * @param items columns
   * @param subgroupKey key of the subgroup's item stream
   * @param firstResample b of the block's first column
   * @param count resamples in the block
   * @return runs × count weighted means, row-major (NaN where a resample drew no item)
   */
  public double[] means(double[] losses, int runs, int items, long subgroupKey, long firstResample, int count) {
    if (losses.length != (long) runs * items) {
      throw new IllegalArgumentException("loss matrix has " + losses.length + " values for " + runs + " x " + items);
    }
    WeightBlock block = blocks.get(subgroupKey);
    if (block == null || block.units() != items) {
      block = resampler.weightBlock(subgroupKey, items);
      blocks.put(subgroupKey, block);
    }
    if (w.length < items * count) {
      w = new double[items * count];
    }
    if (totals.length < count) {
      totals = new double[count];
    }
    block.fill(firstResample, count, w, totals);
    double[] c = new double[runs * count];
    gemm.multiply(losses, runs, items, w, count, c);
    for (int r = 0; r < runs; r++) {
      for (int j = 0; j < count; j++) {
        c[r * count + j] = totals[j] > 0 ? c[r * count + j] / totals[j] : Double.NaN;
      }
    }
    return c;
  }
}
