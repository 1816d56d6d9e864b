package org.scalesweep.jobs.report;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/**
 * The small tables a report is made from, collected on the driver (summaries only: no run-level
 * or per-resample data beyond replicate-averaged run means).
 *
 * @param byName rows per output name (e.g. significance.parquet)
 */
public record Tables(Map<String, List<Row>> byName) {
  public List<Row> get(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** Rows of a table matching a predicate. */
  public List<Row> where(String name, Predicate<Row> p) {
    return get(name).stream().filter(p).toList();
  }

  static Predicate<Row> eq(String column, Object value) {
    return r -> value.equals(r.getAs(column));
  }

  static double d(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  static String s(Row r, String column) {
    return r.getAs(column);
  }
}
