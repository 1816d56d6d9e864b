package org.scalesweep.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.stage.Stages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalesweep run [CONF]}: every stage, grid to report. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a whole study: grid, simulate, fit, bootstrap, report. Without CONF, the flagship "
        + "conf/relative-scaling.conf on embedded local Spark.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "CONF", description = "Study preset (HOCON).")
  Path conf;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<study name>).")
  String out;

  @Option(names = "--overwrite",
      description = "Replace an existing output directory (one ScaleSweep wrote, i.e. with a manifest.json).")
  boolean overwrite;

  @Option(names = "--resume", description = "Continue an output directory: skip the leading stages whose outputs "
      + "are complete for this config hash and version and whose part files match the manifest's rows and checksums; "
      + "recompute the first damaged or missing stage and every later one.")
  boolean resume;

  @Mixin
  StudyOptions opts;

  @Override
  public Integer call() {
    if (overwrite && resume) {
      throw new UsageException("--overwrite and --resume exclude each other: replace the directory, or continue it");
    }
    Path c = conf != null ? conf : Home.path("conf", "relative-scaling.conf");
    Study study = StudySession.load(c, opts);
    String dir = out != null ? out : Path.of("out", study.name()).toString();
    long t0 = System.nanoTime();
    StudySession.run(study, dir, opts, Stages.all(study), true, overwrite, resume);
    double secs = (System.nanoTime() - t0) / 1e9;
    Path report = Path.of(dir, "report", "index.html").toAbsolutePath();
    System.out.printf(Locale.ROOT, "Study %s finished in %.1fs.%n", study.name(), secs);
    Summary.print(Path.of(dir), System.out);
    System.out.println("Report: " + (Files.exists(report) ? report.toUri() : report));
    org.scalesweep.jobs.pipeline.Timeline.mark("summary", System.err);
    return 0;
  }
}
