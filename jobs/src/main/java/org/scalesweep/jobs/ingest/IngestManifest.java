package org.scalesweep.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.grid.BudgetGrid;

/**
 * One set of validation settings per dataset: ingest records its flops tolerance, budget rule and
 * parameter convention in manifest.json (stage {@code ingest}, key {@link Ingested#VALIDATION}), and
 * fit-runs, backtest and {@code run} with {@code source = ingest} that read an ingest output (its
 * directory, or the runs.parquet in it) validate with those settings instead of their own defaults.
 */
public final class IngestManifest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestManifest() {}

  /** What the manifest records of the options. */
  static Map<String, Object> validation(IngestOptions o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flops_tolerance", o.flopsTolerance());
    m.put("budgets", o.budgetRule().key());
    m.put("budget_tolerance", o.budgetTolerance());
    m.put("budget_grid", o.budgets().stepsPerDecade());
    m.put("params_embeddings", o.paramsEmbeddings().key());
    return m;
  }

  /** The manifest.json of the ingest output an input path belongs to, or null. */
  public static Path manifestOf(Path input) {
    Path dir = Files.isDirectory(input) && Files.exists(input.resolve("manifest.json")) ? input
        : input.toAbsolutePath().getParent();
    if (dir == null) {
      return null;
    }
    Path m = dir.resolve("manifest.json");
    return Files.isRegularFile(m) ? m : null;
  }

  /** The runs.parquet an input path names: the directory's runs.parquet for an ingest output directory. */
  public static Path runsOf(Path input) {
    Path runs = input.resolve("runs.parquet");
    return Files.isDirectory(input) && Files.exists(input.resolve("manifest.json")) && Files.exists(runs) ? runs : input;
  }

  /**
   * {@code options} with the validation settings of the ingest that wrote {@code input}, or
   * unchanged (empty note) when the input is not an ingest output.
   *
   * @return the options and a note for stderr and the manifest ("" when unchanged)
   */
  public static Applied apply(Path input, IngestOptions options) {
    Path m = manifestOf(input);
    if (m == null) {
      return new Applied(options, "");
    }
    JsonNode v;
    try {
      v = JSON.readTree(Files.readString(m)).path("stages").path("ingest").path(Ingested.VALIDATION);
    } catch (IOException e) {
      throw new InvalidInputException(m.toString(), List.of(m + ": not readable as a manifest (" + e.getMessage() + ")"));
    }
    if (v.isMissingNode() || !v.isObject()) {
      return new Applied(options, "");
    }
    IngestOptions o = options.withValidation(v.path("flops_tolerance").asDouble(options.flopsTolerance()),
        v.has("budgets") ? BudgetRule.parse(v.path("budgets").asText()) : options.budgetRule(),
        v.path("budget_tolerance").asDouble(options.budgetTolerance()),
        new BudgetGrid(v.path("budget_grid").asInt(options.budgets().stepsPerDecade())),
        v.has("params_embeddings") ? ParamsEmbeddings.parse(v.path("params_embeddings").asText())
            : options.paramsEmbeddings());
    return new Applied(o, "validation settings of " + m + " (the ingest that wrote this input): flops tolerance "
        + o.flopsTolerance() + ", budgets " + o.budgetRule().key() + ", params " + o.paramsEmbeddings().key());
  }

  /** Options after {@link #apply} and what was done. */
  public record Applied(IngestOptions options, String note) {}
}
