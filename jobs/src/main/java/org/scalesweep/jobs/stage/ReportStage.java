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
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.report.Dashboard;
import org.scalesweep.jobs.report.DesignedReport;
import org.scalesweep.jobs.report.Figure;
import org.scalesweep.jobs.report.RelativeFigures;
import org.scalesweep.jobs.report.ReportHtml;
import org.scalesweep.jobs.report.RunsSummary;
import org.scalesweep.jobs.report.Tables;
import org.scalesweep.jobs.table.Csv;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;

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
      ctx.begin(name(), "tables, figures and index.html");
      return DesignedReport.run(ctx.outputs(), ctx.study());
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
    tables.put(RunsSummary.CSV, RunsSummary.rows(ctx.outputs()));
    schemas.put(RunsSummary.CSV, OutputTables.RUNS_SUMMARY.schema());
    // G(F) with bootstrap bands: for the figures, the CSV mirror and the dashboard alike
    RelativeCurves.Result relative = RelativeCurves.compute(ctx);
    tables.put(RelativeCurves.CSV, relative.curves());
    schemas.put(RelativeCurves.CSV, OutputTables.RELATIVE_CURVES.schema());
    tables.put(Outputs.PARITY_CSV, relative.parity());
    schemas.put(Outputs.PARITY_CSV, OutputTables.PARITY.schema());
    Tables data = new Tables(tables);

    Path tmp = ctx.outputs().tmpPath(Outputs.REPORT);
    Map<String, Long> rows = new LinkedHashMap<>();
    try {
      ctx.outputs().fs().mkdirs(new Path(tmp, "figures"));
      for (Map.Entry<String, List<Row>> e : tables.entrySet()) {
        String csv = Outputs.csvName(e.getKey());
        ctx.outputs().writeUtf8(new Path(tmp, csv), Csv.of(schemas.get(e.getKey()), e.getValue()));
        rows.put(Outputs.REPORT + "/" + csv, (long) e.getValue().size());
      }
      List<Figure> figures = RelativeFigures.write(ctx.study(), data, ctx.outputs().fs(), new Path(tmp, "figures"));
      rows.put(Outputs.REPORT + "/figures", (long) figures.size());
      ctx.outputs().writeUtf8(new Path(tmp, "index.html"),
          ReportHtml.render(ctx.study(), data, schemas, figures, ctx.manifest()));
      ctx.begin(name(), "dashboard");
      Dashboard.write(ctx.outputs(), ctx.study(), tmp, tables, schemas, tables.get(RunsSummary.CSV),
          tables.get(RelativeCurves.CSV),
          tables.get(Outputs.PARITY_CSV));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.outputs().stage(tmp, Outputs.REPORT);
    return rows;
  }
}
