package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.advice.Advisor;
import org.scalesweep.advice.ReplicateSweeps;
import org.scalesweep.advice.Scored;
import org.scalesweep.advice.Objective;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.table.Outputs;

/** advise on Spark: the same advice as lib's in-memory loop, a valid grid of runs to add, and its report. */
class AdviseStageTest {
  @TempDir
  static Path tmp;

  @Test
  void adviceOnSparkIsLibsAdviceAndItsGridRowsAreValid() {
    // quick.conf with one seed (a planned study) and a stated small effect: power well below the target
    Study s = TestStudies.load("quick.conf", "replicates=1");
    AdviseStage.Options o = new AdviseStage.Options("demo", "dclm", ResampleScheme.BUDGET_WLS, List.of("faster"),
        -0.004, 2e20, 0.8, Objective.POWER, 8, 30, 6, 0);
    Path dir = tmp.resolve("advise");
    SparkSession spark = SparkTestSession.get();
    Pipeline.execute(s, spark, dir.toString(), List.of(new AdviseStage(o)), false);
    List<Row> advice = spark.read().parquet(dir.resolve(Outputs.ADVICE).toString()).collectAsList();
    List<Row> plan = spark.read().parquet(dir.resolve(Outputs.ADVICE_PLAN).toString()).collectAsList();
    List<Row> grid = spark.read().parquet(dir.resolve(Outputs.GRID).toString()).collectAsList();

    // the same computation in one loop: identical values (the advice does not depend on the partitioning)
    AdviseStage.Setup setup = AdviseStage.setup(s, o);
    Advisor a = AdviseStage.advisor(setup, ds -> ReplicateSweeps.local(setup.study(), ds, setup.effects(), 8,
        Gemm.best()), s);
    Advisor.Result lib = a.advise(setup.base(), o.budgetFlops());
    assertThat(advice).hasSize(lib.candidates().size());
    for (Scored c : lib.candidates()) {
      Row row = advice.stream().filter(r -> r.getAs("candidate").equals(c.candidate().label())).findFirst()
          .orElseThrow();
      assertThat(row.<Integer>getAs("rank")).isEqualTo(c.rank());
      assertThat(row.<Double>getAs("gain_per_flop")).isEqualTo(c.gainPerFlop());
      assertThat(row.<Double>getAs("expected_width")).isEqualTo(c.expectedWidth());
    }
    assertThat(advice.stream().map(r -> r.<Integer>getAs("rank")).sorted().toList())
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, advice.size()).boxed().toList());
    List<Row> steps = plan.stream().filter(r -> r.getAs("plan").equals("advisor"))
        .sorted(Comparator.comparingInt(r -> r.<Integer>getAs("step"))).toList();
    assertThat(steps).hasSize(lib.plan().size());
    assertThat(steps).isNotEmpty();
    for (int i = 0; i < steps.size(); i++) {
      assertThat(steps.get(i).<String>getAs("candidate")).isEqualTo(lib.plan().get(i).candidate().label());
    }
    assertThat(plan.stream().filter(r -> r.getAs("plan").equals("uniform-seeds"))).hasSize(AdviseStage.MAX_UNIFORM);

    // every row of grid.parquet is a configuration the grid rules lay out, one per added run
    assertThat(grid).hasSize(org.scalesweep.advice.PlanGrid.added(setup.base(), lib.last().design()).size());
    for (Row r : grid) {
      double budget = r.getAs("budget");
      int width = r.getAs("width");
      ModelConfig c = IsoFlopGrid.configurations(budget, s.rules()).stream().filter(x -> x.width() == width)
          .findFirst().orElseThrow();
      assertThat(r.<Long>getAs("steps")).isEqualTo(c.steps());
      assertThat(r.<Long>getAs("batch")).isEqualTo(c.batch());
      assertThat(r.<Integer>getAs("depth")).isEqualTo(c.depth());
      assertThat(r.<String>getAs("run_id")).matches("dclm/.*-d" + width + "/seed-\\d+");
    }
    // power --extend grid.parquet on the study's design is the plan's last step, replicate for replicate
    Path pdir = tmp.resolve("power-extended");
    org.scalesweep.calib.PowerDesign all = new org.scalesweep.calib.PowerDesign(15, 3, 0, 1);
    Pipeline.execute(s, spark, pdir.toString(), List.of(new PowerStage(new PowerStage.Options("demo", "dclm",
        ResampleScheme.BUDGET_WLS, new double[] {-0.004}, List.of(all), 8, 30, 0.8,
        dir.resolve(Outputs.GRID).toString()))), false);
    Row extended = spark.read().parquet(pdir.resolve(PowerStage.POWER).toString()).collectAsList().get(0);
    Row last = steps.get(steps.size() - 1);
    assertThat(extended.<Double>getAs("power")).isEqualTo(last.<Double>getAs("power_counted"));
    assertThat(extended.<Integer>getAs("runs")).isEqualTo(last.<Integer>getAs("runs"));
    assertThat(extended.<String>getAs("design")).endsWith("runs of grid.parquet");
    assertThat(dir.resolve("report").resolve("index.html")).exists();
    assertThat(dir.resolve("report").resolve("figures").resolve("advice_gain.png")).exists();
  }
}
