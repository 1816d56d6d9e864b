package org.scalesweep.jobs.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/** A plain fixed-width table of selected columns for the terminal; numbers with 6 significant digits. */
final class TextTable {
  private TextTable() {}

  static void print(PrintStream out, List<Row> rows, List<String> columns, int limit) {
    int n = limit > 0 ? Math.min(limit, rows.size()) : rows.size();
    String[][] cells = new String[n + 1][columns.size()];
    int[] width = new int[columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      cells[0][j] = columns.get(j);
      for (int i = 0; i < n; i++) {
        cells[i + 1][j] = cell(rows.get(i).getAs(columns.get(j)));
      }
      for (String[] line : cells) {
        width[j] = Math.max(width[j], line[j].length());
      }
    }
    for (String[] line : cells) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < line.length; j++) {
        sb.append(j > 0 ? "  " : "").append(String.format(Locale.ROOT, "%-" + width[j] + "s", line[j]));
      }
      out.println(sb.toString().stripTrailing());
    }
    if (n < rows.size()) {
      out.println("(" + (rows.size() - n) + " more rows in the Parquet output)");
    }
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(d);
    }
    return String.valueOf(v);
  }
}
