package org.scalesweep.alignment;

import java.util.List;
import org.scalesweep.boot.PoissonWeights;
import org.scalesweep.sim.Keys;

/**
 * Bootstrap weights of seed 000's study: an independent keyed Poisson(1) weight per run replicate
 * (design point × seed), so resample b is the same wherever it is computed.
 */
public final class AlignmentResampler {
  private static final long BOOT = Keys.name("alignment-bootstrap");

  private final long base;
  private final long[] ids;
  private final int replicates;

  public AlignmentResampler(long seed, List<DesignPoint> points, int replicates) {
    this.base = Keys.of(seed, BOOT);
    this.ids = points.stream().mapToLong(p -> Keys.name(p.id())).toArray();
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
