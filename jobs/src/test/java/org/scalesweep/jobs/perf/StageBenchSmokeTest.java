package org.scalesweep.jobs.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.perf.BenchTable;

/**
 * The stage benchmarks must not rot: {@code scalesweep bench --smoke} produces every row of
 * docs/PERFORMANCE.md's stage tables. Timings are not checked (shared CI machine).
 */
@Tag("bench")
class StageBenchSmokeTest {
  @TempDir
  static Path tmp;

  @AfterAll
  static void restoreSharedSession() {
    SparkTestSession.local("local[2]", 2);
  }

  @Test
  void smokeRunProducesEveryRow() {
    SparkTestSession.get().stop(); // the benchmarks start their own sessions (local[1], local[2], ...)
    StageBench.Options o = new StageBench.Options(true, Set.of(4, 5, 6), 1, "local[2]", null,
        TestStudies.conf("relative-scaling.conf"), tmp);
    BenchTable t = StageBench.run(o, System.err);
    System.out.println(t.markdown());
    // 4: one row; 5: local scaling + the cluster row (not measured here); 6: 3 B + fit + heap, 3 sizes + fit
    assertThat(t.rows()).hasSize(1 + 2 + 5 + 4);
    assertThat(t.rows()).allSatisfy(r -> assertThat(r.figure()).isNotBlank());
    assertThat(t.rows().stream().filter(r -> !r.figure().startsWith("not measured")))
        .allSatisfy(r -> assertThat(r.ratio()).as(r.benchmark()).isFinite().isPositive());
  }
}
