package org.scalesweep.jobs.ingest;

import java.util.List;

/**
 * What the input's parameter counts include. The laws use N as given; the declaration tells ingest
 * what to expect of logged FLOPs against 6·N·D ({@code org.scalesweep.grid.FlopsConsistency}).
 */
public enum ParamsEmbeddings {
  /** Not declared: a FLOP count off 6·N·D is reported as a possible other convention. */
  UNKNOWN("unknown"),
  /**
   * Parameters include the input and output embeddings (as trackers usually log them), FLOP counts
   * usually do not: FLOPs off 6·N·D are expected and only noted.
   */
  INCLUDED("included"),
  /** Non-embedding parameters (Kaplan et al.): FLOPs should be close to 6·N·D plus the LM head. */
  EXCLUDED("excluded");

  private final String key;

  ParamsEmbeddings(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The declaration of a key (unknown, included, excluded). */
  public static ParamsEmbeddings parse(String s) {
    for (ParamsEmbeddings p : values()) {
      if (p.key.equals(s)) {
        return p;
      }
    }
    throw new InvalidInputException("--params-embeddings", List.of("--params-embeddings '" + s
        + "' is not supported; allowed: unknown, included, excluded"));
  }
}
