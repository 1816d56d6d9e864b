package org.scalesweep.jobs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.fit.RunLaw;
import org.scalesweep.jobs.ingest.IngestOptions;
import org.scalesweep.jobs.ingest.Ingested;
import org.scalesweep.jobs.pipeline.Timeline;
import org.scalesweep.jobs.runs.FitRunsJob;
import org.scalesweep.jobs.runs.RunGroup;
import org.scalesweep.jobs.table.Outputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin
  FitOptions fit;

  @Override
  String command() {
    return "fit-runs";
  }

  @Override
  void checkOptions() {
    parseLaw(law);
    fit.check(0);
  }

  /** The law of a --law value, or a usage error naming the allowed ones. */
  static RunLaw parseLaw(String law) {
    try {
      return RunLaw.parse(law);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  @Override
  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("law", law);
    m.putAll(fit.describe());
    return m;
  }

  @Override
  long seed() {
    return fit.seed;
  }

  @Override
  Path inputPath() {
    return inputPath;
  }

  @Override
  Writer prepare(SparkSession spark, IngestOptions options) {
    Ingested in = IngestCommand.load(spark, inputPath, options);
    Timeline.mark("ingest (read, validate)", System.err);
    List<RunGroup> groups = RunGroup.of(in, fit.unit());
    Dataset<Row> fits = FitRunsJob.run(spark, groups, new FitRunsJob.Settings(RunLaw.parse(law), fit.resamples, fit.level,
        fit.seed, fit.screen, 0)).cache();
    List<Row> rows = fits.collectAsList();
    return outputs -> {
      long n = outputs.writeParquet(Outputs.FITS, fits);
      TextTable.print(System.out, rows, List.of("corpus", "subgroup", "law", "param", "estimate", "std_error", "ci_low",
          "ci_high", "flags"), 0);
      System.out.printf("%d groups, %d resamples, %.0f%% percentile intervals: %s%n", groups.size(), fit.resamples,
          100 * fit.level, Path.of(out, Outputs.FITS));
      return Map.of(Outputs.FITS, n);
    };
  }
}
