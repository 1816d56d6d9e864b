package org.scalesweep.jobs.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Sorts rows already on the driver as Spark's {@code orderBy} on the same columns sorts them:
 * ascending, nulls first, strings by their UTF-8 bytes, NaN above every other number and -0.0 equal
 * to 0.0. For small tables (the report's, flagged rows): a sort in the driver instead of a
 * range-partitioning sample job, a shuffle and a collect. The sort is stable (ties keep their input
 * order); the report sorts on keys that identify a row.
 */
public final class RowOrder {
  private RowOrder() {}

  /** A sorted copy of {@code rows} by the named columns (each row must carry its schema). */
  public static List<Row> sorted(List<Row> rows, String... columns) {
    List<Row> out = new ArrayList<>(rows);
    out.sort(comparator(columns));
    return out;
  }

  public static Comparator<Row> comparator(String... columns) {
    return (a, b) -> {
      for (String c : columns) {
        int k = compare(a.getAs(c), b.getAs(c));
        if (k != 0) {
          return k;
        }
      }
      return 0;
    };
  }

  /** Spark's ascending order of two values of one column, nulls first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object x, Object y) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    if (x instanceof String s && y instanceof String t) {
      return UTF8String.fromString(s).compareTo(UTF8String.fromString(t));
    }
    if (x instanceof Double || x instanceof Float) {
      double u = ((Number) x).doubleValue();
      double v = ((Number) y).doubleValue();
      // SQLOrderingUtil.compareDoubles: equal values (so -0.0 and 0.0) are equal, NaN is the largest
      return u == v ? 0 : Double.compare(u, v);
    }
    if (x instanceof Comparable) {
      return ((Comparable) x).compareTo(y);
    }
    throw new IllegalArgumentException("cannot order values of type " + x.getClass().getName()
        + "; allowed: strings, numbers, booleans");
  }
}
