package org.scalesweep.jobs.cli;

import java.io.PrintWriter;
import org.scalesweep.jobs.config.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code scalesweep} command line. Exit codes: 0 success, 1 failure, 2 bad usage or config. */
@Command(name = "scalesweep", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Scaling-law sweeps on Apache Spark: IsoFLOP grids, simulation, fits, bootstrap significance.",
    subcommands = {RunCommand.class, StageCommand.Grid.class, StageCommand.Simulate.class, StageCommand.Fit.class,
        StageCommand.Bootstrap.class, StageCommand.Report.class, ShowCommand.class, IngestCommand.class,
        FitRunsCommand.class, BacktestCommand.class, BenchCommand.class, CalibrateCommand.class, PowerCommand.class, AdviseCommand.class,
        VerifyCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    org.scalesweep.jobs.pipeline.Timeline.mark("JVM start to main", System.err);
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (tests call this). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new Errors());
    cl.setErr(new PrintWriter(System.err, true));
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
