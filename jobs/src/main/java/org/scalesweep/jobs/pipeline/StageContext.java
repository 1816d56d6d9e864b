package org.scalesweep.jobs.pipeline;

import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.spark.Progress;
import org.scalesweep.jobs.table.Manifest;
import org.scalesweep.jobs.table.Outputs;

/**
 * What every stage gets: the study, the session, the output directory, the manifest and progress.
 *
 * @param log where stage summaries go (stderr by default)
 */
public record StageContext(Study study, SparkSession spark, Outputs outputs, Manifest manifest, Progress progress,
    java.io.PrintStream log) {

  /** Number of cores Spark schedules on (local[*]: the machine's; clusters: executors' total). */
  public int parallelism() {
    return spark.sparkContext().defaultParallelism();
  }

  /** Marks the start of a stage's Spark jobs: job group for the UI, label for console progress. */
  public void begin(String stage, String description) {
    spark.sparkContext().setJobGroup(stage, stage + ": " + description, false);
    progress.slots(parallelism());
    progress.label(stage, description);
  }
}
