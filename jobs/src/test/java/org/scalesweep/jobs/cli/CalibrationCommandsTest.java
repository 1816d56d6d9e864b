package org.scalesweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.boot.IntervalMethod;
import org.scalesweep.jobs.TestStudies;

/** Usage of calibrate and power: help, and bad values rejected with exit 2 before any Spark job. */
class CalibrationCommandsTest {
  @TempDir
  Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private String quick() {
    return TestStudies.conf("quick.conf").toString();
  }

  @Test
  void helpNamesTheOptions() {
    assertThat(run("--help").out()).contains("calibrate", "power");
    assertThat(run("calibrate", "--help").out()).contains("Usage:", "--replicates", "--scheme", "cluster|items|two-way");
    assertThat(run("power", "--help").out()).contains("Usage:", "--effects", "--configs", "--items", "--seeds",
        "--budgets");
  }

  @Test
  void badSchemesAndRangesExitTwoNamingTheAllowedValues() {
    String out = tmp.resolve("o").toString();
    CliRun unknown = run("calibrate", quick(), "--out", out, "--scheme", "rows");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("'rows'").contains("cluster, items, two-way, wild");
    CliRun noItems = run("calibrate", quick(), "--out", out, "--scheme", "cluster,items");
    assertThat(noItems.code()).isEqualTo(2);
    assertThat(noItems.err()).contains("no subgroup").contains("allowed here: cluster, wild");
    CliRun replicates = run("calibrate", quick(), "--out", out, "--replicates", "0");
    assertThat(replicates.code()).isEqualTo(2);
    assertThat(replicates.err()).contains("--replicates 0 is out of range; allowed: 1 to");
    CliRun configs = run("power", quick(), "--out", out, "--effects", "0.01", "--configs", "3", "--scheme", "wild");
    assertThat(configs.code()).isEqualTo(2);
    assertThat(configs.err()).contains("--configs 3 is out of range; allowed: 4 to 15");
    CliRun budgets = run("power", quick(), "--out", out, "--effects", "0.01", "--budgets", "5");
    assertThat(budgets.code()).isEqualTo(2);
    assertThat(budgets.err()).contains("--budgets 5 is out of range; allowed: 2 to 3");
    CliRun caseStudy = run("power", quick(), "--out", out, "--effects", "0.01", "--case-study", "ice");
    assertThat(caseStudy.code()).isEqualTo(2);
    assertThat(caseStudy.err()).contains("'ice'").contains("[demo]");
    CliRun law = run("calibrate", TestStudies.conf("alignment-pretraining.conf").toString(), "--out", out, "--scheme",
        "cluster");
    assertThat(law.code()).isEqualTo(2);
    assertThat(law.err()).contains("--scheme does not apply");
    CliRun corpus = run("calibrate", quick(), "--out", out, "--unpaired", "--corpus", "pile");
    assertThat(corpus.code()).isEqualTo(2);
    assertThat(corpus.err()).contains("--corpus 'pile'").contains("[dclm]");
    CliRun effect = run("calibrate", quick(), "--out", out, "--unpaired", "--effect", "0");
    assertThat(effect.code()).isEqualTo(2);
    assertThat(effect.err()).contains("--effect 0.0 is out of range");
    CliRun designed = run("calibrate", TestStudies.conf("alignment-pretraining.conf").toString(), "--out", out,
        "--unpaired");
    assertThat(designed.code()).isEqualTo(2);
    assertThat(designed.err()).contains("--unpaired needs a simulated relative-scaling study");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void adviseRejectsBadValuesNamingTheAllowedOnes() {
    String out = tmp.resolve("a").toString();
    assertThat(run("advise", "--help").out()).contains("--budget-flops", "--contrasts", "--target-power", "--objective");
    CliRun contrast = run("advise", quick(), "--out", out, "--budget-flops", "1e21", "--contrasts", "nope");
    assertThat(contrast.code()).isEqualTo(2);
    assertThat(contrast.err()).contains("'nope'").contains("[faster, parallel]");
    CliRun objective = run("advise", quick(), "--out", out, "--budget-flops", "1e21", "--objective", "speed");
    assertThat(objective.code()).isEqualTo(2);
    assertThat(objective.err()).contains("'speed'").contains("power, width, allocation");
    CliRun ingested = run("power", TestStudies.conf("advise-example.conf").toString(), "--out", out, "--effects",
        "0.01");
    assertThat(ingested.code()).isEqualTo(2);
    assertThat(ingested.err()).contains("source = ingest").contains("use advise");
    CliRun target = run("advise", quick(), "--out", out, "--budget-flops", "1e21", "--target-power", "1.5");
    assertThat(target.code()).isEqualTo(2);
    assertThat(target.err()).contains("--target-power 1.5 is out of range; allowed: (0, 1)");
    CliRun budget = run("advise", quick(), "--out", out, "--budget-flops", "-1");
    assertThat(budget.code()).isEqualTo(2);
    assertThat(budget.err()).contains("--budget-flops -1.0 is out of range");
    CliRun extend = run("power", quick(), "--out", out, "--effects", "0.01", "--extend", tmp.resolve("none").toString());
    assertThat(extend.code()).isEqualTo(2);
    assertThat(extend.err()).contains("--extend").contains("does not exist");
    assertThat(tmp.resolve("a")).doesNotExist();
  }

  @Test
  void theAutoIntervalIsExpandedUnderTheWildSchemeOnly() {
    assertThat(TestStudies.load("quick.conf").bootstrap().interval()).isEqualTo(IntervalMethod.PERCENTILE);
    assertThat(TestStudies.load("quick.conf", "bootstrap.scheme=wild").bootstrap().interval())
        .isEqualTo(IntervalMethod.EXPANDED);
    assertThat(TestStudies.load("quick.conf", "bootstrap.scheme=wild", "bootstrap.interval=bca").bootstrap().interval())
        .isEqualTo(IntervalMethod.BCA);
  }

  @Test
  void theWildSchemeNeedsFourConfigurationsPerCurve() {
    CliRun r = run("run", quick(), "--out", tmp.resolve("w").toString(), "--set", "grid.budgets=[2e17, 1e18]", "--set",
        "bootstrap.scheme=wild");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'bootstrap.scheme' = \"wild\" needs at least 4 configurations")
        .contains("budget 2.00e+17 has 0");
  }
}
