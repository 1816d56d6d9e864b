package org.scalesweep.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.cli.StudySession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.stage.Stages;
import org.scalesweep.jobs.table.Csv;

/** The pipeline on ingested runs: a simulated study's runs round-tripped through CSV, and the shipped example. */
class IngestPipelineTest {
  @TempDir
  Path tmp;

  @Test
  void simulatedRunsExportedToCsvAndIngestedGiveTheSameFitsAndSignificance() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Study sim = TestStudies.load("quick.conf");
    Path simOut = tmp.resolve("sim");
    Pipeline.execute(sim, spark, simOut.toString(), Stages.all(sim).subList(0, 4), false);

    // export the runs as a user would: canonical columns only, no study column
    Dataset<Row> runs = spark.read().parquet(simOut.resolve("runs.parquet").toString()).select("run_id", "corpus",
        "params", "tokens", "flops", "subgroup", "seed", "loss", "budget", "width", "depth");
    Path csv = tmp.resolve("runs.csv");
    Files.writeString(csv, Csv.of(runs.schema(), runs.collectAsList()));

    Study ing = TestStudies.load("quick.conf", "source=ingest", "ingest.path=\"" + csv.toAbsolutePath() + "\"");
    assertThat(Stages.all(ing)).extracting(s -> s.name()).containsExactly("ingest", "fit", "bootstrap", "report");
    Path ingOut = tmp.resolve("ing");
    Pipeline.execute(ing, spark, ingOut.toString(), Stages.all(ing).subList(0, 3), false);

    Map<String, Double> simFits = estimates(spark, simOut);
    Map<String, Double> ingFits = estimates(spark, ingOut);
    assertThat(ingFits.keySet()).isEqualTo(simFits.keySet());
    assertThat(simFits).hasSizeGreaterThan(30);
    simFits.forEach((k, v) -> {
      if (Double.isNaN(v)) {
        assertThat(ingFits.get(k)).as(k).isNaN();
      } else {
        assertThat(ingFits.get(k)).as(k).isCloseTo(v, within(1e-12 * Math.max(1, Math.abs(v))));
      }
    });
    List<Row> a = significance(spark, simOut);
    List<Row> b = significance(spark, ingOut);
    assertThat(b).hasSize(2);
    for (int i = 0; i < a.size(); i++) {
      for (String c : List.of("treatment", "delta_beta", "ci_low", "ci_high", "p_value", "significant")) {
        assertThat(b.get(i).<Object>getAs(c)).as(c).isEqualTo(a.get(i).getAs(c));
      }
    }
    // truths are known only for simulations
    assertThat(b.get(0).<Object>getAs("true_delta_beta")).isNull();
    Config manifest = ConfigFactory.parseFile(ingOut.resolve("manifest.json").toFile());
    assertThat(manifest.getBoolean("stages.ingest.budgets_derived_from_flops")).isFalse();
    assertThat(manifest.getBoolean("stages.ingest.flops_derived_from_6ND")).isFalse();
  }

  @Test
  void theShippedExampleFindsItsPlantedGapClosing() {
    SparkSession spark = SparkTestSession.get();
    Study study = TestStudies.load("ingest-example.conf");
    assertThat(study.corpora()).isEmpty();
    Path out = tmp.resolve("example");
    Pipeline.execute(study, spark, out.toString(), Stages.all(study), false);
    Row sig = spark.read().parquet(out.resolve("significance.parquet").toString()).collectAsList().get(0);
    assertThat(sig.<String>getAs("corpus")).isEqualTo("example");
    assertThat(sig.<String>getAs("treatment")).isEqualTo("code");
    // the example's code slice was written with delta-beta = -0.02 relative to web
    assertThat(sig.<Double>getAs("delta_beta")).isCloseTo(-0.02, within(0.002));
    assertThat(sig.<Boolean>getAs("significant")).isTrue();
    Config manifest = ConfigFactory.parseFile(out.resolve("manifest.json").toFile());
    assertThat(manifest.getBoolean("stages.ingest.budgets_derived_from_flops")).isTrue();
    // training budgets 6e18 … 2e20 are forward-pass 2e18, 6.67e18, 2e19, 6.67e19: nominal 2e18, 7e18, 2e19, 7e19
    assertThat(manifest.getStringList("stages.ingest.notes"))
        .anyMatch(n -> n.contains("found from the logged compute") && n.contains("7e19=30"));
    assertThat(out.resolve("report/index.html")).exists();
  }

  private static Map<String, Double> estimates(SparkSession spark, Path out) {
    Map<String, Double> m = new HashMap<>();
    for (Row r : spark.read().parquet(out.resolve("fits.parquet").toString()).collectAsList()) {
      m.put(r.getAs("corpus") + "/" + r.getAs("subgroup") + "/" + r.getAs("law") + "/" + r.getAs("fit_on") + "/"
          + r.getAs("param"), r.getAs("estimate"));
    }
    return m;
  }

  private static List<Row> significance(SparkSession spark, Path out) {
    return spark.read().parquet(out.resolve("significance.parquet").toString()).orderBy("treatment").collectAsList();
  }
}
