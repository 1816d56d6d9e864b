package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.calib.UnpairedCalibration;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.table.Outputs;

/**
 * calibrate --unpaired on Spark: the size of the unpaired test on equal and on different grids at a
 * reduced R, and the table equal to lib's in-memory loop (same keyed replicates on any partitioning).
 */
class UnpairedCalibrateStageTest {
  @TempDir
  static Path tmp;

  static final int R = 100;

  @Test
  void nullSizeIsNominalOnEqualAndDifferentGridsAndSparkIsTheInMemoryLoop() {
    // quick.conf on the flagship's seven budgets: three subgroups (one with an effect of its own, which both sweeps share)
    Study s = TestStudies.load("quick.conf", "grid.budgets=[1e18, 3e18, 6e18, 1e19, 3e19, 6e19, 1e20]");
    Path dir = tmp.resolve("unpaired");
    SparkSession spark = SparkTestSession.get();
    UnpairedCalibrateStage.Options o = new UnpairedCalibrateStage.Options(R, List.of(), null, 0.01);
    Pipeline.execute(s, spark, dir.toString(), List.of(new UnpairedCalibrateStage(o)), false);
    List<Row> rows = spark.read().parquet(dir.resolve(Outputs.CALIBRATION_UNPAIRED).toString()).collectAsList();
    // 2 truths x 2 grids x (3 subgroups + all)
    assertThat(rows).hasSize(16);
    UnpairedCalibration cal = UnpairedCalibrateStage.calibrations(s, o).get(0);
    List<UnpairedCalibration.Summary> mem = cal.summarize(cal.run(R));
    // a replicate's three contrasts share its two sweeps: a binomial over R whole replicates is the widest
    // honest yardstick, 3 standard errors of 0.05 = 0.065 at R = 100 (lib's UnpairedCalibrationTest holds 200 replicates to the same rule)
    double tol = 3 * Math.sqrt(0.05 * 0.95 / R);
    for (UnpairedCalibration.Summary m : mem) {
      Row r = rows.stream().filter(x -> x.getAs("truth").equals(m.truth().key()) && x.getAs("grids").equals(
          m.grids().key()) && x.getAs("subgroup").equals(m.subgroup())).findFirst().orElseThrow();
      assertThat(r.<Double>getAs("rejection_rate")).isEqualTo(m.rejection().rate());
      assertThat(r.<Double>getAs("coverage")).isEqualTo(m.coverage().rate());
      assertThat(r.<Long>getAs("not_estimable")).isZero();
      if (m.subgroup().equals("all") && m.truth() == UnpairedCalibration.Truth.NULL) {
        assertThat(m.rejection().rate()).as("size, %s grids", m.grids().key()).isCloseTo(0.05, within(tol));
      }
      if (m.subgroup().equals("all") && m.truth() == UnpairedCalibration.Truth.EFFECT) {
        assertThat(m.coverage().rate()).as("coverage, %s grids", m.grids().key()).isCloseTo(0.95, within(tol));
        assertThat(m.rejection().rate()).as("power, %s grids", m.grids().key()).isGreaterThan(0.5);
      }
    }
  }
}
