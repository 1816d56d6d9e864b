package org.scalesweep.jobs.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.stage.Stages;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalesweep STAGE CONF --out DIR}: one stage, reading earlier stages' outputs from DIR. */
abstract class StageCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONF", description = "Study preset (HOCON).")
  Path conf;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory of the study.")
  String out;

  @Mixin
  StudyOptions opts;

  abstract String stage();

  @Override
  public Integer call() {
    Study study = StudySession.load(conf, opts);
    StudySession.run(study, out, opts, List.of(Stages.stage(stage())), false, false, false);
    return 0;
  }

  @picocli.CommandLine.Command(name = "grid", mixinStandardHelpOptions = true,
      description = "Write grid.parquet: one row per model configuration and corpus.")
  static final class Grid extends StageCommand {
    @Override
    String stage() {
      return "grid";
    }
  }

  @picocli.CommandLine.Command(name = "simulate", mixinStandardHelpOptions = true,
      description = "Write runs.parquet (and items.parquet) by simulating every run replicate.")
  static final class Simulate extends StageCommand {
    @Override
    String stage() {
      return "simulate";
    }
  }

  @picocli.CommandLine.Command(name = "fit", mixinStandardHelpOptions = true,
      description = "Write fits.parquet and frontier.parquet from runs.parquet.")
  static final class Fit extends StageCommand {
    @Override
    String stage() {
      return "fit";
    }
  }

  @picocli.CommandLine.Command(name = "bootstrap", mixinStandardHelpOptions = true,
      description = "Write significance.parquet and crossovers.parquet (boot/ with bootstrap.write-draws).")
  static final class Bootstrap extends StageCommand {
    @Override
    String stage() {
      return "bootstrap";
    }
  }

  @picocli.CommandLine.Command(name = "report", mixinStandardHelpOptions = true,
      description = "Write report/index.html and the summary tables as CSV.")
  static final class Report extends StageCommand {
    @Override
    String stage() {
      return "report";
    }
  }
}
