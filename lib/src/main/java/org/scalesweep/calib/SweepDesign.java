package org.scalesweep.calib;

import java.util.List;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.StructuredNoise;

/**
 * How one replicate sweep is simulated and bootstrapped: the runs (configurations × seed
 * replicates), the noise, and the resampling settings.
 *
 * @param configs model configurations of every corpus
 * @param seeds seed replicates per configuration
 * @param noise the noise model
 * @param structure structured noise on top of it ({@link StructuredNoise#NONE}: none)
 * @param clusterBy cluster unit of the run schemes
 * @param weights resample weights
 * @param resamples bootstrap resamples per replicate
 * @param level interval level
 * @param alpha sign-test significance level
 */
public record SweepDesign(List<ModelConfig> configs, int seeds, NoiseModel noise, StructuredNoise structure,
    ClusterBy clusterBy, WeightKind weights, int resamples, double level, double alpha) implements java.io.Serializable {

  /** A design without structured noise. */
  public SweepDesign(List<ModelConfig> configs, int seeds, NoiseModel noise, ClusterBy clusterBy, WeightKind weights,
      int resamples, double level, double alpha) {
    this(configs, seeds, noise, StructuredNoise.NONE, clusterBy, weights, resamples, level, alpha);
  }

  public SweepDesign {
    configs = List.copyOf(configs);
    if (structure == null) {
      throw new IllegalArgumentException("a sweep design needs a structured-noise setting (NONE for none), got null");
    }
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one configuration");
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("seed replicates must be >= 1, got " + seeds);
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
    }
  }
}
