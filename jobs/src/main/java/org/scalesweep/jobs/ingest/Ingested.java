package org.scalesweep.jobs.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.scalesweep.grid.BudgetGroups;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.table.ItemRow;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.RunRow;

/**
 * A validated input in the pipeline's terms: run-level rows (for item-level input, each run
 * replicate's mean over its items), the item rows when there are any, and what ingest decided for
 * the user (derived flops and budgets, ignored columns), for stderr and manifest.json.
 */
public record Ingested(String source, List<RunRecord> runs, List<RunRecord> items, List<String> notes,
    boolean flopsDerived, boolean budgetsDerived, List<BudgetGroups.Group> budgetGroups, IngestOptions options) {

  /** Key of the validation settings in the ingest stage's manifest entry ({@link IngestManifest}). */
  public static final String VALIDATION = "validation";

  /** Order of rows in runs.parquet and items.parquet (input order never matters). */
  public static final Comparator<RunRecord> ORDER = Comparator.comparing(RunRecord::study).thenComparing(RunRecord::corpus)
      .thenComparing(RunRecord::subgroup).thenComparing(RunRecord::runId).thenComparingInt(RunRecord::seed);

  public boolean itemLevel() {
    return !items.isEmpty();
  }

  /** Run replicates of item rows: mean loss, mean accuracy (when every item has one), item count. */
  static List<RunRecord> aggregate(List<RunRecord> itemRows) {
    Map<String, List<RunRecord>> byRun = new LinkedHashMap<>();
    itemRows.forEach(r -> byRun.computeIfAbsent(r.replicateKey(), k -> new ArrayList<>()).add(r));
    List<RunRecord> out = new ArrayList<>();
    for (List<RunRecord> g : byRun.values()) {
      RunRecord f = g.get(0);
      double loss = g.stream().mapToDouble(RunRecord::loss).average().orElseThrow();
      boolean acc = g.stream().allMatch(r -> r.accuracy() != null);
      Double accuracy = acc ? g.stream().mapToDouble(RunRecord::accuracy).average().orElseThrow() : null;
      out.add(new RunRecord(f.study(), f.corpus(), f.subgroup(), f.runId(), f.seed(), f.budget(), f.width(), f.depth(),
          f.params(), f.tokens(), f.flops(), loss, accuracy, null, g.size(), f.where()));
    }
    return out;
  }

  /** runs.parquet rows ({@link OutputTables#RUNS}), sorted. */
  public Dataset<Row> runsFrame(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    runs.stream().sorted(ORDER).forEach(r -> rows.add(OutputTables.RUNS.toRow(new RunRow(r.study(), r.corpus(), r.subgroup(), r.runId(),
        r.seed(), r.budget(), r.width(), r.depth(), r.params(), r.tokens(), r.flops(), r.loss(), r.accuracy(),
        r.items()))));
    return spark.createDataFrame(rows, OutputTables.RUNS.schema()).coalesce(1);
  }

  /**
   * items.parquet rows ({@link OutputTables#ITEMS}), sorted; {@code item} is the rank of
   * item_id among its subgroup's ids (numeric order when every id is an integer, else text order).
   */
  public Dataset<Row> itemsFrame(SparkSession spark) {
    Map<String, Map<String, Integer>> index = new HashMap<>();
    Map<String, TreeSet<String>> ids = new HashMap<>();
    items.forEach(r -> ids.computeIfAbsent(r.corpus() + "\u0001" + r.subgroup(), k -> new TreeSet<>(ID_ORDER))
        .add(r.itemId()));
    ids.forEach((k, set) -> {
      Map<String, Integer> m = new HashMap<>();
      set.forEach(id -> m.put(id, m.size()));
      index.put(k, m);
    });
    List<Row> rows = new ArrayList<>();
    items.stream().sorted(ORDER.thenComparing(RunRecord::itemId, ID_ORDER)).forEach(r -> rows.add(
        OutputTables.ITEMS.toRow(new ItemRow(r.study(), r.corpus(), r.subgroup(), r.runId(), r.seed(),
            index.get(r.corpus() + "\u0001" + r.subgroup()).get(r.itemId()), r.loss(),
            r.accuracy() == null ? null : r.accuracy() == 1.0, r.itemId()))));
    return spark.createDataFrame(rows, OutputTables.ITEMS.schema()).coalesce(1);
  }

  /** Integer ids in numeric order before any other id in text order. */
  static final Comparator<String> ID_ORDER = (a, b) -> {
    boolean ia = a.matches("-?\\d{1,18}");
    boolean ib = b.matches("-?\\d{1,18}");
    if (ia && ib) {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }
    return ia != ib ? (ia ? -1 : 1) : a.compareTo(b);
  };

  /** What manifest.json records about this input. */
  public Map<String, Object> manifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", source);
    m.put("flops_derived_from_6ND", flopsDerived);
    m.put("budgets_derived_from_flops", budgetsDerived);
    m.put("item_level", itemLevel());
    m.put("notes", List.copyOf(notes));
    m.put(VALIDATION, IngestManifest.validation(options));
    if (!budgetGroups.isEmpty()) {
      List<Map<String, Object>> b = new ArrayList<>();
      for (BudgetGroups.Group g : budgetGroups) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("nominal", g.nominal());
        e.put("budget", g.compute());
        e.put("low", g.low());
        e.put("high", g.high());
        e.put("rows", g.runs());
        b.add(e);
      }
      m.put("budgets", b);
    }
    return m;
  }
}
