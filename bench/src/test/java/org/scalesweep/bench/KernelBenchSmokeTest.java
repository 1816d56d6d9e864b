package org.scalesweep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalesweep.perf.BenchTable;

/** The kernel benchmarks must not rot: the smoke run produces every row. Timings are not checked. */
@Tag("bench")
class KernelBenchSmokeTest {
  @Test
  void smokeRunProducesEveryRow() throws Exception {
    BenchTable t = KernelBench.run(true);
    System.out.println(t.markdown());
    assertThat(t.rows()).hasSize(8);
    for (BenchTable.Row r : t.rows()) {
      assertThat(r.ratio()).as(r.benchmark()).isFinite().isPositive();
      assertThat(r.figure()).as(r.benchmark()).isNotBlank();
      assertThat(r.reference()).as(r.benchmark()).isNotBlank();
    }
  }
}
