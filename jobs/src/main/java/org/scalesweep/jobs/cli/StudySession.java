package org.scalesweep.jobs.cli;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.config.StudyLoader;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.pipeline.Timeline;
import org.scalesweep.jobs.config.Version;
import org.scalesweep.jobs.spark.ExecutorWatch;
import org.scalesweep.jobs.spark.Progress;
import org.scalesweep.jobs.spark.Sessions;
import org.scalesweep.jobs.table.OutputLock;
import org.scalesweep.jobs.table.Outputs;

/**
 * One command's life: validate the config (before any directory or Spark job exists), check the
 * output directory, start Spark, run stages, stop Spark.
 */
public final class StudySession {
  private StudySession() {}

  /** The study a command runs, validated; config errors surface here, before anything is created. */
  static Study load(Path conf, StudyOptions opts) {
    Study study = StudyLoader.load(conf, opts.sets);
    Timeline.mark("command line and config", System.err);
    return study;
  }

  static void run(Study study, String out, StudyOptions opts, List<Stage> stages, boolean fresh, boolean overwrite,
      boolean resume) {
    Path dir = Path.of(out);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException("--out '" + out + "' is a file, not a directory");
    }
    if (opts.connectTimeout < 1) {
      throw new UsageException("--connect-timeout " + opts.connectTimeout + " must be >= 1 (seconds)");
    }
    String what = stages.size() == 1 ? stages.get(0).name() : "run";
    try (OutputLock lock = lock(dir, "scalesweep " + what + " " + study.name())) {
      run(study, out, opts, stages, fresh, overwrite, resume, lock);
    }
  }

  private static void run(Study study, String out, StudyOptions opts, List<Stage> stages, boolean fresh,
      boolean overwrite, boolean resume, OutputLock lock) {
    Path dir = Path.of(out);
    boolean occupied = !isEmpty(dir);
    if (fresh && occupied && !overwrite && !resume) {
      // the same command again continues its own run (e.g. after a failed stage); other results are never replaced
      if (!study.configHash().equals(manifestHash(dir))) {
        throw new UsageException("output directory '" + out + "' already exists with other results; pass --overwrite "
            + "to replace it or --resume to continue it");
      }
      System.err.println("continuing the run in " + out + " (same config; finished stages are verified and kept)");
      resume = true;
    }
    if (overwrite && !resume && occupied) {
      // only ever delete what ScaleSweep wrote: a mistyped --out must not cost the user a directory
      if (!Files.exists(dir.resolve(Outputs.MANIFEST))) {
        throw new UsageException("--overwrite: '" + out + "' has no " + Outputs.MANIFEST
            + ", so it is not a ScaleSweep output directory; not deleting it (choose another --out)");
      }
      lock.clear();
    }
    ExecutorWatch.Connected c = ExecutorWatch.connect(Sessions.effectiveMaster(opts.master),
        () -> Sessions.create("scalesweep " + study.name(), opts.master, opts.verbose),
        Duration.ofSeconds(opts.connectTimeout));
    Timeline.mark("Spark session start", System.err);
    try (ExecutorWatch watch = c.watch()) {
      Pipeline.execute(study, c.spark(), out, stages, resume);
    } catch (Exception e) { // Spark's SparkException is checked, thrown from Scala undeclared
      throw c.watch().explain(e);
    } finally {
      c.spark().stop();
      Timeline.mark("Spark session stop", System.err);
    }
  }

  /**
   * Takes the output directory's lock for this command; a directory in use by another process is
   * refused at once (exit 2, naming the owner), a stale lock is taken over with a message.
   *
   * @param fallback what the lock records as the command when this JVM was not started by bin/scalesweep
   */
  static OutputLock lock(Path dir, String fallback) {
    try {
      return OutputLock.acquire(dir, commandLine(fallback), m -> System.err.println("warning: " + m));
    } catch (OutputLock.LockedException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** This process's ScaleSweep command line (the arguments after the main class), else {@code fallback}. */
  private static String commandLine(String fallback) {
    List<String> a = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    int at = a.indexOf(Main.class.getName());
    return at >= 0 && at < a.size() - 1 ? "scalesweep " + String.join(" ", a.subList(at + 1, a.size())) : fallback;
  }

  /** Refuses an existing non-empty output directory unless it may be replaced. */
  static void checkOutput(String out, boolean mayReplace, boolean canResume) {
    Path dir = Path.of(out);
    if (Files.isDirectory(dir) && !isEmpty(dir) && !mayReplace) {
      throw new UsageException("output directory '" + out + "' already exists; pass --overwrite to replace it"
          + (canResume ? " or --resume to continue it" : ""));
    }
  }

  /** Deletes an output directory (--overwrite). */
  static void clearOutput(String out) {
    if (Files.isDirectory(Path.of(out))) {
      deleteRecursively(Path.of(out).toFile());
    }
  }

  /** Empty, or holding only the temporary leftovers of a run that was killed (and the lock). */
  private static boolean isEmpty(Path dir) {
    String[] list = dir.toFile().list();
    return list == null || java.util.Arrays.stream(list).allMatch(n -> n.equals(".tmp") || n.equals(OutputLock.FILE));
  }

  /** The config hash of the run in a directory, or null when it has no readable manifest. */
  private static String manifestHash(Path dir) {
    File f = dir.resolve(Outputs.MANIFEST).toFile();
    try {
      return f.isFile() ? ConfigFactory.parseFile(f).getString("config_hash") : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void deleteRecursively(File f) {
    File[] children = f.listFiles();
    if (children != null) {
      for (File c : children) {
        deleteRecursively(c);
      }
    }
    if (!f.delete() && f.exists()) {
      throw new UsageException("cannot delete '" + f + "' to overwrite it");
    }
  }
}
