package org.scalesweep.design;

import java.util.List;
import org.scalesweep.boot.PoissonWeights;
import org.scalesweep.sim.Keys;

/**
 * Bootstrap weights of a designed study: an independent keyed Poisson(1) weight per run replicate
 * (design point × seed), keyed by the point's id, so resample b is the same wherever it is computed.
 */
public final class ReplicateResampler {
  private static final long SCOPE = Keys.name("replicate-bootstrap");

  private final long base;
  private final long[] ids;
  private final int replicates;

  /**
   * @param seed the study seed (or a per-replicate key in calibration)
   * @param pointIds ids of the design points, in observation-row order
   * @param replicates seed replicates per point
   */
  public ReplicateResampler(long seed, List<String> pointIds, int replicates) {
    this.base = Keys.of(seed, SCOPE);
    this.ids = pointIds.stream().mapToLong(Keys::name).toArray();
    this.replicates = replicates;
  }

  /** Weights of resample b into out[point][replicate]. */
  public void weights(long b, double[][] out) {
    for (int i = 0; i < ids.length; i++) {
      for (int r = 0; r < replicates; r++) {
        out[i][r] = PoissonWeights.draw(Keys.of(base, Keys.of(ids[i], r, 0), b));
      }
    }
  }
}
