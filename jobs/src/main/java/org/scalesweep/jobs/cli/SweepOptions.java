package org.scalesweep.jobs.cli;

import picocli.CommandLine.Option;

/** Options of the commands that simulate many sweeps of a study (calibrate, power). */
final class SweepOptions {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  String out;

  @Option(names = "--replicates", defaultValue = "200", paramLabel = "R",
      description = "Simulated sweeps (per truth for calibrate, per design for power); seed replicates per "
          + "configuration stay the config's 'replicates'. Default: ${DEFAULT-VALUE}.")
  int replicates;

  @Option(names = "--resamples", paramLabel = "B",
      description = "Bootstrap resamples per sweep (default: the study's bootstrap.resamples).")
  Integer resamples;

  @Option(names = "--overwrite", description = "Replace an existing output directory.")
  boolean overwrite;

  /** Resamples per sweep, checked. */
  int resamples(int studyDefault) {
    int b = resamples != null ? resamples : studyDefault;
    CalibrateCommand.check("--replicates", replicates, 1, 1_000_000);
    CalibrateCommand.check("--resamples", b, 1, 10_000_000);
    return b;
  }
}
