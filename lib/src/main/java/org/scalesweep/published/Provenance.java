package org.scalesweep.published;

/** Whether a published figure entered a preset's truth, which decides the word a comparison may use. */
public enum Provenance {
  /**
   * The published figure was an input: the preset's truth was set from it (a γ, a Δβ, an anchor, a
   * law parameter). Finding it again shows the estimators work on this design; it is "recovered",
   * never evidence that the paper's claim holds.
   */
  RECOVERED("recovered"),
  /**
   * The published figure was not an input: the preset's truth, or our estimate, is compared with a
   * number the paper derived itself. Only agreement here may be called "reproduced".
   */
  REPRODUCED("reproduced");

  private final String key;

  Provenance(String key) {
    this.key = key;
  }

  /** The word used in tables and data files. */
  public String key() {
    return key;
  }

  /** Parses {@code recovered} or {@code reproduced}. */
  public static Provenance parse(String s) {
    for (Provenance p : values()) {
      if (p.key.equals(s)) {
        return p;
      }
    }
    throw new IllegalArgumentException("provenance must be one of recovered, reproduced; got '" + s + "'");
  }
}
