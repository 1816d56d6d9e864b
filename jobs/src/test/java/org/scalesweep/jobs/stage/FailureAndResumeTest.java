package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.OutputSnapshot;
import org.scalesweep.jobs.QuickRun;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.Outputs;

/** A failed stage leaves nothing partial at a final path; reruns and --resume complete the study. */
class FailureAndResumeTest {
  @TempDir
  Path tmp;

  /** A real stage that does all its work, writes every output, then fails before the commit. */
  private static final class FailsAfterWriting implements Stage {
    private final Stage inner;

    FailsAfterWriting(Stage inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public Map<String, Long> run(StageContext ctx) {
      inner.run(ctx);
      throw new IllegalStateException("injected failure after " + name() + " wrote its outputs");
    }

    @Override
    public List<String> outputs(StageContext ctx) {
      return inner.outputs(ctx);
    }
  }

  private static List<Stage> withFailing(String name) {
    List<Stage> stages = new ArrayList<>();
    for (Stage s : Stages.simulated()) {
      stages.add(s.name().equals(name) ? new FailsAfterWriting(s) : s);
    }
    return stages;
  }

  private static String stageLog(Path out, List<Stage> stages, boolean resume) {
    return StageRun.log(QuickRun.study(), out, stages, resume);
  }

  @Test
  void aStageFailingAfterItsWritesLeavesNoOutputAndTheRerunCompletesIdentically() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("run"));
    for (String gone : List.of(Outputs.SIGNIFICANCE, Outputs.CROSSOVERS, Outputs.REPORT)) {
      QuickRun.delete(out.resolve(gone));
    }
    long fitsModified = Files.getLastModifiedTime(out.resolve(Outputs.FITS)).toMillis();

    assertThatThrownBy(() -> stageLog(out, withFailing("bootstrap"), true)).hasMessageContaining("injected failure");
    // both outputs were complete in .tmp when the stage failed: neither may appear, nor the .tmp
    assertThat(out.resolve(Outputs.SIGNIFICANCE)).doesNotExist();
    assertThat(out.resolve(Outputs.CROSSOVERS)).doesNotExist();
    assertThat(out.resolve(".tmp")).doesNotExist();
    assertThat(out.resolve(Outputs.REPORT)).doesNotExist();
    assertThat(Files.getLastModifiedTime(out.resolve(Outputs.FITS)).toMillis()).isEqualTo(fitsModified);

    String log = stageLog(out, Stages.simulated(), true);
    assertThat(log).contains("[grid] complete for this config; skipped (--resume)")
        .contains("[simulate] complete for this config; skipped").contains("[fit] complete for this config; skipped")
        .contains("[bootstrap] done in").contains("[report] done in");
    OutputSnapshot.assertIdentical(OutputSnapshot.of(SparkTestSession.get(), out),
        OutputSnapshot.of(SparkTestSession.get(), QuickRun.dir()));
    assertThat(out.resolve("report/index.html")).exists();
  }

  @Test
  void aJobCancelledMidWriteKeepsThePreviousOutputsIntact() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("run"));
    byte[] manifestBefore = Files.readAllBytes(out.resolve(Outputs.MANIFEST));
    var before = OutputSnapshot.of(SparkTestSession.get(), out);
    SparkSession spark = SparkTestSession.get();
    SparkContext sc = spark.sparkContext();
    AtomicInteger tasks = new AtomicInteger();
    Set<Integer> resampleStages = ConcurrentHashMap.newKeySet();
    // kill the bootstrap's Spark job after the first finished task of its resample stage (8 partitions)
    SparkListener canceller = new SparkListener() {
      @Override
      public void onStageSubmitted(SparkListenerStageSubmitted e) {
        if (e.stageInfo().numTasks() >= 8) {
          resampleStages.add(e.stageInfo().stageId());
        }
      }

      @Override
      public void onTaskEnd(SparkListenerTaskEnd e) {
        if (resampleStages.contains(e.stageId()) && tasks.incrementAndGet() == 1) {
          sc.cancelJobGroup("bootstrap");
        }
      }
    };
    try {
      sc.addSparkListener(canceller);
      assertThatThrownBy(() -> stageLog(out, List.of(new BootstrapStage()), false)).hasStackTraceContaining("cancelled");
    } finally {
      sc.removeSparkListener(canceller);
    }
    assertThat(tasks.get()).isPositive();
    assertThat(out.resolve(".tmp")).doesNotExist();
    assertThat(Files.readAllBytes(out.resolve(Outputs.MANIFEST))).isEqualTo(manifestBefore);
    OutputSnapshot.assertIdentical(OutputSnapshot.of(spark, out), before);
  }

  @Test
  void resumeRerunsFromTheFirstStageWhoseHashIsStale() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("run"));
    Path manifest = out.resolve(Outputs.MANIFEST);
    String hash = QuickRun.study().configHash();
    // the fit entry alone was written by another config: fit and everything after it must rerun
    Files.writeString(manifest, ConfigFactory.parseFile(manifest.toFile())
        .withValue("stages.fit.config_hash", ConfigValueFactory.fromAnyRef("0".repeat(hash.length()))).root()
        .render(ConfigRenderOptions.concise()));
    long runsModified = Files.getLastModifiedTime(out.resolve(Outputs.RUNS)).toMillis();

    String log = stageLog(out, Stages.simulated(), true);
    assertThat(log).contains("[grid] complete for this config; skipped").contains("[simulate] complete for this config")
        .contains("[fit] done in").contains("[bootstrap] done in").contains("[report] done in");
    assertThat(Files.getLastModifiedTime(out.resolve(Outputs.RUNS)).toMillis()).isEqualTo(runsModified);
    var m = ConfigFactory.parseFile(manifest.toFile());
    for (String stage : List.of("grid", "simulate", "fit", "bootstrap", "report")) {
      assertThat(m.getString("stages." + stage + ".config_hash")).as(stage).isEqualTo(hash);
    }
    OutputSnapshot.assertIdentical(OutputSnapshot.of(SparkTestSession.get(), out),
        OutputSnapshot.of(SparkTestSession.get(), QuickRun.dir()));
  }
}
