package org.scalesweep.jobs.stage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.fit.RunPoints;
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
   * The runs as points in (run_id, seed) order, the order every joint law of runs is fitted in (so the
   * fit does not depend on how the rows arrived).
   */
  static RunPoints points(List<RunObservation> rows) {
    List<RunObservation> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(RunObservation::runId).thenComparingInt(RunObservation::seed));
    int m = sorted.size();
    double[] b = new double[m];
    double[] n = new double[m];
    double[] d = new double[m];
    double[] l = new double[m];
    for (int i = 0; i < m; i++) {
      RunObservation r = sorted.get(i);
      b[i] = r.budget();
      n[i] = r.params();
      d[i] = r.tokens();
      l[i] = r.loss();
    }
    return new RunPoints(b, n, d, l);
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
