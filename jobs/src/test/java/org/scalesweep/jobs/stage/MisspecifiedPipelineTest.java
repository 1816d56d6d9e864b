package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.OutputSnapshot;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.SimulatedCorpus;
import org.scalesweep.sim.Simulator;

/**
 * The pipeline under conf/stress.conf's misspecifications: simulate writes exactly the run
 * replicates lib's sweep keeps (failed ones absent) with the same seed-averaged values, on any
 * partitioning, and significance carries the lack-of-fit columns.
 */
class MisspecifiedPipelineTest {
  @TempDir
  static Path tmp;

  @Test
  void simulateMatchesLibAndIsPartitionIndependentAndSignificanceHasLackOfFit() {
    SparkSession spark = SparkTestSession.get();
    // crossovers on: the snapshot comparison wants every table non-empty
    String[] reduced = {"grid.budgets=[1e18, 6e18, 3e19]", "bootstrap.resamples=50", "case-studies.stress.crossovers=true"};
    Study a = TestStudies.load("stress.conf", concat(reduced, "simulate.partitions=1", "bootstrap.partitions=1"));
    Study b = TestStudies.load("stress.conf", concat(reduced, "simulate.partitions=5", "bootstrap.partitions=7"));
    Path da = tmp.resolve("a");
    Path db = tmp.resolve("b");
    Pipeline.execute(a, spark, da.toString(), Stages.all(a), false);
    Pipeline.execute(b, spark, db.toString(), Stages.all(b), false);
    OutputSnapshot.assertIdentical(OutputSnapshot.of(spark, db), OutputSnapshot.of(spark, da));

    StudyTruths t = new StudyTruths(a);
    CorpusRuns lib = SimulatedCorpus.sweep(new Simulator(a.seed(), a.noise()), a.structure(), t.truths[0][0],
        t.configs, a.replicates(), a.bootstrap().clusterBy(), "overall", false).runs();
    List<Row> planted = spark.read().parquet(da.resolve("runs.parquet").toString())
        .filter("subgroup = 'planted'").groupBy("budget", "params").avg("loss").collectAsList();
    long rows = spark.read().parquet(da.resolve("runs.parquet").toString()).filter("subgroup = 'planted'").count();
    // 5% of run replicates fail: fewer rows than configurations x seeds, and the surviving configurations agree
    assertThat(rows).isLessThan((long) t.configs.size() * a.replicates());
    assertThat(planted).hasSize(lib.runs());
    int g = lib.subgroupIndex("planted");
    for (Row r : planted) {
      int k = -1;
      for (int i = 0; i < lib.runs(); i++) {
        if (lib.budget()[i] == r.getDouble(0) && lib.params()[i] == (double) r.getLong(1)) {
          k = i;
        }
      }
      assertThat(k).isNotNegative();
      assertThat(r.getDouble(2)).isCloseTo(lib.loss()[g][k], org.assertj.core.api.Assertions.within(1e-12));
    }
    List<Row> sig = spark.read().parquet(da.resolve("significance.parquet").toString()).collectAsList();
    assertThat(sig).hasSize(3);
    for (Row r : sig) {
      double p = r.getAs("lack_of_fit_p");
      boolean flagged = List.of(r.<String>getAs("flags").split(",")).contains("lack_of_fit");
      assertThat(flagged).isEqualTo(p < a.bootstrap().alpha());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
