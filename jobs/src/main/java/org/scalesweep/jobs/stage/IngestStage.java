package org.scalesweep.jobs.stage;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.grid.BudgetGrid;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.ingest.Canonical;
import org.scalesweep.jobs.ingest.BudgetRule;
import org.scalesweep.jobs.ingest.ColumnMap;
import org.scalesweep.jobs.ingest.IngestManifest;
import org.scalesweep.jobs.ingest.MappingFile;
import org.scalesweep.jobs.ingest.ParamsEmbeddings;
import org.scalesweep.jobs.ingest.Ingest;
import org.scalesweep.jobs.ingest.IngestOptions;
import org.scalesweep.jobs.ingest.Ingested;
import org.scalesweep.jobs.ingest.InputFormat;
import org.scalesweep.jobs.ingest.InvalidInputException;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.Outputs;

/**
 * ingest → runs.parquet (and items.parquet for item-level input) from the study's ingest.path, in
 * place of simulate: validated first (nothing is written when the input has a problem), then in the
 * pipeline's run schema, so fit, bootstrap and report run unchanged.
 */
public final class IngestStage implements Stage {
  private Map<String, Object> notes = Map.of();

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    return List.of(Outputs.RUNS);
  }

  /** The study's ingest settings as options (before an earlier ingest's manifest is applied). */
  public static IngestOptions options(Study.IngestSettings s) {
    Map<Canonical, String> m = new EnumMap<>(Canonical.class);
    s.columns().forEach((k, v) -> {
      Canonical c = Canonical.of(k);
      if (c == null) {
        throw new InvalidInputException("ingest.columns", List.of("key 'ingest.columns." + k
            + "' is not a canonical column; allowed: " + Canonical.names()));
      }
      m.put(c, v);
    });
    ColumnMap columns = new ColumnMap(m);
    MappingFile file = s.mapping() == null ? null : MappingFile.read(Path.of(s.mapping()));
    if (file != null) {
      columns = ColumnMap.parse(file.columns()).overriddenBy(columns);
    }
    List<String> subgroups = s.subgroups() != null ? List.of(s.subgroups())
        : file != null ? file.subgroups() : List.of();
    ParamsEmbeddings embeddings = s.paramsEmbeddings() != null ? ParamsEmbeddings.parse(s.paramsEmbeddings())
        : file != null && file.paramsEmbeddings() != null ? file.paramsEmbeddings() : ParamsEmbeddings.UNKNOWN;
    IngestOptions o = new IngestOptions(s.format() == null ? null : InputFormat.parse(s.format()), columns,
        s.flopsTolerance(), new BudgetGrid(s.budgetGrid()), BudgetRule.parse(s.budgets()), s.budgetTolerance(), subgroups,
        embeddings);
    return o;
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    Study study = ctx.study();
    ctx.begin(name(), "reading and validating " + study.ingest().path());
    IngestManifest.Applied earlier = IngestManifest.apply(Path.of(study.ingest().path()), options(study.ingest()));
    if (!earlier.note().isEmpty()) {
      ctx.log().println("[ingest] " + earlier.note());
    }
    Ingested in = Ingest.load(ctx.spark(), Path.of(study.ingest().path()), earlier.options());
    in.notes().forEach(n -> ctx.log().println("[ingest] " + n));
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put(Outputs.RUNS, ctx.outputs().writeParquet(Outputs.RUNS, in.runsFrame(ctx.spark())));
    if (in.itemLevel()) {
      rows.put(Outputs.ITEMS, ctx.outputs().writeParquet(Outputs.ITEMS, in.itemsFrame(ctx.spark())));
    }
    notes = in.manifest();
    return rows;
  }

  @Override
  public Map<String, Object> manifestNotes() {
    return notes;
  }
}
