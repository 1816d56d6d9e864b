package org.scalesweep.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The truths of every subgroup evaluated on models trained on one corpus. Relative truths must name
 * a subgroup of the same corpus whose truth is absolute.
 */
public record CorpusTruth(String corpus, List<Subgroup> subgroups) implements java.io.Serializable {
  public CorpusTruth {
    if (corpus == null || corpus.isBlank()) {
      throw new IllegalArgumentException("corpus name must be non-empty, got '" + corpus + "'");
    }
    if (subgroups == null || subgroups.isEmpty()) {
      throw new IllegalArgumentException("corpus " + corpus + " needs at least one subgroup");
    }
    subgroups = List.copyOf(subgroups);
    Map<String, Subgroup> byName = new HashMap<>();
    for (Subgroup s : subgroups) {
      if (byName.put(s.name(), s) != null) {
        throw new IllegalArgumentException("corpus " + corpus + " has subgroup '" + s.name() + "' twice");
      }
    }
    for (Subgroup s : subgroups) {
      if (s.truth() instanceof SubgroupTruth.Relative r) {
        Subgroup base = byName.get(r.baseline());
        if (base == null) {
          throw new IllegalArgumentException("corpus " + corpus + " subgroup " + s.name()
              + " is relative to unknown subgroup '" + r.baseline() + "'; known: " + byName.keySet());
        }
        if (!(base.truth() instanceof SubgroupTruth.Absolute)) {
          throw new IllegalArgumentException("corpus " + corpus + " subgroup " + s.name()
              + " is relative to '" + r.baseline() + "', which is itself relative; chain to an absolute truth");
        }
      }
    }
  }

  /** Index of a subgroup by name, or −1. */
  public int indexOf(String subgroup) {
    for (int i = 0; i < subgroups.size(); i++) {
      if (subgroups.get(i).name().equals(subgroup)) {
        return i;
      }
    }
    return -1;
  }

  /** Noiseless loss of subgroup i at a run of N params, D tokens and compute F. */
  public double loss(int i, double params, double tokens, double compute) {
    SubgroupTruth t = subgroups.get(i).truth();
    double base = Double.NaN;
    if (t instanceof SubgroupTruth.Relative r) {
      base = subgroups.get(indexOf(r.baseline())).truth().loss(params, tokens, compute, Double.NaN);
    }
    return t.loss(params, tokens, compute, base);
  }
}
