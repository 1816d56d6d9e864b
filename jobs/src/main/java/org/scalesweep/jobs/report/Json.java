package org.scalesweep.jobs.report;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The little JSON the dashboard embeds: objects, strings, numbers, booleans and tables. Tables are
 * columnar ({@code {"columns": [...], "rows": [[...], ...]}}) to keep the page small. Non-finite
 * numbers become null (JSON has no NaN). Output depends only on the input, so reports stay
 * byte-for-byte reproducible.
 */
final class Json {
  private Json() {}

  /** A table of Spark rows, columns in schema order. */
  static String table(StructType schema, List<Row> rows) {
    StringBuilder sb = new StringBuilder("{\"columns\":[");
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      sb.append(i > 0 ? "," : "");
      string(sb, names[i]);
    }
    sb.append("],\"rows\":[");
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      sb.append(r > 0 ? ",\n[" : "\n[");
      for (int i = 0; i < names.length; i++) {
        sb.append(i > 0 ? "," : "");
        value(sb, row.getAs(names[i]));
      }
      sb.append(']');
    }
    return sb.append("]}").toString();
  }

  /** An object whose values are already JSON text, in the map's order. */
  static String object(Map<String, String> members) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> e : members.entrySet()) {
      sb.append(first ? "" : ",\n");
      string(sb, e.getKey());
      sb.append(':').append(e.getValue());
      first = false;
    }
    return sb.append('}').toString();
  }

  /** A JSON value of a Java scalar. */
  static String of(Object v) {
    StringBuilder sb = new StringBuilder();
    value(sb, v);
    return sb.toString();
  }

  private static void value(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Double d) {
      sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
    } else if (v instanceof Float f) {
      sb.append(Float.isFinite(f) ? Float.toString(f) : "null");
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else {
      string(sb, String.valueOf(v));
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        // '<' escaped so that "</script>" inside a value cannot end the page's data block
        case '<' -> sb.append("\\u003c");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
