package org.scalesweep.jobs.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.scalesweep.fit.RunLaw;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.ingest.Ingest;
import org.scalesweep.jobs.ingest.IngestOptions;

/** fit-runs' resamples are keyed: any partitioning of the resample range gives the same table. */
class FitRunsJobTest {
  @Test
  void sameNumbersOnOneOrSevenPartitionsAndAnotherSeedDiffers() {
    SparkSession spark = SparkTestSession.get();
    Path csv = Path.of("..", "data", "runs-example.csv");
    List<RunGroup> groups = RunGroup.of(Ingest.load(spark, csv.toFile().exists() ? csv : Path.of("data",
        "runs-example.csv"), IngestOptions.defaults()), ResampleUnit.RUN);
    assertThat(groups).extracting(RunGroup::label).containsExactly("example/code", "example/web", "example/overall");
    List<Row> one = FitRunsJob.run(spark, groups, new FitRunsJob.Settings(RunLaw.POWER, 24, 0.95, 3, 100, 1))
        .collectAsList();
    List<Row> seven = FitRunsJob.run(spark, groups, new FitRunsJob.Settings(RunLaw.POWER, 24, 0.95, 3, 100, 7))
        .collectAsList();
    List<Row> other = FitRunsJob.run(spark, groups, new FitRunsJob.Settings(RunLaw.POWER, 24, 0.95, 4, 100, 7))
        .collectAsList();
    assertThat(seven).isEqualTo(one);
    // 3 groups x (alpha, beta, a, b + N* and D* at each of 4 budgets)
    assertThat(one).hasSize(36);
    assertThat(other).extracting(r -> r.<Double>getAs("estimate")).isEqualTo(one.stream()
        .map(r -> r.<Double>getAs("estimate")).toList());
    assertThat(other).extracting(r -> r.<Double>getAs("ci_low")).isNotEqualTo(one.stream()
        .map(r -> r.<Double>getAs("ci_low")).toList());
  }
}
