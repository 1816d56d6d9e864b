package org.scalesweep.relative;

/**
 * The compute at which a treatment reaches parity with its baseline: where its relative curve
 * G(F) = γ·F^Δβ crosses G = 1, log10 F = −log10 γ / Δβ, i.e. F = γ^(−1/Δβ). It is the crossover of the
 * treatment with the baseline itself (γ = 1, Δβ = 0), so its confidence set is the same Fieller-type
 * set as {@link CrossoverSet} with a = log10 γ and d = −Δβ, from the bootstrap's paired draws of (γ, Δβ).
 *
 * @param log10Flops the estimate, log10 of the parity compute (NaN when Δβ = 0 or γ ≤ 0)
 * @param set its confidence set: only a {@link CrossoverSet.Shape#BOUNDED} set locates parity
 */
public record Parity(double log10Flops, CrossoverSet set) {
  /**
   * Parity of one contrast from its estimates and its bootstrap draws (same resamples, same order).
   *
   * @param level confidence level of the set, in (0, 1)
   */
  public static Parity of(double gamma, double deltaBeta, double[] gammaDraws, double[] deltaBetaDraws, double level) {
    if (gammaDraws.length != deltaBetaDraws.length) {
      throw new IllegalArgumentException("parity needs paired draws of gamma and delta-beta, got " + gammaDraws.length
          + " and " + deltaBetaDraws.length);
    }
    double[] a = new double[gammaDraws.length];
    double[] d = new double[deltaBetaDraws.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = gammaDraws[i] > 0 ? Math.log10(gammaDraws[i]) : Double.NaN;
      d[i] = -deltaBetaDraws[i];
    }
    double est = Crossovers.log10Crossover(gamma, deltaBeta, 1, 0);
    return new Parity(est, CrossoverSet.fieller(gamma > 0 ? Math.log10(gamma) : Double.NaN, -deltaBeta, a, d, level));
  }

  /**
   * Whether parity is located inside [lo, hi] (log10 FLOPs): the set is a bounded interval that
   * lies within the range. A set wider than the range, two rays or the whole line leaves parity unresolved.
   */
  public boolean resolvedWithin(double lo, double hi) {
    return set.shape() == CrossoverSet.Shape.BOUNDED && Double.isFinite(log10Flops) && set.low() >= lo
        && set.high() <= hi;
  }
}
