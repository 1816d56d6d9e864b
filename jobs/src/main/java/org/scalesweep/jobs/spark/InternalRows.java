package org.scalesweep.jobs.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * A DataFrame over Catalyst rows a stage produces itself. For tables of tens of millions of rows
 * (items.parquet) the public {@code Encoders.row} path costs more than the simulation: every value
 * boxed into a {@link Row}, then converted back field by field (strings re-encoded to UTF-8 each
 * row). Rows built as Catalyst rows skip both. The entry point is Spark-internal
 * ({@code private[sql]}, public in bytecode) and pinned with Spark 4.1.0; the pipeline tests cover it.
 */
public final class InternalRows {
  private InternalRows() {}

  public static Dataset<Row> dataFrame(SparkSession spark, JavaRDD<InternalRow> rows, StructType schema) {
    return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows.rdd(), schema, false);
  }
}
