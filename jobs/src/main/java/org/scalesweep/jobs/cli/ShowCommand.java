package org.scalesweep.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.spark.Sessions;
import org.scalesweep.jobs.stage.Csv;
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
  public Integer call() {
    if (!format.equals("csv") && !format.equals("json")) {
      throw new UsageException("--format '" + format + "' is not supported; allowed: csv, json");
    }
    if (limit < 0) {
      throw new UsageException("--limit " + limit + " must be >= 0");
    }
    if (!Files.exists(file)) {
      throw new UsageException("'" + file + "' does not exist");
    }
    SparkSession spark = Sessions.create("scalesweep show", "local[1]", verbose);
    try {
      Dataset<Row> df = spark.read().parquet(file.toString());
      Dataset<Row> shown = limit > 0 ? df.limit(limit) : df;
      if (format.equals("json")) {
        List<String> lines = shown.toJSON().collectAsList();
        lines.forEach(System.out::println);
      } else {
        System.out.print(Csv.of(df.schema(), shown.collectAsList()));
      }
    } finally {
      spark.stop();
    }
    return 0;
  }
}
