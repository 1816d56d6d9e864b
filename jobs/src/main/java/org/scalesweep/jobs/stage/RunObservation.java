package org.scalesweep.jobs.stage;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/** One row of runs.parquet, typed. */
record RunObservation(String study, String corpus, String subgroup, String runId, int seed, double budget, int width,
    int depth, double params, double tokens, double loss) implements Serializable {

  static RunObservation of(Row r) {
    return new RunObservation(r.getAs("study"), r.getAs("corpus"), r.getAs("subgroup"), r.getAs("run_id"),
        r.<Integer>getAs("seed"), r.<Double>getAs("budget"), r.<Integer>getAs("width"), r.<Integer>getAs("depth"),
        r.<Long>getAs("params").doubleValue(), r.<Long>getAs("tokens").doubleValue(), r.<Double>getAs("loss"));
  }
}
