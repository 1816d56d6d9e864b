package org.scalesweep.jobs.cli;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.config.StudyLoader;
import org.scalesweep.jobs.ingest.IngestManifest;
import org.scalesweep.jobs.ingest.IngestOptions;
import org.scalesweep.jobs.pipeline.Timeline;
import org.scalesweep.jobs.config.Version;
import org.scalesweep.jobs.spark.Sessions;
import org.scalesweep.jobs.table.Manifest;
import org.scalesweep.jobs.table.OutputLock;
import org.scalesweep.jobs.table.Outputs;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that writes an output directory from runs (ingest, fit-runs, backtest): options are
 * checked before Spark starts, the input is validated before the output directory is touched (an
 * invalid input exits 2 with nothing written), and manifest.json records the command's options.
 */
abstract class RunsCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  String out;

  @Option(names = "--overwrite", description = "Replace an existing output directory.")
  boolean overwrite;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: embedded local[*]).")
  String master;

  @Option(names = "--verbose", description = "Show Spark's log and stack traces.")
  boolean verbose;

  @Mixin
  InputOptions input;

  /** The command's name, for the manifest. */
  abstract String command();

  /** Checks the command's own options (before Spark starts). */
  abstract void checkOptions();

  /** The command's options as manifest.json records them (besides the input's). */
  abstract Map<String, Object> describe();

  /** The seed of keyed draws recorded in the manifest. */
  abstract long seed();

  /**
   * Reads and validates inputs, then (only when valid) writes outputs.
   *
   * @return a writer that runs once the output directory is clear
   */
  abstract Writer prepare(SparkSession spark, IngestOptions options);

  /** The writing half of a command, run after validation. */
  interface Writer {
    Map<String, Long> write(Outputs outputs);
  }

  @Override
  public Integer call() {
    IngestOptions options = input.options();
    if (!command().equals("ingest") && inputPath() != null) {
      IngestManifest.Applied applied = IngestManifest.apply(inputPath(), options);
      options = applied.options();
      if (!applied.note().isEmpty()) {
        System.err.println(command() + ": " + applied.note());
      }
    }
    checkOptions();
    try (OutputLock lock = StudySession.lock(Path.of(out), "scalesweep " + command())) {
      StudySession.checkOutput(out, overwrite, false);
      write(options, lock);
    }
    return 0;
  }

  private void write(IngestOptions options, OutputLock lock) {
    Timeline.mark("command line", System.err);
    SparkSession spark = Sessions.create("scalesweep " + command(), master, verbose);
    try {
      Timeline.mark("Spark session start", System.err);
      long t0 = System.nanoTime();
      Writer w = prepare(spark, options);
      Timeline.mark(command() + " (read, compute)", System.err);
      if (overwrite) {
        lock.clear();
      }
      Outputs outputs = new Outputs(spark, out);
      try {
        Map<String, Long> rows = w.write(outputs);
        var parts = outputs.commitStaged(); // the command's outputs appear together, once all are written
        Manifest m = manifest(spark);
        m.stage(command(), (System.nanoTime() - t0) / 1e9, rows, parts, notes());
        outputs.writeText(Outputs.MANIFEST, m.toJson());
        Timeline.mark("write outputs", System.err);
      } finally {
        outputs.cleanTmp();
      }
    } finally {
      spark.stop();
      Timeline.mark("Spark session stop", System.err);
    }
  }

  /** Extra manifest entries of the stage (e.g. what ingest derived). */
  Map<String, Object> notes() {
    return Map.of();
  }

  private Manifest manifest(SparkSession spark) {
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("command", command());
    opts.putAll(describe());
    opts.putAll(input.describe(inputPath()));
    String json = ConfigValueFactory.fromMap(opts).render(ConfigRenderOptions.concise());
    return new Manifest(command(), StudyLoader.sha256(json), json, Version.current(), spark.sparkContext().master(),
        seed(), 0);
  }

  /** The input FILE or DIR the command read. */
  abstract Path inputPath();
}
