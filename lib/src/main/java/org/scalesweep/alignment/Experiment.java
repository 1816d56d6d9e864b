package org.scalesweep.alignment;

/** The five experiments of seed 000. */
public enum Experiment {
  /** Alignment loss across model sizes at fixed alignment data. */
  MODEL_SIZE("model-size"),
  /** Across alignment data quantities at fixed model size. */
  DATA("data"),
  /** IsoFLOP sweeps per compute budget under C = 6ND: the compute-optimal frontier. */
  FRONTIER("frontier"),
  /** Sizes × post-training compute × alignment data: Eq. 2's interaction. */
  POST_TRAINING("post-training"),
  /** Fixed alignment-data mixture ratios at 20 tokens per parameter, against no alignment data. */
  MIXTURE("mixture");

  private final String key;

  Experiment(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
