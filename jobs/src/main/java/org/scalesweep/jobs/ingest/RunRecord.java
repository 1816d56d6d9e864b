package org.scalesweep.jobs.ingest;

/**
 * One validated input row in the pipeline's terms: a run replicate's loss on a subgroup (run level,
 * {@code itemId} null, {@code items} the number of items it averages) or on one item.
 *
 * @param where the input position it came from (file:line or file row N)
 */
public record RunRecord(String study, String corpus, String subgroup, String runId, int seed, double budget,
    Integer width, Integer depth, long params, long tokens, double flops, double loss, Double accuracy, String itemId,
    int items, String where) implements java.io.Serializable {

  /** The row with another budget (budgets derived from flops are set after validation). */
  RunRecord withBudget(double b) {
    return new RunRecord(study, corpus, subgroup, runId, seed, b, width, depth, params, tokens, flops, loss, accuracy,
        itemId, items, where);
  }

  /** Key of a run replicate on a subgroup: duplicates of it (and of its item) are errors. */
  String replicateKey() {
    return study + "\u0001" + corpus + "\u0001" + subgroup + "\u0001" + runId + "\u0001" + seed;
  }
}
