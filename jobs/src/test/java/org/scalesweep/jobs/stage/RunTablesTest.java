package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.config.Study;

/** Run tables do not depend on the order rows arrive in, and say what they had to leave out. */
class RunTablesTest {
  static final Study STUDY = TestStudies.load("quick.conf");
  static final Study.CaseStudy DEMO = STUDY.caseStudy("demo");

  static List<RunObservation> observations(int runs) {
    List<RunObservation> out = new ArrayList<>();
    // three replicates whose float sum depends on the order: (0.1 + 0.2) + 0.3 != (0.3 + 0.2) + 0.1
    double[] reps = {0.1, 0.2, 0.3};
    for (int r = 0; r < runs; r++) {
      for (String g : List.of("overall", "base", "faster", "parallel")) {
        for (int s = 0; s < reps.length; s++) {
          out.add(new RunObservation(g.equals("overall") ? "overall" : "demo", "dclm", g, "dclm/r" + r, s,
              1e18 * (1 + r % 3), 512 + 128 * r, 8, 1e8 * (r + 1), 1e10 * (r + 1), 2 + reps[s] + r));
        }
      }
    }
    return out;
  }

  @Test
  void replicateMeansAreTheSameWhateverTheRowOrder() {
    List<RunObservation> rows = observations(6);
    RunTables.Table a = RunTables.corpusRuns("dclm", DEMO, rows, ClusterBy.ARCHITECTURE);
    List<RunObservation> shuffled = new ArrayList<>(rows);
    for (long seed = 1; seed <= 20; seed++) {
      Collections.shuffle(shuffled, new java.util.Random(seed));
      RunTables.Table b = RunTables.corpusRuns("dclm", DEMO, shuffled, ClusterBy.ARCHITECTURE);
      assertThat(b.runs().loss()).isDeepEqualTo(a.runs().loss());
    }
    assertThat(a.runs().loss()[1][0]).isEqualTo((2.1 + 2.2 + 2.3) / 3);
    assertThat(a.runIds()).hasSize(6);
    assertThat(a.missing()).isEmpty();
    assertThat(a.droppedRuns()).isZero();
  }

  @Test
  void aMissingSubgroupAndIncompleteRunsAreReportedNotThrown() {
    List<RunObservation> rows = new ArrayList<>(observations(6));
    rows.removeIf(o -> o.subgroup().equals("parallel"));
    rows.removeIf(o -> o.subgroup().equals("faster") && o.runId().equals("dclm/r2"));
    RunTables.Table t = RunTables.corpusRuns("dclm", DEMO, rows, ClusterBy.ARCHITECTURE);
    assertThat(t.missing()).containsExactly("parallel");
    assertThat(t.runs().subgroups()).startsWith("overall").containsExactlyInAnyOrder("overall", "base", "faster");
    assertThat(t.runIds()).hasSize(5).doesNotContain("dclm/r2");
    assertThat(t.droppedRuns()).isOne();
    assertThat(t.absence("parallel")).isEqualTo("no observation of subgroup parallel in runs.parquet");
    assertThat(t.absence("faster")).isEmpty();
    assertThat(t.note()).isEqualTo("1 run(s) left out: they lack an observation of some subgroup");

    RunTables.Table none = RunTables.corpusRuns("other", DEMO, rows, ClusterBy.ARCHITECTURE);
    assertThat(none.runs()).isNull();
    assertThat(none.absence("base")).isEqualTo("corpus other has no observation of the overall loss in runs.parquet");
  }
}
