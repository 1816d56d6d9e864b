package org.scalesweep.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.ingest.InvalidInputException;
import org.scalesweep.jobs.spark.Sessions;
import org.scalesweep.jobs.table.Csv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalesweep show FILE.parquet}: print a table. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print a Parquet output as CSV or JSON lines.")
final class ShowCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.parquet", description = "A Parquet file or directory.")
  Path file;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json",
      description = "csv (header, then rows) or json (one object per line). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Rows to print (0: all). Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(names = "--verbose", description = "Show Spark's log.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("csv") && !format.equals("json")) {
      throw new UsageException("--format '" + format + "' is not supported; allowed: csv, json");
    }
    if (limit < 0) {
      throw new UsageException("--limit " + limit + " must be >= 0");
    }
    if (!Files.exists(file)) {
      throw new UsageException("'" + file + "' does not exist");
    }
    // a session already running in this JVM (tests, notebooks) is used and left running
    boolean ours = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = Sessions.create("scalesweep show", "local[1]", verbose);
    String text;
    try {
      Dataset<Row> df = spark.read().parquet(file.toString());
      Dataset<Row> shown = limit > 0 ? df.limit(limit) : df;
      text = format.equals("json") ? String.join("\n", shown.toJSON().collectAsList()) + "\n"
          : Csv.of(df.schema(), shown.collectAsList());
    } catch (Exception e) {
      if (!(e instanceof SparkThrowable) && !(e.getCause() instanceof SparkThrowable)) {
        throw e;
      }
      // not Parquet, truncated, an empty directory, an unreadable type: bad input, not a crash
      throw new InvalidInputException("'" + file + "' cannot be read as Parquet: "
          + Errors.firstLine(Errors.rootCause(e)));
    } finally {
      if (ours) {
        spark.stop();
      }
    }
    System.out.print(text.equals("\n") ? "" : text);
    return 0;
  }
}
