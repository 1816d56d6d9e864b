package org.scalesweep.grid;

/**
 * FLOP accounting: the analytic per-token forward count of the suite and the C ≈ 6ND rule.
 *
 * <p>Budgets of the grid are forward-pass FLOPs f·D; training costs about three times that
 * (backward ≈ 2× forward). The 6ND rule approximates training FLOPs with f ≈ 2N, which ignores the
 * attention map (large at s = 4096 for narrow models) and counts the input embedding that costs no
 * multiply, so 6ND and 3·f·D differ by up to tens of percent across the grid.
 */
public final class ComputeAccounting {
  private ComputeAccounting() {}

  /**
   * Forward FLOPs per token: L·(6·d·I + 6·d² + 2·d² + s·(4·d + 3·h)) + 2·d·V (GLU MLP 2·3·d·I; QKV
   * 2·d·3d; output projection 2·d²; attention logits, mask and values (2s²d + 3s²h + 2s²d)/s; LM
   * head 2·d·V).
   */
  public static double forwardFlopsPerToken(int width, int depth, int ffn, int heads, int seq, int vocab) {
    double d = width;
    return depth * (6.0 * d * ffn + 6.0 * d * d + 2.0 * d * d + (double) seq * (4.0 * d + 3.0 * heads))
        + 2.0 * d * vocab;
  }

  /** Parameters as the suite counts them: L·(4d² + 3·d·I + 2d + 2·128) + 2·d·V + d. */
  public static long params(int width, int depth, int ffn, int headSize, int vocab) {
    long d = width;
    return depth * (4L * d * d + 3L * d * ffn + 2L * d + 2L * headSize) + 2L * d * vocab + d;
  }

  /** Training FLOPs by the 6ND rule. */
  public static double sixND(double params, double tokens) {
    if (!(params > 0) || !(tokens > 0)) {
      throw new IllegalArgumentException(
          "6ND needs positive sizes, got params = " + params + ", tokens = " + tokens);
    }
    return 6.0 * params * tokens;
  }

  /** Tokens that spend a training budget C at N parameters under C = 6ND. */
  public static double tokensFor(double compute, double params) {
    if (!(compute > 0) || !(params > 0)) {
      throw new IllegalArgumentException(
          "tokensFor needs positive compute and params, got compute = " + compute + ", params = " + params);
    }
    return compute / (6.0 * params);
  }
}
