package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.RowOrder;

/**
 * Warning lines for the flagged rows of an output (its {@code flags} and {@code reason} columns):
 * degenerate science does not stop a study, but the user is told, on stderr, where it is.
 */
final class Flagged {
  static final int MAX_LINES = 20;

  private Flagged() {}

  /**
   * Prints one "warning:" line per distinct flagged item of a just-written output.
   *
   * @param key the columns that name an item (e.g. study, corpus, subgroup, law)
   * @return the number of flagged items
   */
  static int warn(StageContext ctx, String output, List<String> key) {
    List<Column> cols = new ArrayList<>();
    key.forEach(k -> cols.add(col(k)));
    cols.add(col("flags"));
    cols.add(col("reason"));
    Column[] c = cols.toArray(Column[]::new);
    // the flagged rows are few: distinct and sorted on the driver (one Spark job instead of a shuffle and a sort)
    List<String> names = new ArrayList<>(key);
    names.add("flags");
    names.add("reason");
    List<Row> items = RowOrder.sorted(new ArrayList<>(new java.util.LinkedHashSet<>(
        ctx.outputs().readStaged(output).filter(col("flags").notEqual("")).select(c).collectAsList())),
        names.toArray(String[]::new));
    for (int i = 0; i < Math.min(items.size(), MAX_LINES); i++) {
      Row r = items.get(i);
      List<String> name = new ArrayList<>();
      for (String k : key) {
        name.add(String.valueOf(r.<Object>getAs(k)));
      }
      String reason = r.getAs("reason");
      ctx.log().printf("warning: %s [%s]: %s%s%n", output, String.join(" ", name), r.<String>getAs("flags"),
          reason.isEmpty() ? "" : " (" + reason + ")");
    }
    if (items.size() > MAX_LINES) {
      ctx.log().printf("warning: %s: %d more flagged; see its flags and reason columns%n", output,
          items.size() - MAX_LINES);
    }
    return items.size();
  }
}
