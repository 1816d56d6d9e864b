package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.QuickRun;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.cli.CliRun;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.ingest.InvalidInputException;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.table.Outputs;

/**
 * Degenerate science flags rows and warns, and the study goes on: too few points per budget, all
 * equal losses, non-finite losses, a fit that does not converge, a subgroup without items or
 * without observations. Malformed input is rejected with exit code 2 instead.
 */
class DegenerateScienceTest {
  /** Cheap settings: these tests are about flags, not about precise fits. */
  static final String[] FAST = {"fit.approach3.screen=5", "bootstrap.resamples=200"};

  @TempDir
  Path tmp;

  static Study quick(String... sets) {
    String[] all = new String[FAST.length + sets.length];
    System.arraycopy(FAST, 0, all, 0, FAST.length);
    System.arraycopy(sets, 0, all, FAST.length, sets.length);
    return TestStudies.load("quick.conf", all);
  }

  static List<Row> rows(Path dir, String output, String where) {
    return SparkTestSession.get().read().parquet(dir.resolve(output).toString()).filter(where).collectAsList();
  }

  static Row significance(Path dir, String treatment) {
    return rows(dir, Outputs.SIGNIFICANCE, "treatment = '" + treatment + "'").get(0);
  }

  @Test
  void tooFewPointsPerBudgetFlagsEveryFitAndContrastAndTheStudyFinishes() {
    // widths 512 and 640 only: 2, 2 and 1 configurations at the three budgets, no IsoFLOP parabola
    Path out = tmp.resolve("few");
    String log = StageRun.log(quick("grid.rules.max-width=640"), out, Stages.simulated(), false);

    List<Row> power = rows(out, Outputs.FITS, "law = 'power' and fit_on = 'frontier'");
    assertThat(power).hasSize(4 * 2);
    for (Row r : power) {
      assertThat(r.<String>getAs("flags")).isEqualTo("too_few_points");
      assertThat(r.<String>getAs("reason")).contains("0 of 3 budgets have a compute-optimal point");
      assertThat(r.<Double>getAs("estimate")).isNaN();
    }
    for (Row r : rows(out, Outputs.FITS, "law = 'chinchilla'")) {
      assertThat(r.<String>getAs("flags")).contains("too_few_points");
      assertThat(r.<String>getAs("reason")).contains("5 distinct (N, D) configurations for 5 parameters");
    }
    for (String t : List.of("faster", "parallel")) {
      Row s = significance(out, t);
      assertThat(s.<String>getAs("flags")).isEqualTo("not_estimable,unstable");
      assertThat(s.<Double>getAs("p_value")).isNaN();
      assertThat(s.<Boolean>getAs("significant")).isFalse();
    }
    assertThat(log).contains("warning: fits.parquet [demo dclm faster power frontier]: too_few_points (")
        .contains("warning: significance.parquet [demo dclm faster base]: not_estimable,unstable");
    assertThat(out.resolve("report/index.html")).exists();
  }

  @Test
  void equalLossesAreFlaggedDegenerate() {
    Path out = tmp.resolve("equal");
    String log = StageRun.log(quick("corpora.dclm.A=0", "corpora.dclm.B=0", "noise.sigma-run=0",
        "noise.sigma-run-subgroup=0", "case-studies.demo.subgroups.faster.delta-beta=0"), out, Stages.simulated(), false);
    List<Row> joint = rows(out, Outputs.FITS, "law = 'chinchilla'");
    assertThat(joint).hasSize(4 * 5);
    for (Row r : joint) {
      assertThat(r.<String>getAs("flags")).isEqualTo("degenerate");
      assertThat(r.<String>getAs("reason")).contains("every loss is equal");
    }
    // flat IsoFLOP curves have no minimum: no compute-optimal point, no E(F), no delta-beta
    assertThat(rows(out, Outputs.FITS, "law = 'power' and flags = ''")).isEmpty();
    assertThat(significance(out, "faster").<String>getAs("flags")).contains("not_estimable");
    assertThat(log).contains("warning: fits.parquet [demo dclm base chinchilla runs]: degenerate (every loss is equal");
  }

  @Test
  void damagedRunsNonFiniteLossesAMissingSubgroupAndNoConvergenceAreFlaggedNotFatal() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("damaged"));
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> runs = spark.read().parquet(out.resolve(Outputs.RUNS).toString());
    String run = runs.select("run_id").orderBy("run_id").first().getString(0);
    // three unusable losses of subgroup "faster" in one run; subgroup "parallel" gone altogether
    Dataset<Row> damaged = runs.filter(col("subgroup").notEqual("parallel")).withColumn("loss",
        when(col("subgroup").equalTo("faster").and(col("run_id").equalTo(run)).and(col("seed").equalTo(0)),
            lit(Double.NaN))
            .when(col("subgroup").equalTo("faster").and(col("run_id").equalTo(run)), lit(Double.POSITIVE_INFINITY))
            .when(col("subgroup").equalTo("base").and(col("run_id").equalTo(run)).and(col("seed").equalTo(0)), lit(-1.0))
            .otherwise(col("loss")));
    replace(damaged, out.resolve(Outputs.RUNS));

    String log = StageRun.log(quick("fit.approach3.max-iterations=1"), out,
        List.of(new FitStage(), new BootstrapStage()), false);

    assertThat(log).contains("warning: " + out.resolve(Outputs.RUNS) + ": 3 observation(s) with a loss that is NaN, "
        + "infinite or not positive were left out (demo/dclm/base: 1, demo/dclm/faster: 2)");
    for (Row r : rows(out, Outputs.FITS, "subgroup = 'faster' and law = 'power'")) {
      assertThat(r.<String>getAs("flags")).isEqualTo(RunsInput.DROPPED);
      assertThat(r.<String>getAs("reason")).contains("NaN, infinite or non-positive loss were left out");
      assertThat(r.<Double>getAs("estimate")).isFinite();
    }
    for (Row r : rows(out, Outputs.FITS, "law = 'chinchilla'")) {
      assertThat(r.<String>getAs("flags")).contains("not_converged");
      assertThat(r.<Boolean>getAs("converged")).isFalse();
    }
    for (Row r : rows(out, Outputs.FITS, "subgroup = 'parallel'")) {
      assertThat(r.<String>getAs("flags")).isEqualTo("too_few_points");
      assertThat(r.<String>getAs("reason")).isEqualTo("no observation of subgroup parallel in runs.parquet");
    }
    Row faster = significance(out, "faster");
    assertThat(faster.<String>getAs("flags")).isEqualTo(RunsInput.DROPPED);
    assertThat(faster.<String>getAs("reason")).contains("(base, faster)");
    assertThat(faster.<Double>getAs("delta_beta")).isBetween(-0.03, -0.01);
    Row parallel = significance(out, "parallel");
    assertThat(parallel.<String>getAs("flags")).isEqualTo("no_data");
    assertThat(parallel.<String>getAs("reason")).isEqualTo("no observation of subgroup parallel in runs.parquet");
    assertThat(parallel.<Double>getAs("delta_beta")).isNaN();
    assertThat(parallel.<Double>getAs("true_delta_beta")).isEqualTo(0.0);
    assertThat(log).contains("warning: significance.parquet [demo dclm parallel base]: no_data")
        .contains("warning: fits.parquet [demo dclm base chinchilla runs]: not_converged");
  }

  @Test
  void aSubgroupWithoutItemsUnderTheItemSchemeIsFlaggedAndStillEstimated() {
    Path out = tmp.resolve("items");
    String log = StageRun.log(quick("bootstrap.scheme=items", "case-studies.demo.subgroups.base.items=40",
        "case-studies.demo.subgroups.faster.items=40", "case-studies.demo.subgroups.parallel.items=0"), out,
        Stages.simulated(), false);
    Row faster = significance(out, "faster");
    assertThat(faster.<String>getAs("flags")).isEmpty();
    Row parallel = significance(out, "parallel");
    assertThat(parallel.<String>getAs("flags")).isEqualTo("no_items");
    assertThat(parallel.<String>getAs("reason")).contains("subgroup parallel has no item-level data");
    assertThat(parallel.<Double>getAs("delta_beta")).isFinite();
    assertThat(log).contains("warning: significance.parquet [demo dclm parallel base]: no_items");
  }

  @Test
  void malformedRunsAreRejectedWithFileColumnAndRunAndExitTwo() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("malformed"));
    Dataset<Row> runs = SparkTestSession.get().read().parquet(out.resolve(Outputs.RUNS).toString());
    String run = runs.select("run_id").orderBy("run_id").first().getString(0);
    replace(runs.withColumn("params", when(col("run_id").equalTo(run), lit(null)).otherwise(col("params"))),
        out.resolve(Outputs.RUNS));
    assertThatThrownBy(() -> StageRun.log(quick(), out, List.of(new FitStage()), false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(out.resolve(Outputs.RUNS).toString())
        .hasMessageContaining("8 malformed row(s)").hasMessageContaining("[run_id " + run)
        .hasMessageContaining("params is null");

    runs = SparkTestSession.get().read().parquet(out.resolve(Outputs.RUNS).toString());
    replace(runs.drop("tokens").withColumn("loss", col("loss").cast("string")), out.resolve(Outputs.RUNS));
    CliRun r = CliRun.of("fit", TestStudies.conf("quick.conf").toString(), "--out", out.toString(), "--master",
        "local[2]");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("column 'tokens' is missing").contains("column 'loss' has type string, expected a "
        + "number").doesNotContain("\tat ");
  }

  /** Replaces a Parquet output with a dataset derived from it. */
  static void replace(Dataset<Row> data, Path target) {
    Path staged = target.resolveSibling(target.getFileName() + ".new");
    data.write().mode(SaveMode.Overwrite).parquet(staged.toString());
    QuickRun.delete(target);
    if (!staged.toFile().renameTo(target.toFile())) {
      throw new IllegalStateException("cannot rename " + staged);
    }
  }
}
