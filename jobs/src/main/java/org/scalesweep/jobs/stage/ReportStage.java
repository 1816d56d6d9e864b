package org.scalesweep.jobs.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.jobs.config.Study;

/**
 * report → report/index.html and the summary tables as CSV (significance, crossovers, fits,
 * frontier): the small tables a person or a notebook reads. Written to a temporary directory and
 * renamed into place.
 */
public final class ReportStage implements Stage {
  static final List<String> TABLES = List.of(Outputs.SIGNIFICANCE, Outputs.CROSSOVERS, Outputs.FITS, Outputs.FRONTIER);

  @Override
  public String name() {
    return "report";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    return List.of(Outputs.REPORT);
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    ctx.begin(name(), "summary tables and index.html");
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    Map<String, StructType> schemas = new LinkedHashMap<>();
    for (String t : TABLES) {
      Dataset<Row> df = ctx.outputs().readParquet(t);
      schemas.put(t, df.schema());
      tables.put(t, df.collectAsList());
    }
    Path tmp = ctx.outputs().tmpPath(Outputs.REPORT);
    Map<String, Long> rows = new LinkedHashMap<>();
    try {
      ctx.outputs().fs().mkdirs(tmp);
      for (String t : TABLES) {
        String csv = t.replace(".parquet", ".csv");
        write(ctx, new Path(tmp, csv), Csv.of(schemas.get(t), tables.get(t)));
        rows.put(Outputs.REPORT + "/" + csv, (long) tables.get(t).size());
      }
      write(ctx, new Path(tmp, "index.html"), ReportHtml.render(ctx.study(), tables, schemas, ctx.manifest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.outputs().stage(tmp, Outputs.REPORT);
    return rows;
  }

  private static void write(StageContext ctx, Path p, String text) throws IOException {
    try (FSDataOutputStream os = ctx.outputs().fs().create(p, true)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** One sentence per contrast, from the numbers: which gaps close, persist, widen. */
  static List<String> findings(Study study, List<Row> significance) {
    List<String> out = new ArrayList<>();
    for (Row r : significance) {
      double db = r.getAs("delta_beta");
      double lo = r.getAs("ci_low");
      double hi = r.getAs("ci_high");
      double p = r.getAs("p_value");
      boolean sig = r.getAs("significant");
      String what;
      if (!Double.isFinite(db)) {
        what = "not estimable";
      } else if (!sig) {
        what = "no significant change of the gap with compute";
      } else if (db < 0) {
        what = "the gap narrows with compute (the treatment improves faster)";
      } else {
        what = "the gap widens with compute (the treatment improves more slowly)";
      }
      out.add(String.format(Locale.ROOT, "%s / %s: %s vs %s — Δβ = %+.4f [%+.4f, %+.4f], p = %.4f: %s.",
          r.<String>getAs("study"), r.<String>getAs("corpus"), r.<String>getAs("treatment"),
          r.<String>getAs("baseline"), db, lo, hi, p, what));
    }
    return out;
  }
}
