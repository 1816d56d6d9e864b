package org.scalesweep.jobs.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.jobs.report.Dashboard;
import org.scalesweep.jobs.report.Figure;
import org.scalesweep.jobs.report.RelativeCurves;
import org.scalesweep.jobs.report.RelativeFigures;
import org.scalesweep.jobs.report.RunsSummary;
import org.scalesweep.jobs.report.Tables;

/**
 * report → report/index.html with figures (PNG + SVG under report/figures/), comparison tables
 * (ours vs truth vs published) and the summary tables as CSV (significance, crossovers, fits,
 * frontier, relative curves with bands, run means), plus the dashboard. Written to a temporary directory and renamed into place.
 */
public final class ReportStage implements Stage {
  static final List<String> TABLES = List.of(Outputs.SIGNIFICANCE, Outputs.CROSSOVERS, Outputs.FITS, Outputs.FRONTIER);
  /** Tables only some studies have. */
  static final List<String> OPTIONAL_TABLES = List.of(Outputs.CALIBRATION);

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
    if (ctx.study().isDesigned()) {
      return DesignedReport.run(ctx);
    }
    ctx.begin(name(), "tables, figures and index.html");
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    Map<String, StructType> schemas = new LinkedHashMap<>();
    for (String t : TABLES) {
      Dataset<Row> df = ctx.outputs().readParquet(t);
      schemas.put(t, df.schema());
      tables.put(t, df.collectAsList());
    }
    for (String t : OPTIONAL_TABLES) {
      if (ctx.outputs().exists(t)) {
        Dataset<Row> df = ctx.outputs().readParquet(t);
        schemas.put(t, df.schema());
        tables.put(t, df.collectAsList());
      }
    }
    tables.put(RunsSummary.CSV, withSchema(RunsSummary.rows(ctx.outputs()), RunsSummary.SCHEMA));
    schemas.put(RunsSummary.CSV, RunsSummary.SCHEMA);
    // G(F) with bootstrap bands: for the figures, the CSV mirror and the dashboard alike
    tables.put(RelativeCurves.CSV, withSchema(RelativeCurves.rows(ctx), RelativeCurves.SCHEMA));
    schemas.put(RelativeCurves.CSV, RelativeCurves.SCHEMA);
    Tables data = new Tables(tables);

    Path tmp = ctx.outputs().tmpPath(Outputs.REPORT);
    Map<String, Long> rows = new LinkedHashMap<>();
    try {
      ctx.outputs().fs().mkdirs(new Path(tmp, "figures"));
      for (Map.Entry<String, List<Row>> e : tables.entrySet()) {
        String csv = csvName(e.getKey());
        ctx.outputs().writeUtf8(new Path(tmp, csv), Csv.of(schemas.get(e.getKey()), e.getValue()));
        rows.put(Outputs.REPORT + "/" + csv, (long) e.getValue().size());
      }
      List<Figure> figures = RelativeFigures.write(ctx.study(), data, ctx.outputs().fs(), new Path(tmp, "figures"));
      rows.put(Outputs.REPORT + "/figures", (long) figures.size());
      ctx.outputs().writeUtf8(new Path(tmp, "index.html"),
          ReportHtml.render(ctx.study(), data, schemas, figures, ctx.manifest()));
      Dashboard.write(ctx, tmp, tables.get(RunsSummary.CSV), tables.get(RelativeCurves.CSV));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.outputs().stage(tmp, Outputs.REPORT);
    return rows;
  }

  /** Rows built with RowFactory carry no schema; the report reads columns by name. */
  static List<Row> withSchema(List<Row> rows, StructType schema) {
    return rows.stream().<Row>map(r -> new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(toArray(r),
        schema)).toList();
  }

  private static Object[] toArray(Row r) {
    Object[] v = new Object[r.length()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(i);
    }
    return v;
  }

  static String csvName(String table) {
    return table.endsWith(".csv") ? table : table.replace(".parquet", "") + ".csv";
  }

  /** One sentence per contrast, from the numbers: which gaps close, persist, widen. */
  static List<String> findings(List<Row> significance) {
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
      String flags = r.getAs("flags");
      String misfit = flags != null && java.util.Arrays.asList(flags.split(",")).contains("lack_of_fit")
          ? String.format(Locale.ROOT, " Lack of fit (F = %.2f, p = %.2g): γ·F^Δβ does not describe this contrast "
              + "across budgets, so Δβ is an average slope over the studied budgets and its sign test can be "
              + "anti-conservative (docs/CALIBRATION.md, \"What breaks the test\").",
              r.<Double>getAs("lack_of_fit_f"), r.<Double>getAs("lack_of_fit_p"))
          : "";
      out.add(String.format(Locale.ROOT, "%s / %s: %s vs %s — Δβ = %+.4f [%+.4f, %+.4f], p = %.4f: %s.%s",
          r.<String>getAs("study"), r.<String>getAs("corpus"), r.<String>getAs("treatment"),
          r.<String>getAs("baseline"), db, lo, hi, p, what, misfit));
    }
    return out;
  }

  /** Pearson correlation of two equally long arrays (NaN pairs dropped). */
  static double pearson(double[] x, double[] y) {
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        sx += x[i];
        sy += y[i];
        n++;
      }
    }
    if (n < 3) {
      return Double.NaN;
    }
    double mx = sx / n;
    double my = sy / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
      }
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
