package org.scalesweep.alignment;

import java.util.List;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;

/**
 * Seed 000's simulation: each design point's replicate r observes L·exp(σ·z), z keyed by
 * (seed, point id, r) — the seed's "noise scale 0.02" as lognormal run noise.
 */
public final class AlignmentSimulation {
  private static final long SCOPE = Keys.name("alignment-pretraining");

  private final Simulator simulator;
  private final AlignmentTruth truth;

  public AlignmentSimulation(long seed, double noise, AlignmentTruth truth) {
    this.simulator = new Simulator(seed, NoiseModel.runOnly(noise));
    this.truth = truth;
  }

  /** Observation of one point's replicate. */
  public double observe(DesignPoint p, int replicate) {
    return simulator.runLoss(truth.loss(p), SCOPE, SCOPE, Keys.name(p.id()), replicate);
  }

  /** All observations, [point][replicate]. */
  public double[][] observeAll(List<DesignPoint> points, int replicates) {
    double[][] out = new double[points.size()][replicates];
    for (int i = 0; i < points.size(); i++) {
      for (int r = 0; r < replicates; r++) {
        out[i][r] = observe(points.get(i), r);
      }
    }
    return out;
  }
}
