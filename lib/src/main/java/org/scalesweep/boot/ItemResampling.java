package org.scalesweep.boot;

/**
 * Item-level resampling of one subgroup's per-run mean loss: for a block of resamples, the weighted
 * means (Σ_i w_bi·ℓ_ri)/(Σ_i w_bi) for every run r, computed as one matrix product of the loss
 * matrix (runs × items) with the weight block (items × resamples). Weights of a block are drawn
 * once and reused for every run.
 */
public final class ItemResampling {
  private final Gemm gemm;
  private final Resampler resampler;

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
    double[] w = new double[items * count];
    double[] col = new double[items];
    double[] colSum = new double[count];
    for (int j = 0; j < count; j++) {
      resampler.itemWeights(subgroupKey, firstResample + j, items, col);
      double s = 0;
      for (int i = 0; i < items; i++) {
        w[i * count + j] = col[i];
        s += col[i];
      }
      colSum[j] = s;
    }
    double[] c = new double[runs * count];
    gemm.multiply(losses, runs, items, w, count, c);
    for (int r = 0; r < runs; r++) {
      for (int j = 0; j < count; j++) {
        c[r * count + j] = colSum[j] > 0 ? c[r * count + j] / colSum[j] : Double.NaN;
      }
    }
    return c;
  }
}
