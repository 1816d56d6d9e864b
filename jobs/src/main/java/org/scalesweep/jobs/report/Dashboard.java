package org.scalesweep.jobs.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scalesweep.jobs.stage.Csv;
import org.scalesweep.jobs.stage.Outputs;
import org.scalesweep.jobs.stage.StageContext;

/**
 * The report's interactive part: report/dashboard.html and the table it needs beyond the report's
 * CSV mirrors (runs_summary.csv, which the notebooks read too). Called once by the report stage with
 * its temporary directory and the relative curves it computed.
 */
public final class Dashboard {
  private Dashboard() {}

  /** Writes the dashboard into {@code reportDir}; returns rows per CSV written, keyed like the manifest. */
  public static Map<String, Long> write(StageContext ctx, Path reportDir, List<Row> curves) throws IOException {
    ctx.begin("report", "dashboard");
    Outputs out = ctx.outputs();
    List<Row> runs = RunsSummary.rows(out);
    Map<String, Long> rows = new LinkedHashMap<>();
    csv(ctx, reportDir, RunsSummary.CSV, Csv.of(RunsSummary.SCHEMA, runs));
    rows.put(Outputs.REPORT + "/" + RunsSummary.CSV, (long) runs.size());

    Dataset<Row> frontier = out.readParquet(Outputs.FRONTIER).orderBy("study", "corpus", "subgroup", "budget");
    Dataset<Row> powerFits = out.readParquet(Outputs.FITS)
        .filter(col("law").equalTo("power").and(col("fit_on").equalTo("frontier")))
        .select("study", "corpus", "subgroup", "param", "estimate", "r_squared", "converged", "flags")
        .orderBy("study", "corpus", "subgroup", "param");
    Dataset<Row> significance = out.readParquet(Outputs.SIGNIFICANCE).orderBy("study", "corpus", "treatment");
    Dataset<Row> crossovers = out.readParquet(Outputs.CROSSOVERS)
        .orderBy("study", "corpus", "treatment_1", "treatment_2");
    String json = new DashboardData(ctx.study())
        .table("runs", RunsSummary.SCHEMA, runs)
        .table("frontier", frontier.schema(), frontier.collectAsList())
        .table("power_fits", powerFits.schema(), powerFits.collectAsList())
        .table("significance", significance.schema(), significance.collectAsList())
        .table("crossovers", crossovers.schema(), crossovers.collectAsList())
        .table("curves", RelativeCurves.SCHEMA, curves)
        .toJson();
    DashboardPage.write(out.fs(), reportDir, ctx.study().reportTitle(), json);
    return rows;
  }

  private static void csv(StageContext ctx, Path dir, String name, String text) throws IOException {
    try (FSDataOutputStream os = ctx.outputs().fs().create(new Path(dir, name), true)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
