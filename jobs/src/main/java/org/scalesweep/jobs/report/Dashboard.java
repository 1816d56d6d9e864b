package org.scalesweep.jobs.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;

/**
 * The report's interactive part: report/dashboard.html, with the report's tables embedded as JSON.
 * Called once by the report stage with its temporary directory, the run summary, the relative
 * curves and the parity rows it computed (also written as CSV mirrors beside it).
 */
public final class Dashboard {
  private Dashboard() {}

  /** Writes the dashboard into {@code reportDir}; returns rows per CSV written, keyed like the manifest. */
  public static void write(Outputs outputs, Study study, Path reportDir, List<Row> runs, List<Row> curves,
      List<Row> parity) throws IOException {
    Outputs out = outputs;

    Dataset<Row> frontier = out.readParquet(Outputs.FRONTIER).orderBy("study", "corpus", "subgroup", "budget");
    Dataset<Row> powerFits = out.readParquet(Outputs.FITS)
        .filter(col("law").equalTo("power").and(col("fit_on").equalTo("frontier")))
        .select("study", "corpus", "subgroup", "param", "estimate", "r_squared", "converged", "flags")
        .orderBy("study", "corpus", "subgroup", "param");
    Dataset<Row> significance = out.readParquet(Outputs.SIGNIFICANCE).orderBy("study", "corpus", "treatment");
    Dataset<Row> crossovers = out.readParquet(Outputs.CROSSOVERS)
        .orderBy("study", "corpus", "treatment_1", "treatment_2");
    String json = new DashboardData(study)
        .table("runs", OutputTables.RUNS_SUMMARY.schema(), runs)
        .table("frontier", frontier.schema(), frontier.collectAsList())
        .table("power_fits", powerFits.schema(), powerFits.collectAsList())
        .table("significance", significance.schema(), significance.collectAsList())
        .table("crossovers", crossovers.schema(), crossovers.collectAsList())
        .table("curves", OutputTables.RELATIVE_CURVES.schema(), curves)
        .table("parity", OutputTables.PARITY.schema(), parity)
        .toJson();
    DashboardPage.write(out.fs(), reportDir, study.reportTitle(), json);
  }
}
