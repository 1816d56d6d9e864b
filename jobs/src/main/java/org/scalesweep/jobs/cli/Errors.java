package org.scalesweep.jobs.cli;

import org.scalesweep.jobs.config.ConfigException;
import org.scalesweep.jobs.ingest.InvalidInputException;
import org.scalesweep.jobs.table.Outputs;
import picocli.CommandLine;

/**
 * Turns failures into messages that say what to do next: config problems and bad input exit 2,
 * anything else exits 1; one line per failure (and its root cause), stack traces only with --verbose.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {
  static final int USAGE = 2;
  static final int FAILURE = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
        || parsed.hasMatchedOption("--verbose");
    Throwable root = ex;
    while (root.getCause() != null && !(root instanceof ConfigException) && !(root instanceof UsageException)
        && !(root instanceof InvalidInputException)) {
      root = root.getCause();
    }
    var err = cl.getErr();
    if (root instanceof ConfigException ce) {
      err.println("error: invalid configuration:");
      ce.problems().forEach(p -> err.println("  " + p));
      err.println("Fix the keys above (see docs/CONFIGURATION.md) and rerun.");
      return USAGE;
    }
    if (root instanceof InvalidInputException ie) {
      java.util.List<String> report = ie.report();
      err.println("error: " + report.get(0));
      report.subList(1, report.size()).forEach(err::println);
      return USAGE;
    }
    if (root instanceof UsageException || root instanceof Outputs.MissingOutputException) {
      err.println("error: " + root.getMessage());
      return USAGE;
    }
    err.println("error: " + firstLine(ex));
    String cause = firstLine(rootCause(ex));
    if (!firstLine(ex).contains(cause)) {
      err.println("  cause: " + cause);
    }
    Hints.of(ex).forEach(h -> err.println("hint: " + h));
    if (verbose) {
      ex.printStackTrace(err);
    } else {
      err.println("(rerun with --verbose for the stack trace and Spark's log)");
    }
    return FAILURE;
  }

  /**
   * The first line of a failure's message: Spark's messages can carry whole remote stack traces,
   * which are for --verbose, not for the user.
   */
  static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  static String firstLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    String line = m.strip().lines().findFirst().orElse("").strip();
    return line.length() > 500 ? line.substring(0, 500) + "..." : line;
  }
}
