package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.OutputSnapshot;
import org.scalesweep.jobs.QuickRun;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.cli.StudySession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;

/** Same config and seed ⇒ identical values on any number of partitions. */
class DeterminismTest {
  @TempDir
  static Path tmp;

  @AfterAll
  static void restoreSharedSession() {
    SparkTestSession.local("local[2]", 2);
  }

  @Test
  void quickStudyIsIdenticalOnOneTwoAndThreeCoresWithOtherPartitionings() {
    Path a = tmp.resolve("local1");
    Path b = tmp.resolve("local3");
    SparkSession one = SparkTestSession.local("local[1]", 1);
    Study q = TestStudies.load("quick.conf", "bootstrap.partitions=1", "simulate.partitions=1");
    Pipeline.execute(q, one, a.toString(), Stages.all(q), false);
    Map<String, List<Row>> first = OutputSnapshot.of(one, a);
    SparkSession three = SparkTestSession.local("local[3]", 7);
    Study s = TestStudies.load("quick.conf", "bootstrap.partitions=13", "simulate.partitions=5", "bootstrap.block=3");
    Pipeline.execute(s, three, b.toString(), Stages.all(s), false);
    Map<String, List<Row>> second = OutputSnapshot.of(three, b);
    assertThat(first.keySet()).contains("grid.parquet", "runs.parquet", "fits.parquet", "frontier.parquet",
        "significance.parquet", "crossovers.parquet");
    OutputSnapshot.assertIdentical(second, first);
    // and the shared local[2] run with default partitioning
    OutputSnapshot.assertIdentical(OutputSnapshot.of(SparkTestSession.get(), QuickRun.dir()), first);
  }
}
