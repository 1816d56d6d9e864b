package org.scalesweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.law.JointLaw;

/** ingest, fit-runs and backtest through the command line. */
class RunsCommandsTest {
  private static final double[] SIZES = {125e6, 350e6, 1.3e9, 2.7e9, 6.9e9, 13e9, 30e9, 70e9};
  private static final double[] DATA = {1e3, 1e4, 1e5, 5e5, 1e6, 2e6, 5e6, 1e7};

  @TempDir
  Path tmp;

  static Path data(String name) {
    Path p = Path.of("..", "data", name);
    return p.toFile().exists() ? p : Path.of("data", name);
  }

  private static List<Row> read(Path p) {
    return SparkTestSession.get().read().parquet(p.toString()).collectAsList();
  }

  @Test
  void fitRunsRecoversSeed000FromItsNoiselessSixteenPoints() throws Exception {
    JointLaw truth = JointLaw.SEED_000_TRUTH;
    StringBuilder csv = new StringBuilder("run_id,params,tokens,loss\n");
    for (int p = 0; p < 16; p++) {
      double n = p < 8 ? SIZES[p] : 6.9e9;
      double d = p < 8 ? 1e6 : DATA[p - 8];
      csv.append("p").append(p).append(',').append((long) n).append(',').append((long) d).append(',')
          .append(truth.at(n, d)).append('\n');
    }
    Path in = tmp.resolve("seed000.csv");
    Files.writeString(in, csv);
    Path out = tmp.resolve("fit");
    CliRun r = CliRun.of("fit-runs", "--input", in.toString(), "--law", "chinchilla", "--out",
        out.toString(), "--bootstrap", "20");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("flops: not in the input; derived as 6*params*tokens");
    assertThat(r.out()).contains("param", "estimate", "std_error", "ci_low", "ci_high").contains("alpha");
    Map<String, Row> fits = read(out.resolve("fits.parquet")).stream().collect(Collectors.toMap(x -> x.getAs("param"),
        x -> x));
    // not IsoFLOP-shaped: no Approach 2 rows
    assertThat(fits.keySet()).containsExactlyInAnyOrder("E", "A", "alpha", "B", "beta");
    double[] t = truth.parameters();
    List<String> names = List.of("E", "A", "alpha", "B", "beta");
    for (int i = 0; i < 5; i++) {
      Row f = fits.get(names.get(i));
      double est = f.getAs("estimate");
      assertThat(est / t[i] - 1).as(names.get(i)).isCloseTo(0, within(1e-6));
      assertThat(f.<Double>getAs("std_error")).isLessThan(1e-6 * t[i]);
      assertThat(f.<Double>getAs("ci_low") / t[i] - 1).isCloseTo(0, within(1e-6));
      assertThat(f.<Double>getAs("ci_high") / t[i] - 1).isCloseTo(0, within(1e-6));
      assertThat(f.<Integer>getAs("valid_resamples")).isEqualTo(20);
      assertThat(f.<String>getAs("flags")).isEmpty();
    }
    assertThat(out.resolve("manifest.json")).content().contains("\"law\" : \"chinchilla\"");
  }

  @Test
  void fitRunsGivesFrontierLawsAndAllocationExponentsWithIntervalsOnTheExample() {
    Path out = tmp.resolve("power");
    CliRun r = CliRun.of("fit-runs", "--input", data("runs-example.parquet").toString(), "--law",
        "power", "--out", out.toString(), "--bootstrap", "40");
    assertThat(r.code()).as(r.err()).isZero();
    List<Row> rows = read(out.resolve("fits.parquet"));
    // 3 groups x (alpha, beta of the power law + a, b of Approach 2 + N* and D* at each of 4 budgets)
    assertThat(rows).hasSize(36);
    assertThat(rows).filteredOn(x -> x.<String>getAs("param").startsWith("log10_")).hasSize(24);
    rows = rows.stream().filter(x -> !x.<String>getAs("param").startsWith("log10_")).toList();
    for (Row f : rows) {
      double est = f.getAs("estimate");
      assertThat(f.<Double>getAs("ci_low")).as("%s", f).isLessThanOrEqualTo(est * 1.000001);
      assertThat(f.<Double>getAs("ci_high")).as("%s", f).isGreaterThanOrEqualTo(est * 0.999999);
      assertThat(f.<String>getAs("fit_on")).isIn("frontier", "runs");
    }
    Map<String, Double> overall = rows.stream().filter(x -> x.getAs("subgroup").equals("overall"))
        .collect(Collectors.toMap(x -> x.getAs("param"), x -> x.getAs("estimate")));
    // the example follows Chinchilla's law: N* ~ C^(0.28/0.62) = C^0.45, and a + b ~ 1 under C = 6ND
    assertThat(overall.get("a")).isCloseTo(0.4516, within(0.02));
    assertThat(overall.get("a") + overall.get("b")).isCloseTo(1, within(0.02));
    assertThat(overall.get("beta")).isBetween(0.01, 0.2);
  }

  @Test
  void invalidInputExitsTwoAndWritesNothingEvenWithOverwrite() throws Exception {
    Path out = tmp.resolve("kept");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    CliRun r = CliRun.of("ingest", "--input", data("defects/bad-loss.csv").toString(), "--out",
        out.toString(), "--overwrite");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("error: invalid input").contains("4 problems; nothing was written")
        .contains("bad-loss.csv:3: loss = NaN must be a positive finite number");
    assertThat(out.resolve("keep.txt")).hasContent("mine");
    assertThat(Files.list(out).count()).isEqualTo(1);
  }

  @Test
  void ingestWritesThePipelineSchemaFromMappedJsonLines() {
    Path out = tmp.resolve("json");
    CliRun r = CliRun.of("ingest", "--input", data("runs-example.jsonl").toString(), "--out",
        out.toString(), "--map", "run_id=model", "--map", "corpus=dataset", "--map", "params=n_params", "--map",
        "tokens=n_tokens", "--map", "subgroup=slice", "--map", "loss=val_loss");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Ingested 120 run rows").contains("4 budgets [2.00e+18, 6.67e+18, 2.00e+19, 6.67e+19]");
    List<Row> runs = read(out.resolve("runs.parquet"));
    assertThat(runs).hasSize(120);
    Row first = runs.get(0);
    assertThat(List.of(first.schema().fieldNames())).containsExactly("study", "corpus", "subgroup", "run_id", "seed",
        "budget", "width", "depth", "params", "tokens", "flops", "loss", "accuracy", "items");
    assertThat(first.<String>getAs("study")).isEqualTo("ingest");
    assertThat(first.<Object>getAs("width")).isNull();
    assertThat(out.resolve("manifest.json")).content().contains("\"flops_derived_from_6ND\" : true");
  }

  @Test
  void backtestOnASimulatedStudyComparesWithTheKnownTruth() {
    Path out = tmp.resolve("bt-sim");
    CliRun r = CliRun.of("backtest", "--conf", TestStudies.conf("quick.conf").toString(),
        "--out", out.toString(), "--bootstrap", "30");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("mean_abs_rel_error", "coverage");
    List<Row> summary = read(out.resolve("backtest-summary.parquet"));
    assertThat(summary).extracting(x -> x.<String>getAs("subgroup")).containsExactlyInAnyOrder("overall", "base",
        "faster", "parallel");
    for (Row s : summary) {
      assertThat(s.<String>getAs("heldout_budgets")).isEqualTo("3.00e+19");
      assertThat(s.<Integer>getAs("points")).isEqualTo(30);
      assertThat(s.<Double>getAs("mean_abs_rel_error")).isLessThan(0.03);
    }
    List<Row> points = read(out.resolve("backtest.parquet"));
    assertThat(points).hasSize(120).allSatisfy(p -> assertThat(p.<Double>getAs("truth")).isPositive());
    assertThat(out.resolve("runs.parquet")).exists();
  }

  @Test
  void backtestOnIngestedRunsPredictsTheLargestBudget() {
    Path out = tmp.resolve("bt-csv");
    CliRun r = CliRun.of("backtest", "--input", data("runs-example.csv").toString(), "--out",
        out.toString(), "--bootstrap", "30", "--holdout", "1");
    assertThat(r.code()).as(r.err()).isZero();
    List<Row> summary = read(out.resolve("backtest-summary.parquet"));
    assertThat(summary).hasSize(3).allSatisfy(s -> {
      assertThat(s.<Double>getAs("mean_abs_rel_error")).isLessThan(0.01);
      assertThat(s.<Double>getAs("coverage")).isGreaterThanOrEqualTo(0.5);
    });
    assertThat(read(out.resolve("backtest.parquet"))).allSatisfy(p -> assertThat(p.<Object>getAs("truth")).isNull());
  }

  @Test
  void badOptionsAreUsageErrorsBeforeAnythingStarts() {
    CliRun law = CliRun.of("fit-runs", "--input", "x.csv", "--law", "kaplan", "--out",
        tmp.resolve("o").toString());
    assertThat(law.code()).isEqualTo(2);
    assertThat(law.err()).contains("law 'kaplan' is not supported; allowed: chinchilla, power, offset-power");
    CliRun both = CliRun.of("backtest", "--input", "x.csv", "--conf", "y.conf", "--out",
        tmp.resolve("o").toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    CliRun missing = CliRun.of("ingest", "--input", tmp.resolve("nope.csv").toString(),
        "--out", tmp.resolve("o").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("input '" + tmp.resolve("nope.csv") + "' does not exist");
    CliRun map = CliRun.of("ingest", "--input", "x.csv", "--map", "los=val", "--out",
        tmp.resolve("o").toString());
    assertThat(map.code()).isEqualTo(2);
    assertThat(map.err()).contains("'los' is not a canonical column");
    assertThat(tmp.resolve("o")).doesNotExist();
  }
}
