package org.scalesweep.jobs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.ingest.Ingest;
import org.scalesweep.jobs.ingest.IngestOptions;
import org.scalesweep.jobs.ingest.Ingested;
import org.scalesweep.jobs.ingest.RunRecord;
import org.scalesweep.jobs.table.Outputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scalesweep ingest --input FILE|DIR --out DIR}: real runs into runs.parquet (and items.parquet). */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Validate real run results (CSV, JSON lines or Parquet) and write them as runs.parquet (and "
        + "items.parquet when item-level) in the pipeline's schema. Problems are listed together; exit 2, nothing written.")
final class IngestCommand extends RunsCommand {
  @Option(names = "--input", required = true, paramLabel = "FILE|DIR", description = "Input file or directory.")
  Path inputPath;

  private Ingested ingested;

  @Override
  String command() {
    return "ingest";
  }

  @Override
  void checkOptions() {
    // every option of ingest is an input option
  }

  @Override
  Map<String, Object> describe() {
    return Map.of();
  }

  @Override
  long seed() {
    return 0;
  }

  @Override
  Path inputPath() {
    return inputPath;
  }

  @Override
  Writer prepare(SparkSession spark, IngestOptions options) {
    ingested = load(spark, inputPath, options);
    return outputs -> {
      Map<String, Long> rows = new LinkedHashMap<>();
      rows.put(Outputs.RUNS, outputs.writeParquet(Outputs.RUNS, ingested.runsFrame(spark)));
      if (ingested.itemLevel()) {
        rows.put(Outputs.ITEMS, outputs.writeParquet(Outputs.ITEMS, ingested.itemsFrame(spark)));
      }
      TreeSet<String> corpora = new TreeSet<>();
      TreeSet<String> subgroups = new TreeSet<>();
      TreeSet<Double> budgetValues = new TreeSet<>();
      for (RunRecord r : ingested.runs()) {
        corpora.add(r.corpus());
        subgroups.add(r.subgroup());
        budgetValues.add(r.budget());
      }
      System.out.printf("Ingested %d run rows%s from %s: corpora %s, subgroups %s, %d budgets %s.%n",
          ingested.runs().size(), ingested.itemLevel() ? " (" + ingested.items().size() + " item rows)" : "",
          inputPath, corpora, subgroups, budgetValues.size(), budgetValues.stream()
              .map(b -> String.format(java.util.Locale.ROOT, "%.3g", b)).toList());
      System.out.println("Wrote " + Path.of(out, Outputs.RUNS) + (ingested.itemLevel() ? " and " + Path.of(out,
          Outputs.ITEMS) : "") + ".");
      return rows;
    };
  }

  @Override
  Map<String, Object> notes() {
    return ingested.manifest();
  }

  /** Loads an input and tells on stderr what was derived or ignored. */
  static Ingested load(SparkSession spark, Path input, IngestOptions options) {
    Ingested in = Ingest.load(spark, input, options);
    in.notes().forEach(n -> System.err.println("ingest: " + n));
    return in;
  }
}
