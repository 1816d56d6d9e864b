package org.scalesweep.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void namesTheStageAndWhatItDoesWithCountsElapsedAndEta() {
    // 4 of 16 done at 10 s each on 2 slots, 2 running for 4 s: 5 waves of queued tasks + ~8 s for the running
    assertThat(ProgressLine.format("simulate", "item-level observations", 4, 16, 42, 10, 2, 4, 2))
        .isEqualTo("[simulate] item-level observations: 4/16 tasks (25%), 42s elapsed, ETA ~58s");
  }

  @Test
  void saysWhenTheLastTasksRunLongerThanTheFinishedOnesTook() {
    assertThat(ProgressLine.format("fit", "Approach 3 joint law per subgroup", 7, 8, 95, 12, 1, 70, 2))
        .isEqualTo("[fit] Approach 3 joint law per subgroup: 7/8 tasks (87%), 1m35s elapsed, 1 task still running "
            + "(1m10s; finished ones took 12s on average)");
  }

  @Test
  void promisesNoTimeBeforeAnyTaskFinished() {
    assertThat(ProgressLine.format("bootstrap", "", 0, 8, 20, Double.NaN, 2, 20, 2))
        .isEqualTo("[bootstrap] 0/8 tasks (0%), 20s elapsed, 2 running");
  }

  @Test
  void durationsReadLikeAClock() {
    assertThat(ProgressLine.duration(0.4)).isEqualTo("0s");
    assertThat(ProgressLine.duration(59.6)).isEqualTo("1m00s");
    assertThat(ProgressLine.duration(3725)).isEqualTo("1h02m");
  }
}
