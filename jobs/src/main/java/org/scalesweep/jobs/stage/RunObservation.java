package org.scalesweep.jobs.stage;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.sim.Keys;

/** One row of runs.parquet, typed; width and depth are null for ingested runs that do not state them. */
record RunObservation(String study, String corpus, String subgroup, String runId, int seed, double budget, Integer width,
    Integer depth, double params, double tokens, double loss) implements Serializable {

  static RunObservation of(Row r) {
    return new RunObservation(r.getAs("study"), r.getAs("corpus"), r.getAs("subgroup"), r.getAs("run_id"),
        r.<Integer>getAs("seed"), r.<Double>getAs("budget"), r.<Integer>getAs("width"), r.<Integer>getAs("depth"),
        r.<Long>getAs("params").doubleValue(), r.<Long>getAs("tokens").doubleValue(), r.<Double>getAs("loss"));
  }

  /**
   * Bootstrap cluster of the run. Without width and depth the parameter count stands in for the
   * architecture: within one corpus, runs of one architecture share N across budgets, and distinct
   * architectures have distinct N.
   */
  long cluster(ClusterBy by) {
    boolean arch = width != null && depth != null;
    if (by == ClusterBy.ARCHITECTURE) {
      return arch ? Keys.of(1, width, depth) : Keys.of(2, Keys.value(params));
    }
    return Keys.of(0, Keys.value(budget), arch ? width : Keys.value(params));
  }
}
