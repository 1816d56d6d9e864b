package org.scalesweep.jobs.pipeline;

import org.scalesweep.jobs.config.Version;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.spark.JobCounter;
import org.scalesweep.jobs.spark.Progress;
import org.scalesweep.jobs.table.Manifest;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.jobs.table.PartFile;

/** Runs stages in order, recording each in manifest.json as it completes. */
public final class Pipeline {
  private Pipeline() {}

  /**
   * Runs the stages. A stage's outputs appear at their final paths only when the whole stage has
   * succeeded; a failure leaves the previous outputs (if any) and their manifest entry untouched.
   *
   * @param resume skip leading stages whose manifest entry has this config's hash and this version and
   *     whose outputs match the entry's part files (rows and checksums); a stage whose outputs are
   *     missing or damaged is recomputed, saying so; once one stage runs, every later stage runs too
   */
  public static void run(StageContext ctx, List<Stage> stages, boolean resume) {
    boolean skipping = resume;
    for (Stage s : stages) {
      if (skipping) {
        List<String> problems = problems(ctx, s);
        if (problems.isEmpty()) {
          ctx.log().printf("[%s] complete for this config; skipped (--resume), its %d part files verified%n", s.name(),
              ctx.manifest().entry(s.name()).get(Manifest.PARTS) instanceof List<?> l ? l.size() : 0);
          continue;
        }
        if (ctx.manifest().current(s.name())) {
          ctx.log().printf("[%s] outputs damaged or missing, recomputing this stage and the later ones:%n", s.name());
          problems.forEach(p -> ctx.log().printf("[%s]   %s%n", s.name(), p));
        }
      }
      skipping = false;
      Timeline.mark("before stage " + s.name(), ctx.log());
      long t0 = System.nanoTime();
      Map<String, Long> rows;
      List<PartFile> parts;
      try {
        rows = s.run(ctx);
        // forget the old entry before replacing outputs: a crash mid-commit must not look complete
        ctx.manifest().forget(s.name());
        ctx.outputs().writeText(Outputs.MANIFEST, ctx.manifest().toJson());
        parts = ctx.outputs().commitStaged();
      } finally {
        ctx.outputs().cleanTmp();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      ctx.manifest().stage(s.name(), secs, rows, parts, s.manifestNotes());
      ctx.outputs().writeText(Outputs.MANIFEST, ctx.manifest().toJson());
      ctx.log().printf("[%s] done in %.1fs: %s%n", s.name(), secs, rows);
      Timeline.mark("stage " + s.name(), ctx.log());
      Timeline.spark(ctx.log());
    }
  }

  /** Why a stage's recorded outputs cannot be kept (empty: complete for this config and intact). */
  private static List<String> problems(StageContext ctx, Stage s) {
    if (!ctx.manifest().current(s.name())) {
      return List.of("not recorded for this config and version");
    }
    List<String> out = new ArrayList<>();
    for (String o : s.outputs(ctx)) {
      if (!ctx.outputs().exists(o)) {
        out.add(o + ": missing");
      }
    }
    out.addAll(ctx.outputs().problems(ctx.manifest().entry(s.name())));
    return out.stream().distinct().toList();
  }

  /** Runs stages of a study on a given session (the CLI's and the tests' common path). */
  public static void execute(Study study, SparkSession spark, String out, List<Stage> stages, boolean resume) {
    Progress progress = new Progress(System.err);
    spark.sparkContext().addSparkListener(progress);
    JobCounter counter = Timeline.enabled() ? new JobCounter() : null;
    if (counter != null) {
      spark.sparkContext().addSparkListener(counter);
      Timeline.count(counter);
    }
    try {
      Outputs outputs = new Outputs(spark, out);
      Manifest manifest = new Manifest(study.name(), study.configHash(), study.resolvedConfigJson(), Version.current(),
          spark.sparkContext().master(), study.seed(), study.replicates());
      restore(outputs, manifest);
      StageContext ctx = new StageContext(study, spark, outputs, manifest, progress, System.err);
      Pipeline.run(ctx, stages, resume);
    } finally {
      spark.sparkContext().removeSparkListener(progress);
      if (counter != null) {
        spark.sparkContext().removeSparkListener(counter);
        Timeline.count(null);
      }
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
