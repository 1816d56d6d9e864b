package org.scalesweep.jobs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.fit.RunLaw;
import org.scalesweep.jobs.ingest.Ingested;
import org.scalesweep.jobs.ingest.IngestOptions;
import org.scalesweep.jobs.runs.FitRunsJob;
import org.scalesweep.jobs.runs.ResampleUnit;
import org.scalesweep.jobs.runs.RunGroup;
import org.scalesweep.jobs.stage.Outputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scalesweep fit-runs --input FILE --law L --out DIR}: a law per group of runs, with bootstrap intervals. */
@Command(name = "fit-runs", mixinStandardHelpOptions = true,
    description = "Fit a law to every (corpus, subgroup) of an input of runs, with bootstrap standard errors and "
        + "percentile intervals: fits.parquet (one row per parameter) and a table on stdout. chinchilla is Approach 3 "
        + "(summed Huber, delta 1e-3, in log space, 4,500-start grid); power and offset-power are laws of compute along "
        + "the IsoFLOP frontier. IsoFLOP-shaped groups also get Approach 2's allocation exponents a, b.")
final class FitRunsCommand extends RunsCommand {
  @Option(names = "--input", required = true, paramLabel = "FILE|DIR",
      description = "Runs: a canonical CSV / JSON lines / Parquet input, or a runs.parquet of ingest or simulate.")
  Path inputPath;

  @Option(names = "--law", required = true, paramLabel = "chinchilla|power|offset-power", description = "Law to fit.")
  String law;

  @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
      description = "Bootstrap resamples (0: point estimates only). Default: ${DEFAULT-VALUE}.")
  int resamples;

  @Option(names = "--level", paramLabel = "L", defaultValue = "0.95", description = "Interval level. Default: ${DEFAULT-VALUE}.")
  double level;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the resamples. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--unit", paramLabel = "run|replicate|architecture", defaultValue = "run",
      description = "What one bootstrap weight covers. Default: ${DEFAULT-VALUE}.")
  String unit;

  @Option(names = "--screen", paramLabel = "K", defaultValue = "100",
      description = "Run L-BFGS from the best K of the 4,500 grid starts (0: every start). Default: ${DEFAULT-VALUE}.")
  int screen;

  @Override
  String command() {
    return "fit-runs";
  }

  @Override
  void checkOptions() {
    checkFitOptions(law, resamples, level, unit, screen);
  }

  /** Checks of the options fit-runs and backtest share. */
  static void checkFitOptions(String law, int resamples, double level, String unit, int screen) {
    try {
      RunLaw.parse(law);
      ResampleUnit.parse(unit);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (resamples < 0 || resamples > 1_000_000) {
      throw new UsageException("--bootstrap " + resamples + " is out of range; allowed: 0..1000000");
    }
    if (!(level > 0.5 && level < 1)) {
      throw new UsageException("--level " + level + " is out of range; allowed: (0.5, 1)");
    }
    if (screen < 0 || screen > 4500) {
      throw new UsageException("--screen " + screen + " is out of range; allowed: 0..4500");
    }
  }

  @Override
  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("law", law);
    m.put("bootstrap", resamples);
    m.put("level", level);
    m.put("unit", unit);
    m.put("screen", screen);
    return m;
  }

  @Override
  long seed() {
    return seed;
  }

  @Override
  Path inputPath() {
    return inputPath;
  }

  @Override
  Writer prepare(SparkSession spark, IngestOptions options) {
    Ingested in = IngestCommand.load(spark, inputPath, options);
    List<RunGroup> groups = RunGroup.of(in, ResampleUnit.parse(unit));
    Dataset<Row> fits = FitRunsJob.run(spark, groups, new FitRunsJob.Settings(RunLaw.parse(law), resamples, level, seed,
        screen, 0)).cache();
    List<Row> rows = fits.collectAsList();
    return outputs -> {
      long n = outputs.writeParquet(Outputs.FITS, fits);
      TextTable.print(System.out, rows, List.of("corpus", "subgroup", "law", "param", "estimate", "std_error", "ci_low",
          "ci_high", "flags"), 0);
      System.out.printf("%d groups, %d resamples, %.0f%% percentile intervals: %s%n", groups.size(), resamples,
          100 * level, Path.of(out, Outputs.FITS));
      return Map.of(Outputs.FITS, n);
    };
  }
}
