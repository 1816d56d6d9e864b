package org.scalesweep.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that runs a study. */
public final class StudyOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: embedded local[*], or the one spark-submit set).")
  String master;

  @Option(names = "--connect-timeout", defaultValue = "60", paramLabel = "SECONDS",
      description = "On a cluster: fail when the master gives no executor for this long, at the start or after "
          + "losing every executor (default: ${DEFAULT-VALUE}).")
  int connectTimeout;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--verbose", description = "Show Spark's log and stack traces.")
  boolean verbose;
}
