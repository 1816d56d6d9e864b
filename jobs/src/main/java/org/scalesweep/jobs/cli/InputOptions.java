package org.scalesweep.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.grid.BudgetGrid;
import org.scalesweep.jobs.ingest.ColumnMap;
import org.scalesweep.jobs.ingest.IngestOptions;
import org.scalesweep.jobs.ingest.InputFormat;
import picocli.CommandLine.Option;

/** How ingest, fit-runs and backtest read an input of runs (data/README.md). */
final class InputOptions {
  @Option(names = "--format", paramLabel = "csv|parquet|jsonl",
      description = "Input format (default: from file endings; a directory of Parquet part files is Parquet).")
  String format;

  @Option(names = "--map", paramLabel = "CANONICAL=SOURCE",
      description = "Read canonical column CANONICAL from input column SOURCE (repeatable), e.g. --map loss=val_loss.")
  List<String> map = new ArrayList<>();

  @Option(names = "--flops-tolerance", paramLabel = "X", defaultValue = "" + IngestOptions.DEFAULT_FLOPS_TOLERANCE,
      description = "Largest allowed |flops - 6*params*tokens| / (6*params*tokens). Default: ${DEFAULT-VALUE}.")
  double flopsTolerance;

  @Option(names = "--budget-grid", paramLabel = "K", defaultValue = "" + IngestOptions.DEFAULT_STEPS_PER_DECADE,
      description = "Without a budget column, IsoFLOP budgets are flops/3 rounded in log10 to K steps per decade. "
          + "Default: ${DEFAULT-VALUE}.")
  int budgetGrid;

  /** The options, validated (bad values exit 2 before anything starts). */
  IngestOptions options() {
    if (budgetGrid < 1 || budgetGrid > 1000) {
      throw new UsageException("--budget-grid " + budgetGrid + " is out of range; allowed: 1..1000 steps per decade");
    }
    return new IngestOptions(format == null ? null : InputFormat.parse(format), ColumnMap.parse(map), flopsTolerance,
        new BudgetGrid(budgetGrid));
  }

  /** The options as manifest.json records them. */
  Map<String, Object> describe(Path input) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", input.toString());
    m.put("format", format == null ? "auto" : format);
    m.put("map", List.copyOf(map));
    m.put("flops_tolerance", flopsTolerance);
    m.put("budget_grid", budgetGrid);
    return m;
  }
}
