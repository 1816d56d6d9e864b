package org.scalesweep.jobs.pipeline;

import org.scalesweep.jobs.config.Version;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.spark.Progress;
import org.scalesweep.jobs.table.Manifest;
import org.scalesweep.jobs.table.Outputs;

/** Runs stages in order, recording each in manifest.json as it completes. */
public final class Pipeline {
  private Pipeline() {}

  /**
   * Runs the stages. A stage's outputs appear at their final paths only when the whole stage has
   * succeeded; a failure leaves the previous outputs (if any) and their manifest entry untouched.
   *
   * @param resume skip leading stages whose outputs exist and whose manifest entry has this config's
   *     hash and this version; once one stage runs, every later stage runs too
   */
  public static void run(StageContext ctx, List<Stage> stages, boolean resume) {
    boolean skipping = resume;
    for (Stage s : stages) {
      if (skipping && complete(ctx, s)) {
        ctx.log().printf("[%s] complete for this config; skipped (--resume)%n", s.name());
        continue;
      }
      skipping = false;
      long t0 = System.nanoTime();
      Map<String, Long> rows;
      try {
        rows = s.run(ctx);
        // forget the old entry before replacing outputs: a crash mid-commit must not look complete
        ctx.manifest().forget(s.name());
        ctx.outputs().writeText(Outputs.MANIFEST, ctx.manifest().toJson());
        ctx.outputs().commitStaged();
      } finally {
        ctx.outputs().cleanTmp();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      ctx.manifest().stage(s.name(), secs, rows, s.manifestNotes());
      ctx.outputs().writeText(Outputs.MANIFEST, ctx.manifest().toJson());
      ctx.log().printf("[%s] done in %.1fs: %s%n", s.name(), secs, rows);
    }
  }

  private static boolean complete(StageContext ctx, Stage s) {
    return ctx.manifest().current(s.name()) && s.outputs(ctx).stream().allMatch(o -> ctx.outputs().exists(o));
  }

  /** Runs stages of a study on a given session (the CLI's and the tests' common path). */
  public static void execute(Study study, SparkSession spark, String out, List<Stage> stages, boolean resume) {
    Progress progress = new Progress(System.err);
    spark.sparkContext().addSparkListener(progress);
    try {
      Outputs outputs = new Outputs(spark, out);
      Manifest manifest = new Manifest(study.name(), study.configHash(), study.resolvedConfigJson(), Version.current(),
          spark.sparkContext().master(), study.seed(), study.replicates());
      restore(outputs, manifest);
      StageContext ctx = new StageContext(study, spark, outputs, manifest, progress, System.err);
      Pipeline.run(ctx, stages, resume);
    } finally {
      spark.sparkContext().removeSparkListener(progress);
    }
  }

  /** Keeps earlier stages' manifest entries (single-stage commands, --resume). */
  @SuppressWarnings("unchecked")
  private static void restore(Outputs outputs, Manifest manifest) {
    if (!outputs.exists(Outputs.MANIFEST)) {
      return;
    }
    try {
      Map<String, Object> old = ConfigFactory.parseFile(new File(outputs.localRoot().toFile(), Outputs.MANIFEST))
          .root().unwrapped();
      Object stages = old.get("stages");
      if (stages instanceof Map<?, ?> m) {
        manifest.restore((Map<String, Object>) m);
      }
    } catch (RuntimeException e) {
      // a damaged manifest only costs --resume its shortcut
    }
  }
}
