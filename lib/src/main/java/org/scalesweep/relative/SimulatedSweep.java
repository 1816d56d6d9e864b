package org.scalesweep.relative;

import java.util.List;

/**
 * One simulated sweep of a corpus as the bootstrap consumes it: replicate-averaged run losses, and
 * the runs × items matrices of its item-level subgroups (what items.parquet holds, averaged over
 * seeds) for the item and two-way schemes.
 *
 * @param runs run-level losses (an item-level subgroup's loss is the mean of its items)
 * @param items item matrices, in subgroup order; empty when they were not asked for
 */
public record SimulatedSweep(CorpusRuns runs, List<ItemLosses> items) implements java.io.Serializable {
  public SimulatedSweep {
    items = List.copyOf(items);
  }
}
