package org.scalesweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Every Parquet output of a run directory as rows sorted by all columns: equal snapshots, equal values. */
public final class OutputSnapshot {
  private OutputSnapshot() {}

  /** Sorted rows of every {@code *.parquet} directly under {@code dir}, by file name. */
  public static Map<String, List<Row>> of(SparkSession spark, Path dir) {
    Map<String, List<Row>> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
        Dataset<Row> df = spark.read().parquet(p.toString());
        Column[] cols = Arrays.stream(df.columns()).map(df::col).toArray(Column[]::new);
        out.put(p.getFileName().toString(), df.orderBy(cols).collectAsList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Asserts two snapshots hold the same files with identical rows. */
  public static void assertIdentical(Map<String, List<Row>> actual, Map<String, List<Row>> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    assertThat(expected).isNotEmpty();
    for (String f : expected.keySet()) {
      assertThat(actual.get(f)).as(f).isNotEmpty().isEqualTo(expected.get(f));
    }
  }
}
