package org.scalesweep.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.grid.BudgetGrid;
import org.scalesweep.jobs.ingest.BudgetRule;
import org.scalesweep.jobs.ingest.ColumnMap;
import org.scalesweep.jobs.ingest.MappingFile;
import org.scalesweep.jobs.ingest.ParamsEmbeddings;
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

  @Option(names = "--budget-grid", paramLabel = "K",
      description = "With --budgets grid (implied by this option): IsoFLOP budgets are flops/3 rounded in log10 to K "
          + "steps per decade. Default: " + IngestOptions.DEFAULT_STEPS_PER_DECADE + ".")
  Integer budgetGrid;

  @Option(names = "--budgets", paramLabel = "data|grid",
      description = "Without a budget column: find IsoFLOP budgets from the logged compute (data, the default; runs "
          + "within --budget-tolerance of a neighbour share a budget) or round to a fixed grid (grid).")
  String budgets;

  @Option(names = "--budget-tolerance", paramLabel = "X", defaultValue = "" + IngestOptions.DEFAULT_BUDGET_TOLERANCE,
      description = "With --budgets data: largest relative gap in compute between neighbouring runs of one budget. "
          + "Default: ${DEFAULT-VALUE}.")
  double budgetTolerance;

  @Option(names = "--subgroup-columns", paramLabel = "PATTERN",
      description = "Wide exports: every column matching PATTERN (one '*', e.g. 'eval/*/loss') is the loss of the "
          + "subgroup '*' matched (repeatable).")
  List<String> subgroupColumns = new ArrayList<>();

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "A mapping file (HOCON: columns { canonical = source }, subgroups, params-embeddings), e.g. "
          + "data/tracker-mapping.conf; --map and --subgroup-columns take precedence.")
  Path mapping;

  @Option(names = "--params-embeddings", paramLabel = "unknown|included|excluded",
      description = "Whether the input's parameter counts include embeddings (explains FLOPs off 6*params*tokens). "
          + "Default: unknown.")
  String paramsEmbeddings;

  /** The options, validated (bad values exit 2 before anything starts). */
  IngestOptions options() {
    int grid = budgetGrid == null ? IngestOptions.DEFAULT_STEPS_PER_DECADE : budgetGrid;
    if (grid < 1 || grid > 1000) {
      throw new UsageException("--budget-grid " + grid + " is out of range; allowed: 1..1000 steps per decade");
    }
    BudgetRule rule = budgets != null ? BudgetRule.parse(budgets) : budgetGrid != null ? BudgetRule.GRID
        : BudgetRule.DATA;
    MappingFile file = mapping == null ? null : MappingFile.read(mapping);
    ColumnMap columns = ColumnMap.parse(map);
    if (file != null) {
      columns = ColumnMap.parse(file.columns()).overriddenBy(columns);
    }
    List<String> subgroups = !subgroupColumns.isEmpty() || file == null ? subgroupColumns : file.subgroups();
    ParamsEmbeddings embeddings = paramsEmbeddings != null ? ParamsEmbeddings.parse(paramsEmbeddings)
        : file != null && file.paramsEmbeddings() != null ? file.paramsEmbeddings() : ParamsEmbeddings.UNKNOWN;
    return new IngestOptions(format == null ? null : InputFormat.parse(format), columns, flopsTolerance,
        new BudgetGrid(grid), rule, budgetTolerance, subgroups, embeddings);
  }

  /** The options as manifest.json records them. */
  Map<String, Object> describe(Path input) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", input.toString());
    m.put("format", format == null ? "auto" : format);
    m.put("map", List.copyOf(map));
    m.put("flops_tolerance", flopsTolerance);
    m.put("budget_grid", budgetGrid == null ? IngestOptions.DEFAULT_STEPS_PER_DECADE : budgetGrid);
    m.put("budgets", budgets != null ? budgets : budgetGrid != null ? BudgetRule.GRID.key() : BudgetRule.DATA.key());
    m.put("budget_tolerance", budgetTolerance);
    m.put("subgroup_columns", List.copyOf(subgroupColumns));
    m.put("mapping", mapping == null ? "" : mapping.toString());
    m.put("params_embeddings", paramsEmbeddings == null ? "" : paramsEmbeddings);
    return m;
  }
}
