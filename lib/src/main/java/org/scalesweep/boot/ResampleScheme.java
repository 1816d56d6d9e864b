package org.scalesweep.boot;

import java.util.Locale;

/** What a bootstrap resample redraws. */
public enum ResampleScheme implements Keyed {
  /**
   * Blocks of runs (by architecture across budgets, or by single configuration), with all their
   * seed replicates and items: captures run-to-run noise and model-selection variability. The
   * published relative-scaling analysis did this; it is the default.
   */
  CLUSTER("cluster"),
  /**
   * Evaluation items within each subgroup, runs held fixed: captures only which questions were
   * asked. Ignores run-to-run (seed) noise, so it is anti-conservative when that noise is present.
   */
  ITEMS("items"),
  /** Clusters of runs and items together (product weights): both sources of variability. */
  TWO_WAY("two-way"),
  /**
   * Wild cluster bootstrap: every run keeps its configuration and weight; its loss is its IsoFLOP
   * parabola's fitted value plus its leverage-corrected (HC2) residual with a random sign shared by
   * its cluster (Rademacher). Captures all run-level noise (seed, subgroup and item) without
   * resampling the fixed design, which is what makes the cluster scheme conservative.
   */
  WILD("wild");

  private final String key;

  ResampleScheme(String key) {
    this.key = key;
  }

  /** The configuration spelling ({@code cluster}, {@code items}, {@code two-way}). */
  @Override
  public String key() {
    return key;
  }

  /** Whether resamples reweight clusters of runs. */
  public boolean resamplesRuns() {
    return this == CLUSTER || this == TWO_WAY;
  }

  /** Whether resamples reweight items within subgroups. */
  public boolean resamplesItems() {
    return this == ITEMS || this == TWO_WAY;
  }

  /** Whether resamples flip the signs of run residuals by cluster. */
  public boolean flipsResiduals() {
    return this == WILD;
  }

  /** Parses the configuration spelling; the message lists the allowed values. */
  public static ResampleScheme parse(String s) {
    return Keyed.parse(ResampleScheme.class, s, "bootstrap scheme");
  }

  @Override
  public String toString() {
    return key.toLowerCase(Locale.ROOT);
  }
}
