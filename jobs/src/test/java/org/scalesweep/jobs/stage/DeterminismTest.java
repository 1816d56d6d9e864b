package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.cli.StudySession;
import org.scalesweep.jobs.config.Study;

/** Same config and seed ⇒ identical values on any number of partitions. */
class DeterminismTest {
  @TempDir
  static Path tmp;

  @AfterAll
  static void restoreSharedSession() {
    SparkTestSession.local("local[2]", 2);
  }

  @Test
  void quickStudyIsIdenticalOnOneAndThreeCoresWithOtherPartitionings() {
    Path a = tmp.resolve("local1");
    Path b = tmp.resolve("local3");
    SparkSession one = SparkTestSession.local("local[1]", 1);
    Study q = TestStudies.load("quick.conf", "bootstrap.partitions=1", "simulate.partitions=1");
    StudySession.execute(q, one, a.toString(), Pipeline.all(q), false);
    List<List<Row>> first = snapshot(one, a);
    SparkSession three = SparkTestSession.local("local[3]", 7);
    Study s = TestStudies.load("quick.conf", "bootstrap.partitions=13", "simulate.partitions=5", "bootstrap.block=3");
    StudySession.execute(s, three, b.toString(), Pipeline.all(s), false);
    List<List<Row>> second = snapshot(three, b);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).as(FILES.get(i)).isEqualTo(first.get(i));
    }
  }

  static final List<String> FILES = List.of("grid.parquet", "runs.parquet", "fits.parquet", "frontier.parquet",
      "significance.parquet", "crossovers.parquet");

  /** Every output's rows, sorted by all columns. */
  static List<List<Row>> snapshot(SparkSession spark, Path dir) {
    return FILES.stream().map(f -> {
      Dataset<Row> df = spark.read().parquet(dir.resolve(f).toString());
      Column[] cols = Arrays.stream(df.columns()).map(df::col).toArray(Column[]::new);
      return df.orderBy(cols).collectAsList();
    }).toList();
  }
}
