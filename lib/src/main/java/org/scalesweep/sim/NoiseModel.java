package org.scalesweep.sim;

/**
 * The lognormal noise of docs/ARCHITECTURE.md (Simulation): an observation is ℓ = L·exp(u_i + η_rs + η_rsg + ε_rsgi) with
 *
 * @param sigmaRun σ of η_rs, run-to-run (seed) noise shared by every subgroup of a run replicate
 * @param sigmaRunSubgroup σ of η_rsg, seed noise specific to a subgroup (does not cancel in ratios)
 * @param sigmaItem σ of ε, item-level noise of one run on one item
 * @param tauItem τ of u_i, item difficulty, fixed per item across runs
 */
public record NoiseModel(double sigmaRun, double sigmaRunSubgroup, double sigmaItem, double tauItem) implements java.io.Serializable {
  /** No noise at all. */
  public static final NoiseModel NONE = new NoiseModel(0, 0, 0, 0);

  public NoiseModel {
    check("sigma_run", sigmaRun);
    check("sigma_run_subgroup", sigmaRunSubgroup);
    check("sigma_item", sigmaItem);
    check("tau_item", tauItem);
  }

  /** Seed 000's noise: relative scale 0.02 per run replicate. */
  public static NoiseModel runOnly(double sigma) {
    return new NoiseModel(sigma, 0, 0, 0);
  }

  private static void check(String key, double v) {
    if (!(v >= 0 && v <= 5)) {
      throw new IllegalArgumentException("noise." + key + " = " + v + " is out of range; allowed: [0, 5]");
    }
  }
}
