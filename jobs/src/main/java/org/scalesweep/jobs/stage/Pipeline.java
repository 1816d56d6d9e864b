package org.scalesweep.jobs.stage;

import java.util.List;
import java.util.Map;
import org.scalesweep.jobs.config.Study;

/** Runs stages in order, recording each in manifest.json as it completes. */
public final class Pipeline {
  private Pipeline() {}

  /** Every stage of a full run of a study, in order: ingested studies read their runs instead of simulating them. */
  public static List<Stage> all(Study study) {
    return study.ingested() ? List.of(new IngestStage(), new FitStage(), new BootstrapStage(), new ReportStage())
        : simulated();
  }

  /** Every stage of a simulated study, grid to report. */
  public static List<Stage> simulated() {
    return List.of(new GridStage(), new SimulateStage(), new FitStage(), new BootstrapStage(), new ReportStage());
  }

  /** The stage of a command-line name. */
  public static Stage stage(String name) {
    return List.of(new GridStage(), new SimulateStage(), new IngestStage(), new FitStage(), new BootstrapStage(),
        new ReportStage()).stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + name + "'; allowed: grid, simulate, fit, "
            + "bootstrap, report"));
  }

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
}
