package org.scalesweep.jobs.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.RowOrder;
import org.scalesweep.jobs.table.Outputs;

/**
 * The report's interactive part: report/dashboard.html, with the report's tables embedded as JSON.
 * Called once by the report stage with its temporary directory, the run summary, the relative
 * curves and the parity rows it computed (also written as CSV mirrors beside it).
 */
public final class Dashboard {
  private Dashboard() {}

  /**
   * Writes the dashboard into {@code reportDir} from the tables the report stage collected (keyed by
   * output name: frontier, fits, significance and crossovers, with their schemas), sorted here as
   * the dashboard shows them, without reading or sorting them again in Spark.
   */
  public static void write(Outputs outputs, Study study, Path reportDir, Map<String, List<Row>> tables,
      Map<String, StructType> schemas, List<Row> runs, List<Row> curves, List<Row> parity) throws IOException {
    List<Row> frontier = RowOrder.sorted(tables.get(Outputs.FRONTIER), "study", "corpus", "subgroup", "budget");
    List<Row> powerFits = RowOrder.sorted(tables.get(Outputs.FITS).stream()
        .filter(r -> "power".equals(r.getAs("law")) && "frontier".equals(r.getAs("fit_on"))).toList(),
        "study", "corpus", "subgroup", "param");
    StructType fits = schemas.get(Outputs.FITS);
    StructType powerFitsSchema = new StructType(Stream.of("study", "corpus", "subgroup", "param", "estimate",
        "r_squared", "converged", "flags").map(c -> fits.fields()[fits.fieldIndex(c)]).toArray(StructField[]::new));
    List<Row> significance = RowOrder.sorted(tables.get(Outputs.SIGNIFICANCE), "study", "corpus", "treatment");
    List<Row> crossovers = RowOrder.sorted(tables.get(Outputs.CROSSOVERS), "study", "corpus", "treatment_1",
        "treatment_2");
    String json = new DashboardData(study)
        .table("runs", OutputTables.RUNS_SUMMARY.schema(), runs)
        .table("frontier", schemas.get(Outputs.FRONTIER), frontier)
        .table("power_fits", powerFitsSchema, powerFits)
        .table("significance", schemas.get(Outputs.SIGNIFICANCE), significance)
        .table("crossovers", schemas.get(Outputs.CROSSOVERS), crossovers)
        .table("curves", OutputTables.RELATIVE_CURVES.schema(), curves)
        .table("parity", OutputTables.PARITY.schema(), parity)
        .toJson();
    DashboardPage.write(outputs.fs(), reportDir, study.reportTitle(), json);
  }
}
