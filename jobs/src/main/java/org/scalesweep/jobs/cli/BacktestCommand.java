package org.scalesweep.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.fit.RunLaw;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.config.StudyLoader;
import org.scalesweep.jobs.ingest.IngestOptions;
import org.scalesweep.jobs.ingest.Ingested;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.runs.BacktestJob;
import org.scalesweep.jobs.runs.RunGroup;
import org.scalesweep.jobs.stage.Stages;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.sim.CorpusTruth;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scalesweep backtest (--input FILE | --conf CONF) --out DIR}: how well a law extrapolates. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = "Fit a law on all but the largest --holdout budgets of every (corpus, subgroup), predict the held-out "
        + "points and check them against bootstrap predictive intervals (fit uncertainty plus residual noise). Runs come "
        + "from an input (--input) or from a study (--conf: simulated with known truth, or its ingest.path). Writes "
        + "backtest.parquet (one row per held-out point) and backtest-summary.parquet, and prints both.")
final class BacktestCommand extends RunsCommand {
  static final String POINTS = "backtest.parquet";
  static final String SUMMARY = "backtest-summary.parquet";

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the runs come from. */
  static final class Source {
    @Option(names = "--input", paramLabel = "FILE|DIR", description = "Runs to backtest (as for fit-runs).")
    Path input;

    @Option(names = "--conf", paramLabel = "CONF", description = "A study: its simulated (or ingested) runs.")
    Path conf;
  }

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With --conf: override a config key (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--holdout", paramLabel = "K", defaultValue = "1",
      description = "Largest budgets held out and predicted. Default: ${DEFAULT-VALUE}.")
  int holdout;

  @Option(names = "--law", paramLabel = "chinchilla|power|offset-power", defaultValue = "chinchilla",
      description = "Law to fit and extrapolate. Default: ${DEFAULT-VALUE}.")
  String law;

  @Mixin
  FitOptions fit;

  private Study study;

  @Override
  String command() {
    return "backtest";
  }

  @Override
  void checkOptions() {
    FitRunsCommand.parseLaw(law);
    fit.check(1);
    if (holdout < 1) {
      throw new UsageException("--holdout " + holdout + " must be >= 1");
    }
    if (source.conf != null) {
      study = StudyLoader.load(source.conf, sets);
    } else if (!sets.isEmpty()) {
      throw new UsageException("--set goes with --conf");
    }
  }

  @Override
  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (study != null) {
      m.put("conf", source.conf.toString());
      m.put("study_config_hash", study.configHash());
    }
    m.put("law", law);
    m.put("holdout", holdout);
    m.putAll(fit.describe());
    return m;
  }

  @Override
  long seed() {
    return fit.seed;
  }

  @Override
  Path inputPath() {
    return source.input != null ? source.input : source.conf;
  }

  @Override
  Writer prepare(SparkSession spark, IngestOptions options) {
    Path tmp = null;
    Ingested in;
    try {
      if (study != null) {
        // the study's runs, made in a scratch directory: simulate (grid + simulate) or ingest
        tmp = Files.createTempDirectory("scalesweep-backtest");
        List<Stage> stages = Stages.all(study).stream().filter(s -> List.of("grid", "simulate", "ingest")
            .contains(s.name())).toList();
        try {
          Pipeline.execute(study, spark, tmp.toString(), stages, false);
          in = IngestCommand.load(spark, tmp.resolve(Outputs.RUNS), IngestOptions.defaults());
        } catch (RuntimeException e) {
          StudySession.clearOutput(tmp.toString());
          throw e;
        }
      } else {
        in = IngestCommand.load(spark, source.input, options);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<RunGroup> groups = RunGroup.of(in, fit.unit());
    BacktestJob.Truth truth = study != null && !study.ingested() ? new StudyTruth(study) : (g, b, n, d) -> null;
    BacktestJob.Output r = BacktestJob.run(spark, groups, new BacktestJob.Settings(RunLaw.parse(law), holdout,
        fit.resamples, fit.level, fit.seed, fit.screen), truth);
    List<Row> pointRows = r.points();
    List<Row> summaryRows = r.summary();
    Path scratch = tmp;
    return outputs -> {
      Map<String, Long> rows = new LinkedHashMap<>();
      rows.put(POINTS, outputs.writeParquet(POINTS, r.pointsFrame(spark)));
      rows.put(SUMMARY, outputs.writeParquet(SUMMARY, r.summaryFrame(spark)));
      if (scratch != null) {
        rows.put(Outputs.RUNS, outputs.writeParquet(Outputs.RUNS, spark.read().parquet(scratch.resolve(Outputs.RUNS)
            .toString())));
        StudySession.clearOutput(scratch.toString());
      }
      System.out.println("Backtest of " + law + ", holding out the largest " + holdout + " budget(s):");
      TextTable.print(System.out, summaryRows, List.of("corpus", "subgroup", "train_budgets", "heldout_budgets", "points",
          "mean_abs_rel_error", "max_abs_rel_error", "coverage", "flags"), 0);
      System.out.println();
      TextTable.print(System.out, pointRows, List.of("corpus", "subgroup", "budget", "params", "tokens", "observed",
          "predicted", "relative_error", "pi_low", "pi_high", "inside", "truth"), 20);
      System.out.printf("coverage: share of held-out points inside their %.0f%% predictive interval. Outputs: %s, %s%n",
          100 * fit.level, Path.of(out, POINTS), Path.of(out, SUMMARY));
      return rows;
    };
  }

  /** The noiseless loss of a simulated study's run. */
  private record StudyTruth(Study study) implements BacktestJob.Truth {
    @Override
    public Double at(RunGroup g, double budget, double params, double tokens) {
      Study.Corpus corpus = study.corpora().stream().filter(c -> c.name().equals(g.corpus())).findFirst().orElse(null);
      if (corpus == null) {
        return null;
      }
      if (g.subgroup().equals(Study.OVERALL)) {
        return corpus.overall().at(params, tokens);
      }
      Study.CaseStudy cs = study.caseStudies().stream().filter(c -> c.name().equals(g.study())).findFirst().orElse(null);
      if (cs == null) {
        return null;
      }
      CorpusTruth t = cs.truth(corpus);
      return t.loss(t.indexOf(g.subgroup()), params, tokens, budget);
    }
  }
}
