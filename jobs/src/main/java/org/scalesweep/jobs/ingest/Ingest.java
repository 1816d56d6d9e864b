package org.scalesweep.jobs.ingest;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Reads and validates an input FILE or DIR of runs (nothing is written here). */
public final class Ingest {
  private Ingest() {}

  /**
   * @throws InvalidInputException listing every problem of the input
   */
  public static Ingested load(SparkSession spark, Path input, IngestOptions options) {
    List<InputTable> tables = InputReader.read(spark, input, options.format());
    if (!options.subgroupColumns().isEmpty()) {
      WideSubgroups.Long wide = WideSubgroups.apply(tables, options);
      return Validator.validate(input.toString(), wide.tables(), options.withColumns(wide.columns()));
    }
    return Validator.validate(input.toString(), tables, options);
  }
}
