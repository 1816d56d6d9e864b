package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.QuickRun;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.cli.StudySession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;

/** The quick study end to end on the shared local session. */
class PipelineTest {
  @TempDir
  static Path tmp;
  static Path out;
  static Study study;

  @BeforeAll
  static void copyQuickStudy() {
    study = QuickRun.study();
    out = QuickRun.copyTo(tmp.resolve("quick"));
  }

  @Test
  void everyStageWroteItsOutputsAndTheManifestCountsMatch() {
    SparkSession spark = SparkTestSession.get();
    Config manifest = ConfigFactory.parseFile(out.resolve("manifest.json").toFile());
    assertThat(manifest.getString("config_hash")).isEqualTo(study.configHash());
    assertThat(manifest.getObject("stages").keySet()).containsExactlyInAnyOrder("grid", "simulate", "fit", "bootstrap",
        "report");
    for (String stage : List.of("grid", "simulate", "fit", "bootstrap")) {
      Config rows = manifest.getConfig("stages." + stage + ".rows");
      for (Map.Entry<String, ?> e : rows.root().unwrapped().entrySet()) {
        long counted = spark.read().parquet(out.resolve(e.getKey().replace("\"", "")).toString()).count();
        assertThat(counted).as(e.getKey()).isEqualTo(((Number) e.getValue()).longValue());
      }
      assertThat(manifest.getDouble("stages." + stage + ".wall_seconds")).isPositive();
    }
    // 3 budgets: 5 + 15 + 15 configurations
    assertThat(spark.read().parquet(out.resolve("grid.parquet").toString()).count()).isEqualTo(35);
    // run x seed x (overall + 3 subgroups)
    assertThat(spark.read().parquet(out.resolve("runs.parquet").toString()).count()).isEqualTo(35 * 2 * 4);
    assertThat(out.resolve("report/index.html")).exists();
    assertThat(out.resolve("report/significance.csv")).exists();
    assertThat(out.resolve(".tmp")).doesNotExist();
  }

  @Test
  void significanceHasOneRowPerContrastAndFindsThePlantedEffectOnly() {
    List<Row> sig = SparkTestSession.get().read().parquet(out.resolve("significance.parquet").toString())
        .orderBy("treatment").collectAsList();
    assertThat(sig).hasSize(2);
    Row faster = sig.get(0);
    Row parallel = sig.get(1);
    assertThat(faster.<String>getAs("treatment")).isEqualTo("faster");
    assertThat(faster.<Boolean>getAs("significant")).isTrue();
    assertThat(faster.<Double>getAs("p_value")).isLessThan(0.05);
    assertThat(faster.<Double>getAs("delta_beta")).isBetween(-0.025, -0.015);
    assertThat(faster.<Boolean>getAs("covers_truth")).isTrue();
    assertThat(parallel.<String>getAs("treatment")).isEqualTo("parallel");
    assertThat(parallel.<Boolean>getAs("significant")).isFalse();
    assertThat(parallel.<Double>getAs("p_value")).isGreaterThanOrEqualTo(0.05);
    assertThat(faster.<Integer>getAs("resamples")).isEqualTo(400);
    assertThat(faster.<String>getAs("scheme")).isEqualTo("cluster");
  }

  @Test
  void fitsCarryEveryLawAndNoSilentNaN() {
    List<Row> fits = SparkTestSession.get().read().parquet(out.resolve("fits.parquet").toString()).collectAsList();
    assertThat(fits).extracting(r -> r.<String>getAs("law")).contains("power", "offset-power", "chinchilla", "approach2");
    for (Row r : fits) {
      double est = r.getAs("estimate");
      if (!Double.isFinite(est)) {
        assertThat(r.<String>getAs("flags")).as("NaN estimate must be flagged: %s", r).isNotEmpty();
      }
    }
  }

  @Test
  void rerunningTheReportReplacesItAtomically() throws Exception {
    File index = out.resolve("report/index.html").toFile();
    long before = index.lastModified();
    Thread.sleep(20);
    Pipeline.execute(study, SparkTestSession.get(), out.toString(), List.of(new ReportStage()), false);
    assertThat(out.resolve("report/index.html").toFile().lastModified()).isGreaterThanOrEqualTo(before);
    assertThat(Files.list(out).map(p -> p.getFileName().toString())).doesNotContain(".tmp");
  }
}
