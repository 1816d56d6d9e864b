package org.scalesweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.QuickRun;
import org.scalesweep.jobs.TestStudies;

class CommandLineTest {
  @TempDir
  Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void helpOnEveryCommand() {
    CliRun top = run("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("run", "grid", "simulate", "fit", "bootstrap", "report", "show", "ingest", "fit-runs",
        "backtest", "bench", "calibrate", "power", "advise");
    for (String cmd : new String[] {"run", "grid", "simulate", "fit", "bootstrap", "report", "show", "ingest", "fit-runs",
        "backtest", "bench", "calibrate", "power", "advise"}) {
      CliRun r = run(cmd, "--help");
      assertThat(r.code()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("Usage:");
    }
  }

  @Test
  void unknownOptionExitsTwo() {
    CliRun r = run("run", "--no-such-option");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--no-such-option");
  }

  @Test
  void missingRequiredKeyExitsTwoNamingItAndLeavesNoOutput() throws Exception {
    Path conf = tmp.resolve("bad.conf");
    Files.writeString(conf, Files.readString(TestStudies.conf("quick.conf")).replace("name = quick", ""));
    Path out = tmp.resolve("out");
    CliRun r = run("run", conf.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("study.name").contains("required");
    assertThat(out).doesNotExist();
  }

  @Test
  void badValuesAndUnknownKeysAreReportedTogetherWithSuggestions() {
    Path out = tmp.resolve("out2");
    CliRun r = run("run", TestStudies.conf("quick.conf").toString(), "--out", out.toString(), "--set",
        "bootstrap.resamples=-5", "--set", "bootstrap.resample=10", "--set", "bootstrap.scheme=rows");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'bootstrap.resamples' = -5").contains("integer in [1, 10000000]")
        .contains("unknown key 'bootstrap.resample'").contains("did you mean 'bootstrap.resamples'")
        .contains("'bootstrap.scheme' = \"rows\"").contains("one of cluster, items, two-way");
    assertThat(out).doesNotExist();
  }

  @Test
  void existingOutputIsNotOverwrittenWithoutTheFlag() throws Exception {
    Path out = tmp.resolve("existing");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    CliRun r = run("run", TestStudies.conf("quick.conf").toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("already exists").contains("--overwrite");
    assertThat(out.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void missingConfigFileIsAUsageError() {
    CliRun r = run("grid", tmp.resolve("nope.conf").toString(), "--out", tmp.resolve("o").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nope.conf").contains("does not exist");
  }

  @Test
  void overwriteRefusesADirectoryScaleSweepDidNotWrite() throws Exception {
    Path out = tmp.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("thesis.tex"), "years of work");
    CliRun r = run("run", TestStudies.conf("quick.conf").toString(), "--out", out.toString(), "--overwrite");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not a ScaleSweep output directory").contains("not deleting");
    assertThat(out.resolve("thesis.tex")).hasContent("years of work");
  }

  @Test
  void overwriteAndResumeExcludeEachOther() {
    CliRun r = run("run", TestStudies.conf("quick.conf").toString(), "--out", tmp.resolve("x").toString(),
        "--overwrite", "--resume");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--overwrite and --resume exclude each other");
  }

  @Test
  void resumeOfACompleteRunSkipsEveryStageAndPrintsTheSummary() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("done"));
    byte[] sig = Files.readAllBytes(firstPart(out.resolve("significance.parquet")));
    CliRun r = run("run", TestStudies.conf("quick.conf").toString(), "--out", out.toString(), "--resume",
        "--master", "local[2]");
    assertThat(r.code()).as(r.err()).isZero();
    for (String stage : new String[] {"grid", "simulate", "fit", "bootstrap", "report"}) {
      assertThat(r.err()).contains("[" + stage + "] complete for this config; skipped (--resume)");
    }
    assertThat(r.out()).contains("1 of 2 contrasts significant").contains("demo (vs base)")
        .containsPattern("faster +gap narrows");
    assertThat(Files.readAllBytes(firstPart(out.resolve("significance.parquet")))).isEqualTo(sig);
  }

  @Test
  void overwriteReplacesAnEarlierRunEntirely() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("old"));
    Files.writeString(out.resolve("stale.txt"), "from an earlier run");
    CliRun r = run("run", TestStudies.conf("quick.conf").toString(), "--out", out.toString(), "--overwrite",
        "--master", "local[2]", "--set", "bootstrap.resamples=100", "--set", "fit.approach3.screen=5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("stale.txt")).doesNotExist();
    var manifest = com.typesafe.config.ConfigFactory.parseFile(out.resolve("manifest.json").toFile());
    assertThat(manifest.getInt("config.bootstrap.resamples")).isEqualTo(100);
    assertThat(manifest.getString("config_hash")).isNotEqualTo(QuickRun.study().configHash());
    assertThat(manifest.getObject("stages").keySet()).containsExactlyInAnyOrder("grid", "simulate", "fit",
        "bootstrap", "report");
  }

  @Test
  void theSameCommandAfterAFailedStageContinuesAndCompletesTheStudy() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("failed"));
    // what a run whose bootstrap stage failed leaves: earlier stages' outputs and their manifest entries
    for (String gone : new String[] {"significance.parquet", "crossovers.parquet", "report"}) {
      QuickRun.delete(out.resolve(gone));
    }
    CliRun r = run("run", TestStudies.conf("quick.conf").toString(), "--out", out.toString(), "--master", "local[2]");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("continuing the run in " + out).contains("[fit] complete for this config; skipped")
        .contains("[bootstrap] done in").contains("[report] done in");
    var spark = org.scalesweep.jobs.SparkTestSession.get();
    org.scalesweep.jobs.OutputSnapshot.assertIdentical(org.scalesweep.jobs.OutputSnapshot.of(spark, out),
        org.scalesweep.jobs.OutputSnapshot.of(spark, QuickRun.dir()));
  }

  @Test
  void aDirectoryWithAnotherConfigsResultsIsNeverTouched() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("theirs"));
    byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
    CliRun r = run("run", TestStudies.conf("quick.conf").toString(), "--out", out.toString(), "--set", "seed=8");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("already exists with other results").contains("--overwrite").contains("--resume");
    assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(manifest);
  }

  private static Path firstPart(Path parquetDir) throws Exception {
    try (var files = Files.list(parquetDir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().findFirst().orElseThrow();
    }
  }
}
