package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.OutputSnapshot;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;

/**
 * simulate makes runs.parquet in the same pass as items.parquet: every run row of a subgroup with
 * items is exactly (to the bit) the mean of its item losses summed in item order and the fraction of
 * its items answered correctly, what {@code Simulator.observe} computes; subgroups without items keep
 * their run-level draws; failed jobs have neither runs nor items; and both tables are the same on
 * any partitioning. conf/stress.conf (5% failed jobs) with items on three of its four subgroups.
 */
class SimulateOnePassTest {
  @TempDir
  static Path tmp;

  private static final String[] STUDY = {"grid.budgets=[1e18, 6e18, 3e19]", "noise.sigma-item=0.2",
      "noise.tau-item=0.4", "case-studies.stress.accuracy.floor=0.25", "case-studies.stress.accuracy.a=1.85",
      "case-studies.stress.accuracy.b=4.9", "case-studies.stress.subgroups.base.items=30",
      "case-studies.stress.subgroups.null-effect.items=30", "case-studies.stress.subgroups.own-law.items=25"};

  @Test
  void runMeansComeFromTheWrittenItemsOnAnyPartitioning() {
    SparkSession spark = SparkTestSession.get();
    Path one = tmp.resolve("one");
    Path five = tmp.resolve("five");
    Study a = TestStudies.load("stress.conf", concat(STUDY, "simulate.partitions=1"));
    Study b = TestStudies.load("stress.conf", concat(STUDY, "simulate.partitions=5"));
    List<org.scalesweep.jobs.pipeline.Stage> stages = List.of(new GridStage(), new SimulateStage());
    Pipeline.execute(a, spark, one.toString(), stages, false);
    Pipeline.execute(b, spark, five.toString(), stages, false);
    Map<String, List<Row>> first = OutputSnapshot.of(spark, one);
    assertThat(first).containsKeys("runs.parquet", "items.parquet");
    OutputSnapshot.assertIdentical(OutputSnapshot.of(spark, five), first);

    // per (subgroup, run, seed): the item losses in item order and the correct count
    Map<String, double[]> losses = new HashMap<>();
    Map<String, Integer> correct = new HashMap<>();
    Set<String> itemUnits = new HashSet<>();
    for (Row r : first.get("items.parquet")) {
      String unit = r.<String>getAs("run_id") + "#" + r.<Integer>getAs("seed");
      String key = r.<String>getAs("subgroup") + "|" + unit;
      int n = r.<String>getAs("subgroup").equals("own-law") ? 25 : 30;
      double[] l = losses.computeIfAbsent(key, k -> new double[n]);
      l[r.<Integer>getAs("item")] = r.<Double>getAs("loss");
      correct.merge(key, Boolean.TRUE.equals(r.getAs("correct")) ? 1 : 0, Integer::sum);
      itemUnits.add(unit);
    }
    Set<String> runUnits = new HashSet<>();
    int withItems = 0;
    for (Row r : first.get("runs.parquet")) {
      String unit = r.<String>getAs("run_id") + "#" + r.<Integer>getAs("seed");
      runUnits.add(unit);
      String key = r.<String>getAs("subgroup") + "|" + unit;
      double[] l = losses.get(key);
      if (l == null) { // the overall loss and "planted": run-level draws
        assertThat(r.<Integer>getAs("items")).isZero();
        assertThat(r.<Double>getAs("accuracy")).isNull();
        continue;
      }
      withItems++;
      double sum = 0;
      for (double v : l) {
        sum += v;
      }
      assertThat(r.<Integer>getAs("items")).isEqualTo(l.length);
      assertThat(r.<Double>getAs("loss")).isEqualTo(sum / l.length);
      assertThat(r.<Double>getAs("accuracy")).isEqualTo((double) correct.get(key) / l.length);
    }
    StudyTruths t = new StudyTruths(a);
    // 5% of the run replicates failed: absent from both tables alike
    assertThat(runUnits).isEqualTo(itemUnits);
    assertThat((long) runUnits.size()).isLessThan(t.units()).isGreaterThan(t.units() * 8 / 10);
    assertThat(withItems).isEqualTo(3 * runUnits.size()).isEqualTo(losses.size());
    assertThat(first.get("runs.parquet")).hasSize(5 * runUnits.size());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
