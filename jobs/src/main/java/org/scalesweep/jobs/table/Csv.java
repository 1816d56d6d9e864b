package org.scalesweep.jobs.table;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** RFC 4180 CSV of small tables (header, then rows); numbers in full precision, locale-free. */
public final class Csv {
  private Csv() {}

  public static String of(StructType schema, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    StructField[] f = schema.fields();
    for (int i = 0; i < f.length; i++) {
      sb.append(i > 0 ? "," : "").append(cell(f[i].name()));
    }
    sb.append('\n');
    for (Row r : rows) {
      for (int i = 0; i < f.length; i++) {
        sb.append(i > 0 ? "," : "").append(cell(r.get(i)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    String s;
    if (v instanceof Double d) {
      s = d.isNaN() ? "NaN" : (d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : Double.toString(d));
    } else if (v instanceof Float fl) {
      s = Float.toString(fl);
    } else {
      s = String.valueOf(v);
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
