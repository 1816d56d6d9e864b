package org.scalesweep.jobs.ingest;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Reads and validates an input FILE or DIR of runs (nothing is written here). */
public final class Ingest {
  private Ingest() {}

  /**
   * @throws InvalidInputException listing every problem of the input
   */
  public static Ingested load(SparkSession spark, Path input, IngestOptions options) {
    return Validator.validate(input.toString(), InputReader.read(spark, input, options.format()), options);
  }
}
