package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.Outputs;

/** items.parquet as the item-resampling bootstrap reads it: one runs x items matrix per subgroup. */
final class ItemsInput {
  private ItemsInput() {}

  /**
   * Replicate-averaged item losses per (corpus, study, subgroup) and run: item i at index i. The
   * mean adds replicates in seed order, so it does not depend on how items.parquet is partitioned.
   */
  static Map<String, Map<String, double[]>> read(StageContext ctx) {
    List<Row> rows = ctx.outputs().readParquet(Outputs.ITEMS)
        .groupBy("corpus", "study", "subgroup", "run_id", "item")
        .agg(expr("aggregate(transform(array_sort(collect_list(struct(seed, loss))), x -> x.loss), 0D, (a, x) -> a + x)"
            + " / count(1)").alias("loss"))
        .orderBy("corpus", "study", "subgroup", "run_id", "item").collectAsList();
    Map<String, Map<String, List<Double>>> acc = new HashMap<>();
    for (Row r : rows) {
      String key = r.<String>getAs("corpus") + "\u0001" + r.<String>getAs("study") + "\u0001"
          + r.<String>getAs("subgroup");
      acc.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(r.<String>getAs("run_id"),
          k -> new ArrayList<>()).add(r.<Double>getAs("loss"));
    }
    Map<String, Map<String, double[]>> out = new HashMap<>();
    acc.forEach((k, runs) -> {
      Map<String, double[]> m = new HashMap<>();
      runs.forEach((run, v) -> m.put(run, v.stream().mapToDouble(Double::doubleValue).toArray()));
      out.put(k, m);
    });
    return out;
  }

  /**
   * A subgroup's runs × items matrix in the table's run order, or empty (with a warning) when
   * items.parquet lacks some of it: the subgroup is then not item-resampled and its contrasts are
   * flagged no_items.
   */
  static Optional<double[]> matrix(StageContext ctx, Map<String, double[]> byRun,
      RunTables.Table t, Study.SubgroupSpec s) {
    int items = s.items();
    double[] m = new double[t.runIds().size() * items];
    for (int r = 0; r < t.runIds().size(); r++) {
      double[] v = byRun == null ? null : byRun.get(t.runIds().get(r));
      if (v == null || v.length != items) {
        ctx.log().printf("warning: %s: subgroup %s of corpus %s has %s for run %s, not %d items; its items are not "
            + "resampled%n", Outputs.ITEMS, s.name(), t.runs().corpus(), v == null ? "no items" : v.length + " items",
            t.runIds().get(r), items);
        return Optional.empty();
      }
      System.arraycopy(v, 0, m, r * items, items);
    }
    return Optional.of(m);
  }
}
