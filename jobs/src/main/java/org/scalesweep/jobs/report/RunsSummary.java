package org.scalesweep.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.RowOrder;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.jobs.table.RunsSummaryRow;

/**
 * report/runs_summary.csv: one row per (study, corpus, subgroup, run), losses averaged over seed
 * replicates, with the run's configuration from grid.parquet when the study has one (ingested runs
 * may not). What the dashboard's IsoFLOP panel and the notebooks draw, small enough for a CSV.
 *
 * <p>Averaged on the driver in seed order rather than with Spark's avg: a distributed sum's order
 * depends on partitioning, and the report must be the same bits on any number of partitions.
 */
public final class RunsSummary {
  public static final String CSV = Outputs.RUNS_SUMMARY_CSV;

  /** Columns read from runs.parquet; the optional ones are null when a source does not have them. */
  private static final List<String> RUN_COLUMNS = List.of("study", "corpus", "subgroup", "run_id", "budget", "params",
      "tokens", "flops", "width", "depth", "loss", "accuracy");
  private static final List<String> OPTIONAL = List.of("width", "depth", "accuracy");

  private RunsSummary() {}

  /** The summary rows (schema {@link #OutputTables.RUNS_SUMMARY.schema()}) ordered by study, corpus, subgroup, budget, tokens, run. */
  public static List<Row> rows(Outputs outputs) {
    Dataset<Row> runs = outputs.readParquet(Outputs.RUNS);
    List<String> have = Arrays.asList(runs.columns());
    Column[] cols = java.util.stream.Stream.concat(RUN_COLUMNS.stream()
        .map(c -> have.contains(c) || !OPTIONAL.contains(c) ? col(c) : lit(null).alias(c)),
        have.contains("seed") ? java.util.stream.Stream.of(col("seed")) : java.util.stream.Stream.empty())
        .toArray(Column[]::new);
    // sorted on the driver (one collect, no sampling job and shuffle); replicates of a run in seed order
    List<Row> obs = RowOrder.sorted(runs.select(cols).collectAsList(), have.contains("seed")
        ? new String[] {"study", "corpus", "subgroup", "budget", "tokens", "run_id", "seed"}
        : new String[] {"study", "corpus", "subgroup", "budget", "tokens", "run_id"});
    Map<String, Row> grid = grid(outputs);
    List<Row> out = new ArrayList<>();
    int i = 0;
    while (i < obs.size()) {
      int j = i;
      Row first = obs.get(i);
      while (j < obs.size() && sameRun(first, obs.get(j))) {
        j++;
      }
      out.add(summarise(obs.subList(i, j), grid.get(first.<String>getAs("corpus") + "\u0001" + first.<String>getAs("run_id"))));
      i = j;
    }
    return out;
  }

  private static boolean sameRun(Row a, Row b) {
    for (String c : List.of("study", "corpus", "subgroup", "run_id")) {
      if (!a.<String>getAs(c).equals(b.<String>getAs(c))) {
        return false;
      }
    }
    return true;
  }

  private static Row summarise(List<Row> reps, Row config) {
    Row r = reps.get(0);
    int n = reps.size();
    double mean = 0;
    double acc = 0;
    int accN = 0;
    for (Row o : reps) {
      mean += o.<Double>getAs("loss");
      Double accuracy = o.getAs("accuracy");
      if (accuracy != null) {
        acc += accuracy;
        accN++;
      }
    }
    mean /= n;
    double ss = 0;
    for (Row o : reps) {
      double loss = o.<Double>getAs("loss");
      ss += (loss - mean) * (loss - mean);
    }
    Double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : null;
    return OutputTables.RUNS_SUMMARY.toRow(new RunsSummaryRow(r.getAs("study"), r.getAs("corpus"),
        r.getAs("subgroup"), r.getAs("run_id"), r.<Double>getAs("budget"), r.<Long>getAs("params"),
        r.<Long>getAs("tokens"), r.<Double>getAs("flops"), r.getAs("width"), r.getAs("depth"),
        config == null ? null : config.<Integer>getAs("heads"), config == null ? null : config.<Long>getAs("batch"),
        config == null ? null : config.<Long>getAs("steps"),
        config == null ? null : config.<Double>getAs("learning_rate"), mean, sd, accN > 0 ? acc / accN : null, n));
  }

  /** grid.parquet's configuration columns by (corpus, run_id); empty when the study has no grid. */
  private static Map<String, Row> grid(Outputs outputs) {
    Map<String, Row> out = new HashMap<>();
    if (!outputs.exists(Outputs.GRID)) {
      return out;
    }
    for (Row g : outputs.readParquet(Outputs.GRID).select("corpus", "run_id", "heads", "batch", "steps",
        "learning_rate").collectAsList()) {
      out.put(g.<String>getAs("corpus") + "\u0001" + g.<String>getAs("run_id"), g);
    }
    return out;
  }
}
