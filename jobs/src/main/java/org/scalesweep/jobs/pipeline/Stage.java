package org.scalesweep.jobs.pipeline;

import java.util.Map;
import org.scalesweep.jobs.table.Outputs;

/** A pipeline stage: reads earlier outputs, calls lib in executors, writes its outputs. */
public interface Stage {
  /** Name used on the command line, in the manifest and in progress lines. */
  String name();

  /** Runs the stage; returns rows written per output name. */
  Map<String, Long> run(StageContext ctx);

  /** Outputs this stage writes (used by --resume to check completeness). */
  java.util.List<String> outputs(StageContext ctx);

  /** What the last {@link #run} decided that manifest.json should record (e.g. derived columns). */
  default Map<String, Object> manifestNotes() {
    return Map.of();
  }
}
