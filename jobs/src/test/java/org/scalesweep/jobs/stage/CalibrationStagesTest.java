package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.calib.BinomialInterval;
import org.scalesweep.calib.LawCalibration;
import org.scalesweep.calib.PowerDesign;
import org.scalesweep.calib.ReplicateOutcome;
import org.scalesweep.calib.SweepCalibration;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.cli.StudySession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;

/**
 * calibrate and power on Spark compute exactly what lib computes in one loop, whatever the split of
 * a replicate's resamples into blocks and partitions.
 */
class CalibrationStagesTest {
  @TempDir
  static Path tmp;

  /** quick.conf with 20 items per subgroup, so that every scheme applies. */
  static final String[] ITEMS = {"case-studies.demo.subgroups.base.items=20",
      "case-studies.demo.subgroups.faster.items=20", "case-studies.demo.subgroups.parallel.items=20"};

  @Test
  void calibrateOnSparkIsTheInMemoryComputationInBlocks() {
    String[] sets = java.util.Arrays.copyOf(ITEMS, ITEMS.length + 1);
    sets[ITEMS.length] = "bootstrap.block=8";
    Study s = TestStudies.load("quick.conf", sets);
    List<ResampleScheme> schemes = List.of(ResampleScheme.values());
    Path dir = tmp.resolve("calibrate");
    SparkSession spark = SparkTestSession.get();
    Pipeline.execute(s, spark, dir.toString(), List.of(new CalibrateStage(new CalibrateStage.Options(3, schemes,
        30, 3, List.of()))), false); // block 8: 4 chunks over 3 units
    List<Row> rows = spark.read().parquet(dir.resolve(OutcomeRows.REPLICATES).toString()).collectAsList();
    assertThat(rows).hasSize(2 * 3 * schemes.size() * 2);
    SweepCalibration cal = CalibrationSources.sweep(s, schemes, 30, List.of());
    for (SweepCalibration.Truth truth : SweepCalibration.Truth.values()) {
      Map<SweepCalibration.Cell, List<ReplicateOutcome>> mem = cal.run(truth, 3, Gemm.best());
      mem.forEach((cell, outcomes) -> {
        String label = cal.scopes().get(cell.scope()).contrasts().get(cell.contrast()).label();
        for (int r = 0; r < outcomes.size(); r++) {
          long rep = r;
          Row row = rows.stream().filter(x -> x.getAs("truth").equals(truth.key())
              && x.getAs("scheme").equals(cell.scheme().key()) && x.getAs("statistic").equals(label)
              && x.<Long>getAs("replicate") == rep).findFirst().orElseThrow();
          ReplicateOutcome spark1 = OutcomeRows.outcome(row);
          ReplicateOutcome lib = outcomes.get(r);
          // boxed: NaN equals NaN (a scheme whose every resample failed)
          BootstrapSummary a = spark1.summary();
          BootstrapSummary b = lib.summary();
          assertThat(Double.valueOf(a.estimate())).isEqualTo(Double.valueOf(b.estimate()));
          assertThat(Double.valueOf(a.pValue())).isEqualTo(Double.valueOf(b.pValue()));
          assertThat(Double.valueOf(a.percentile().low())).isEqualTo(Double.valueOf(b.percentile().low()));
          assertThat(Double.valueOf(a.bca().high())).isEqualTo(Double.valueOf(b.bca().high()));
          assertThat(Double.valueOf(a.expanded().high())).isEqualTo(Double.valueOf(b.expanded().high()));
          assertThat(spark1.truth()).isEqualTo(lib.truth());
        }
      });
    }
    List<Row> summary = spark.read().parquet(dir.resolve(OutcomeRows.SUMMARY).toString()).collectAsList();
    // 2 truths x 4 schemes x (2 contrasts + pooled)
    assertThat(summary).hasSize(2 * schemes.size() * 3);
    assertThat(dir.resolve("report").resolve("index.html")).exists();
    assertThat(dir.resolve("report").resolve("figures").resolve("false_positive_rate.png")).exists();
  }

  @Test
  void powerOnSparkCountsWhatLibCounts() {
    Study s = TestStudies.load("quick.conf");
    PowerDesign small = new PowerDesign(4, 3, 0, 1);
    PowerDesign large = new PowerDesign(10, 3, 0, 2);
    double[] effects = {0.004, 0.03};
    Path dir = tmp.resolve("power");
    SparkSession spark = SparkTestSession.get();
    Pipeline.execute(s, spark, dir.toString(), List.of(new PowerStage(new PowerStage.Options("demo", "dclm",
        ResampleScheme.WILD, effects, List.of(small, large), 12, 40, 0.8))), false);
    List<Row> power = spark.read().parquet(dir.resolve(PowerStage.POWER).toString()).collectAsList();
    assertThat(power).hasSize(4);
    var study = CalibrationSources.power(s, "demo", "dclm", ResampleScheme.WILD, 40);
    for (PowerDesign d : List.of(small, large)) {
      BinomialInterval[] lib = study.power(d, effects, 12, Gemm.best());
      for (int e = 0; e < effects.length; e++) {
        double effect = effects[e];
        Row row = power.stream().filter(x -> x.getAs("design").equals(d.label())
            && x.<Double>getAs("effect") == effect).findFirst().orElseThrow();
        assertThat(row.<Double>getAs("power")).isEqualTo(lib[e].rate());
        assertThat(row.<Integer>getAs("runs")).isEqualTo(study.runs(d));
      }
    }
    List<Row> designs = spark.read().parquet(dir.resolve(PowerStage.DESIGNS).toString()).orderBy("effect")
        .collectAsList();
    assertThat(designs).hasSize(2);
    // a 3% per-budget slope is ~10 standard errors even for the small design
    assertThat(designs.get(1).<String>getAs("design")).isEqualTo(small.label());
  }

  @Test
  void lawCalibrationOnSparkIsTheInMemoryComputation() {
    Study s = TestStudies.load("alignment-pretraining.conf");
    Path dir = tmp.resolve("law");
    SparkSession spark = SparkTestSession.get();
    Pipeline.execute(s, spark, dir.toString(), List.of(new CalibrateStage(new CalibrateStage.Options(1,
        List.of(), 6, 2, List.of()))), false);
    List<Row> rows = spark.read().parquet(dir.resolve(OutcomeRows.REPLICATES).toString()).collectAsList();
    assertThat(rows).hasSize(LawCalibration.STATISTICS.size());
    Map<String, List<ReplicateOutcome>> lib = CalibrationSources.law(s, 6).run(1);
    for (Row row : rows) {
      ReplicateOutcome o = lib.get(row.<String>getAs("statistic")).get(0);
      assertThat(OutcomeRows.outcome(row).summary().percentile()).isEqualTo(o.summary().percentile());
      assertThat(OutcomeRows.outcome(row).summary().bca().low()).isEqualTo(o.summary().bca().low());
      assertThat(row.<Double>getAs("true_value")).isEqualTo(o.truth());
    }
  }
}
