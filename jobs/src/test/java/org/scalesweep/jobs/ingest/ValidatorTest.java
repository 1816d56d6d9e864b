package org.scalesweep.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.grid.BudgetGrid;
import org.scalesweep.jobs.config.Study;

/** Validation of inputs without Spark: CSV and JSON lines are read on the driver. */
class ValidatorTest {
  @TempDir
  Path tmp;

  static Path data(String name) {
    Path p = Path.of("..", "data", name);
    return p.toFile().exists() ? p : Path.of("data", name);
  }

  private static Ingested load(Path p, IngestOptions o) {
    return Validator.validate(p.toString(), InputReader.read(null, p, o.format()), o);
  }

  private static List<String> problems(String defect) {
    Path p = data("defects/" + defect);
    try {
      load(p, IngestOptions.defaults());
    } catch (InvalidInputException e) {
      return e.problems();
    }
    throw new AssertionError(defect + " was accepted");
  }

  @Test
  void missingColumnIsNamedWithTheColumnsPresent() {
    assertThat(problems("missing-column.csv")).singleElement().asString()
        .endsWith("missing-column.csv: missing column 'loss' (required; map another column with --map loss=NAME); "
            + "columns: [run_id, corpus, params, tokens, seed]");
  }

  @Test
  void mistypedValuesAreReportedPerRowWithTheirLine() {
    assertThat(problems("mistyped.csv")).satisfiesExactly(
        p -> assertThat(p).endsWith("mistyped.csv:3: params = 'abc' is not a number"),
        p -> assertThat(p).endsWith("mistyped.csv:4: seed = 1.5 is not an integer"),
        p -> assertThat(p).endsWith("mistyped.csv:5: loss = 'low' is not a number"));
  }

  @Test
  void aRecipeOrConditionColumnNamesTheRunsSweep(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path recipes = dir.resolve("recipes.csv");
    java.nio.file.Files.writeString(recipes, "run_id,recipe,params,tokens,subgroup,loss\n"
        + "a,adamw,45200000,22100000000,all,3.24\n" + "a,lion,45200000,22100000000,all,3.20\n");
    assertThat(load(recipes, IngestOptions.defaults()).runs()).extracting(RunRecord::corpus)
        .containsExactlyInAnyOrder("adamw", "lion");
    Path conditions = dir.resolve("conditions.csv");
    java.nio.file.Files.writeString(conditions, "run_id,corpus,condition,params,tokens,subgroup,loss\n"
        + "a,dclm,base,45200000,22100000000,all,3.24\n" + "a,dclm,filtered,45200000,22100000000,all,3.25\n");
    assertThat(load(conditions, IngestOptions.defaults()).runs()).extracting(RunRecord::corpus)
        .containsExactlyInAnyOrder("dclm-base", "dclm-filtered");
    Path both = dir.resolve("both.csv");
    java.nio.file.Files.writeString(both, "run_id,recipe,condition,params,tokens,loss\n"
        + "a,adamw,base,45200000,22100000000,3.24\n");
    assertThatThrownBy(() -> load(both, IngestOptions.defaults())).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).singleElement().asString().endsWith("both.csv:2: both 'recipe' (adamw) and "
            + "'condition' (base) are set; allowed: one column naming the run's sweep"));
  }

  @Test
  void nonPositiveSizes() {
    assertThat(problems("nonpositive-size.csv")).satisfiesExactly(
        p -> assertThat(p).endsWith("nonpositive-size.csv:3: params = 0 must be positive"),
        p -> assertThat(p).endsWith("nonpositive-size.csv:4: tokens = -5.0e8 must be positive"));
  }

  @Test
  void nonFiniteNegativeAndMissingLosses() {
    assertThat(problems("bad-loss.csv")).satisfiesExactly(
        p -> assertThat(p).endsWith("bad-loss.csv:3: loss = NaN must be a positive finite number"),
        p -> assertThat(p).endsWith("bad-loss.csv:4: loss = -1.2 must be a positive finite number"),
        p -> assertThat(p).endsWith("bad-loss.csv:5: loss = Infinity must be a positive finite number"),
        p -> assertThat(p).endsWith("bad-loss.csv:6: missing value of 'loss'"));
  }

  @Test
  void duplicateKeysPointAtTheFirstRow() {
    assertThat(problems("duplicate.csv")).singleElement().asString()
        .matches(".*duplicate.csv:4: duplicate of .*duplicate.csv:2 \\(same study, corpus, subgroup, run_id, seed\\)");
  }

  @Test
  void flopsInconsistentWithTheOtherRunsBeyondTheTolerance() {
    // r1 and r3 log 1.00 and 1.08 times 6ND; r2 logs 2.00 times: the one off the others is reported
    assertThat(problems("flops-mismatch.csv")).singleElement().asString()
        .endsWith("flops-mismatch.csv:3: flops = 2.4e18 is inconsistent with the other runs: "
            + "flops/(6*params*tokens) = 2.000 here, 1.041 expected at params = 200000000 from the other runs "
            + "(off by 92.2%, tolerance 10.0%; see --flops-tolerance)");
    // a looser tolerance accepts it
    IngestOptions loose = new IngestOptions(null, ColumnMap.identity(), 1.5, new BudgetGrid(10));
    assertThat(load(data("defects/flops-mismatch.csv"), loose).runs()).hasSize(3);
  }

  @Test
  void sizesOfOneRunMustAgreeAndAccuracyIsAFraction() {
    assertThat(problems("inconsistent-run.csv")).satisfiesExactly(
        p -> assertThat(p).matches(".*inconsistent-run.csv:3: run_id 'r1' has tokens = 3000000000 here but 2000000000 at "
            + ".*inconsistent-run.csv:2"),
        p -> assertThat(p).endsWith("inconsistent-run.csv:4: accuracy = 1.5 must lie in [0, 1]"));
  }

  @Test
  void theReportShowsTwentyProblemsAndCountsTheRest() throws Exception {
    StringBuilder csv = new StringBuilder("params,tokens,loss\n");
    for (int i = 0; i < 30; i++) {
      csv.append(i + 1).append(",-1,2.5\n");
    }
    Path p = tmp.resolve("many.csv");
    Files.writeString(p, csv);
    InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
        () -> load(p, IngestOptions.defaults()));
    assertThat(e.problems()).hasSize(30);
    List<String> report = e.report();
    assertThat(report.get(0)).isEqualTo("invalid input " + p + ": 30 problems; nothing was written:");
    assertThat(report).hasSize(1 + 20 + 2);
    assertThat(report.get(21)).isEqualTo("  ... and 10 more (30 in total)");
  }

  @Test
  void defaultsDerivedFlopsAndBudgetsAreSaid() throws Exception {
    Path p = tmp.resolve("min.csv");
    Files.writeString(p, "params,tokens,loss\n1e8,2e9,3.1\n2e8,1e9,3.0\n4e8,5e8,3.2\n");
    Ingested in = load(p, IngestOptions.defaults());
    RunRecord r = in.runs().get(0);
    assertThat(r.corpus()).isEqualTo(Canonical.DEFAULT_CORPUS);
    assertThat(r.subgroup()).isEqualTo(Study.OVERALL);
    assertThat(r.study()).isEqualTo(Study.OVERALL);
    assertThat(r.runId()).isEqualTo("N100000000-D2000000000");
    assertThat(r.flops()).isEqualTo(1.2e18);
    // 1.2e18 / 3 = 4e17 for all three runs: one budget found from the data
    assertThat(r.budget()).isEqualTo(4e17);
    assertThat(in.flopsDerived()).isTrue();
    assertThat(in.budgetsDerived()).isTrue();
    assertThat(in.notes()).anyMatch(n -> n.startsWith("flops: not in the input; derived as 6*params*tokens"))
        .anyMatch(n -> n.contains("1 IsoFLOP budgets found from the logged compute") && n.contains("{4e17=3}"));
    // the fixed grid, as before: log10 17.602 -> grid 17.6 -> 3.98e17
    Ingested grid = load(p, new IngestOptions(null, ColumnMap.identity(), 0.1, new BudgetGrid(10)));
    assertThat(grid.runs().get(0).budget()).isEqualTo(3.981072e17);
    assertThat(grid.notes()).anyMatch(n -> n.contains("IsoFLOP budgets are flops/3 rounded in log10 to 10 steps"));
  }

  @Test
  void jsonLinesWithMappedColumnsReadTheSameRunsAsTheCsv() {
    IngestOptions mapped = new IngestOptions(null, ColumnMap.parse(List.of("run_id=model", "corpus=dataset",
        "params=n_params", "tokens=n_tokens", "subgroup=slice", "loss=val_loss")), 0.1, new BudgetGrid(10));
    Ingested json = load(data("runs-example.jsonl"), mapped);
    Ingested csv = load(data("runs-example.csv"), new IngestOptions(null, ColumnMap.identity(), 0.1, new BudgetGrid(10)));
    assertThat(json.runs()).hasSize(120);
    for (int i = 0; i < 120; i++) {
      RunRecord a = json.runs().get(i);
      RunRecord b = csv.runs().get(i);
      assertThat(List.of(a.runId(), a.corpus(), a.subgroup(), a.params(), a.tokens(), a.seed(), a.loss(), a.budget()))
          .isEqualTo(List.of(b.runId(), b.corpus(), b.subgroup(), b.params(), b.tokens(), b.seed(), b.loss(), b.budget()));
    }
    assertThat(json.flopsDerived()).isTrue();
    assertThat(csv.flopsDerived()).isFalse();
  }

  @Test
  void badMapsAreUsageProblems() {
    assertThatThrownBy(() -> ColumnMap.parse(List.of("los=val_loss", "loss", "loss=a", "loss=b")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
            "--map 'los=val_loss': 'los' is not a canonical column; allowed: run_id, corpus, params, tokens, flops, "
                + "subgroup, seed, item_id, loss, accuracy, budget, width, depth, study, recipe, condition",
            "--map 'loss' must have the form canonical=source",
            "--map 'loss=b': canonical column 'loss' is mapped twice"));
  }

  @Test
  void itemRowsAverageIntoRunsAndNeedZeroOneAccuracy() throws Exception {
    Path p = tmp.resolve("items.csv");
    Files.writeString(p, "run_id,params,tokens,subgroup,item_id,loss,accuracy\n"
        + "a,1e8,2e9,math,q2,2.0,1\n" + "a,1e8,2e9,math,q10,4.0,0\n" + "b,2e8,1e9,math,q2,1.0,1\n"
        + "b,2e8,1e9,math,q10,3.0,1\n");
    Ingested in = load(p, IngestOptions.defaults());
    assertThat(in.itemLevel()).isTrue();
    assertThat(in.runs()).extracting(RunRecord::runId, RunRecord::loss, RunRecord::accuracy, RunRecord::items)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 3.0, 0.5, 2),
            org.assertj.core.groups.Tuple.tuple("b", 2.0, 1.0, 2));
    assertThat(in.runs().get(0).study()).isEqualTo(Canonical.INGESTED_STUDY);
    Files.writeString(p, "run_id,params,tokens,item_id,loss,accuracy\na,1e8,2e9,q1,2.0,0.5\n");
    assertThatThrownBy(() -> load(p, IngestOptions.defaults())).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).singleElement().asString()
            .endsWith(":2: accuracy = 0.5 of an item row must be 0 or 1 (wrong or correct)"));
  }

  @Test
  void csvQuotingAndLineNumbers() {
    InputTable t = CsvFile.parse("x.csv", "a,\"b,c\"\r\n\"multi\nline\",\"say \"\"hi\"\"\"\n\n3,4\n5\n");
    assertThat(t.columns()).containsExactly("a", "b,c");
    assertThat(t.rows()).hasSize(2);
    assertThat((String[]) t.rows().get(0)).containsExactly("multi\nline", "say \"hi\"");
    assertThat(t.where()).containsExactly("x.csv:2", "x.csv:5");
    assertThat(t.parseProblems()).containsExactly("x.csv:6: 1 fields, the header has 2");
  }
}
