package org.scalesweep.calib;

import java.util.List;
import org.scalesweep.relative.Contrast;
import org.scalesweep.sim.CorpusTruth;

/**
 * One (case study, corpus) of a relative-scaling study: its truth, the contrasts tested on it and
 * the subgroup that defines the compute-optimal frontier.
 */
public record SweepScope(String study, String corpus, CorpusTruth truth, List<Contrast> contrasts,
    String frontierSubgroup) implements java.io.Serializable {
  public SweepScope {
    if (!truth.corpus().equals(corpus)) {
      throw new IllegalArgumentException("scope " + study + "/" + corpus + " has the truth of corpus " + truth.corpus());
    }
    contrasts = List.copyOf(contrasts);
  }
}
